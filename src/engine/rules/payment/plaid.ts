/** Plaid: API secrets and client IDs (identified by a Plaid name nearby) and access tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const plaidSecret: Rule = {
  id: 'plaid-secret',
  title: 'Plaid API secret',
  provider: 'Plaid',
  category: 'payment',
  keywords: ['plaid'],
  pattern: /secret["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[0-9a-f]{30})(?![A-Za-z0-9])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Plaid secret, with the client ID, calls the Plaid API for your team: exchanging public tokens and reading linked users\' bank accounts, balances and transactions.',
  remediation: 'Rotate the secret in the Plaid Dashboard (Developers > Keys) and call Plaid only from your server; the browser needs only a link_token.',
  samples: {
    positives: ['PLAID_CLIENT_ID={{hex:24}}\nPLAID_SECRET={{hex:30}}', 'const plaid=new PlaidApi({clientId:"{{hex:24}}",secret:"{{hex:30}}"});'],
    negatives: ['PLAID_SECRET={{hex:29}}', 'const stripe={secret:"{{hex:30}}"}', 'PLAID_SECRET=<your-secret>'],
  },
};

export const plaidClientId: Rule = {
  id: 'plaid-client-id',
  title: 'Plaid client ID',
  provider: 'Plaid',
  category: 'payment',
  keywords: ['plaid'],
  pattern: /client[_-]?id["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[0-9a-f]{24})(?![A-Za-z0-9])/i,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'identifier',
  description: 'A Plaid client ID identifies your Plaid team. It is not a secret on its own, but its secret is usually stored alongside it.',
  remediation: 'Nothing to rotate for the ID itself; make sure the Plaid secret is not in the page and that Plaid calls happen server-side.',
  samples: {
    positives: ['PLAID_CLIENT_ID={{hex:24}}', 'new PlaidApi({clientId:"{{hex:24}}"})'],
    negatives: ['PLAID_CLIENT_ID={{hex:23}}', 'const google={clientId:"{{hex:24}}"}'],
  },
};

export const plaidAccessToken: Rule = {
  id: 'plaid-access-token',
  title: 'Plaid access token',
  provider: 'Plaid',
  category: 'payment',
  keywords: ['access-production-', 'access-development-', 'access-sandbox-'],
  // link-… and public-… tokens are meant for the browser; access-… tokens are not.
  pattern: /(?<![A-Za-z0-9_-])(?<secret>access-(?:production|development|sandbox)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('access-production-') ? { verdict: 'unknown' } : { verdict: 'unknown', exposure: 'test', title: 'Plaid sandbox/development access token' },
  ),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Plaid access token reads a linked user\'s bank data (accounts, balances, transactions, identity) for as long as the Item exists; with the client secret it is all an attacker needs.',
  remediation: 'Remove the Item (`/item/remove`) or rotate the token (`/item/access_token/invalidate`), store access tokens only on your server, and give the browser link tokens.',
  samples: {
    positives: ['{"access_token":"access-production-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}', 'localStorage.setItem("plaid","access-sandbox-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}")'],
    negatives: ['{"link_token":"link-production-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}', '{"public_token":"public-sandbox-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}'],
  },
};
