/** Bugsnag (Insight Hub): notifier API keys are browser-safe; data access tokens are not. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const bugsnagNotifierApiKey: Rule = {
  id: 'bugsnag-notifier-api-key',
  title: 'Bugsnag notifier API key',
  provider: 'Bugsnag',
  category: 'observability',
  keywords: ['bugsnag'],
  pattern:
    /(?:bugsnag[\w$.]{0,30}(?:\(\{\s{0,3}|\(\s{0,3}|\.)?(?:["'`]?api_?key["'`]?\s{0,3}[:=]\s{0,3})?|bugsnag[_-]?(?:api[_-]?|notifier[_-]?|js[_-]?)?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3})\\?["'`](?<secret>[a-f0-9]{32})["'`]/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Bugsnag notifier API key identifies the project that error reports go to; the JavaScript notifier needs it in the page. Others can send fake errors with it, which is noise rather than a breach.',
  remediation: 'No rotation needed. Keep personal and organization data access tokens out of front-end code.',
  samples: {
    positives: ['Bugsnag.start({apiKey:"{{hex:32}}",appVersion:"1.2.3"})', 'Bugsnag.start("{{hex:32}}")', 'BUGSNAG_API_KEY="{{hex:32}}"'],
    negatives: ['Bugsnag.start({apiKey:e.key})', 'Bugsnag.start({apiKey:"{{hex:20}}"})'],
  },
};

export const bugsnagDataAccessToken: Rule = {
  id: 'bugsnag-data-access-token',
  title: 'Bugsnag data access token',
  provider: 'Bugsnag',
  category: 'observability',
  keywords: ['bugsnag_auth', 'bugsnagauth', 'bugsnag_data', 'bugsnagdata', 'bugsnag_personal', 'bugsnag_access', 'bugsnag-auth', 'bugsnag_token', 'bugsnagtoken'],
  pattern:
    /bugsnag[_-]?(?:auth|data[_-]?access|personal(?:[_-]?access)?|access|api)?[_-]?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}|[A-Za-z0-9_-]{32,64})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Bugsnag data access (personal auth) token reads the organization’s error data through the API, including stack traces, breadcrumbs and user metadata, and can change project settings.',
  remediation: 'Revoke the token under My Account → Personal auth tokens in Bugsnag and use it only from scripts or CI.',
  samples: {
    positives: ['BUGSNAG_AUTH_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', '{bugsnagDataAccessToken:"{{alnum:40}}"}'],
    negatives: ['BUGSNAG_AUTH_TOKEN=<token>', 'bugsnagToken:t'],
  },
};
