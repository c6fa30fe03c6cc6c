/** Okta: API tokens (`SSWS 00…`) and OIDC client secrets. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const oktaApiToken: Rule = {
  id: 'okta-api-token',
  title: 'Okta API token',
  provider: 'Okta',
  category: 'saas',
  keywords: ['ssws', 'okta'],
  pattern:
    /(?:SSWS[ \t]{1,3}|okta[_-]?(?:api[_-]?|client[_-]?)?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?)(?<secret>00[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 4.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Okta API token acts on the org’s management API with its creator’s admin role: reading and changing users, groups, applications and sign-on policies.',
  remediation: 'Revoke the token under Security → API → Tokens in the Okta admin console and call the management API only from servers (preferably with OAuth service apps).',
  samples: {
    positives: ['headers:{Authorization:"SSWS 00{{base64url:40}}"}', 'OKTA_API_TOKEN=00{{alnum:40}}'],
    negatives: ['SSWS {{alnum:42}}', 'OKTA_API_TOKEN=00{{alnum:20}}', 'Authorization: SSWS ${OKTA_TOKEN}'],
  },
};

export const oktaClientSecret: Rule = {
  id: 'okta-client-secret',
  title: 'Okta client secret',
  provider: 'Okta',
  category: 'saas',
  keywords: ['okta'],
  pattern: /okta[_-]?(?:oauth2?[_-]?|oidc[_-]?|app[_-]?)?client[_-]?secret\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_-]{40,64})(?![A-Za-z0-9_-])/i,
  minEntropy: 4.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'An Okta OIDC client secret authenticates as the application to the authorization server: exchanging codes for tokens and, for service apps, getting API access tokens.',
  remediation: 'Generate a new secret for the app in the Okta admin console, and use a SPA app type with PKCE in the browser.',
  samples: {
    positives: ['OKTA_CLIENT_SECRET={{base64url:40}}', '{oktaClientSecret:"{{alnum:48}}"}'],
    negatives: ['OKTA_CLIENT_SECRET=', 'OKTA_CLIENT_ID={{alnum:20}}'],
  },
};
