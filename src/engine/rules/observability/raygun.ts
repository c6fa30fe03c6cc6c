/** Raygun: browser API keys (crash reporting, public) and personal access tokens (API). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const raygunApiKey: Rule = {
  id: 'raygun-api-key',
  title: 'Raygun application API key',
  provider: 'Raygun',
  category: 'observability',
  keywords: ['rg4js', 'raygun'],
  pattern:
    /(?:rg4js\(\s{0,3}["'`]apiKey["'`]\s{0,3},\s{0,3}|raygun[_-]?(?:app[_-]?|api[_-]?)?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3})\\?["'`]?(?<secret>[A-Za-z0-9]{20,32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Raygun application API key only submits crash reports and RUM data for one application; raygun4js needs it in the page. Anyone can send fake reports with it.',
  remediation: 'No rotation needed. Keep Raygun personal access tokens out of front-end code.',
  samples: {
    positives: ['rg4js("apiKey","{{alnum:22}}");rg4js("enableCrashReporting",!0)', 'RAYGUN_API_KEY={{alnum:22}}'],
    negatives: ['rg4js("apiKey",key)', 'RAYGUN_API_KEY={{alnum:8}}'],
  },
};

export const raygunPersonalAccessToken: Rule = {
  id: 'raygun-personal-access-token',
  title: 'Raygun personal access token',
  provider: 'Raygun',
  category: 'observability',
  keywords: ['raygun_pat', 'raygunpat', 'raygun_personal', 'raygunpersonal', 'raygun_token', 'rayguntoken', 'raygun_access_token', 'raygunaccesstoken', 'raygun-pat'],
  pattern:
    /raygun[_-]?(?:pat|personal[_-]?access[_-]?token|access[_-]?token|token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_-]{24,64})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Raygun personal access token reads crash reports and RUM data through the Raygun API (stack traces, request data, user details) and can change applications, with its scopes.',
  remediation: 'Revoke the token under My settings → Personal access tokens in Raygun and use it from scripts or CI only.',
  samples: {
    positives: ['RAYGUN_PAT={{base64url:43}}', '{raygunAccessToken:"{{alnum:40}}"}'],
    negatives: ['RAYGUN_PAT=<token>', 'raygunToken:t'],
  },
};
