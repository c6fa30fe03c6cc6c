/** Paddle Billing: API keys (`pdl_live_apikey_`, `pdl_sdbx_apikey_`) and client-side tokens (public). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const API_KEY_BODY = String.raw`_apikey_[a-z0-9]{26}_[A-Za-z0-9]{22}_[A-Za-z0-9]{3}`;

export const paddleApiKey: Rule = {
  id: 'paddle-api-key',
  title: 'Paddle live API key',
  provider: 'Paddle',
  category: 'payment',
  keywords: ['pdl_live_apikey_'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>pdl_live${API_KEY_BODY})(?![A-Za-z0-9_])`),
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Paddle API key acts on the live Billing account with its permissions: customers, transactions, subscriptions, adjustments and payouts data.',
  remediation:
    'Revoke the key in Paddle (Developer tools > Authentication > API keys), keep API keys on your server, and initialize Paddle.js with a client-side token instead.',
  samples: {
    positives: ['PADDLE_API_KEY=pdl_live_apikey_01{{alnumlower:24}}_{{alnum:22}}_{{alnum:3}}', 'Authorization: Bearer pdl_live_apikey_01{{alnumlower:24}}_{{alnum:22}}_{{alnum:3}}'],
    negatives: ['pdl_live_apikey_01{{alnumlower:24}}', 'pdl_live_apikey_<your-key>'],
  },
};

export const paddleSandboxApiKey: Rule = {
  id: 'paddle-sandbox-api-key',
  title: 'Paddle sandbox API key',
  provider: 'Paddle',
  category: 'payment',
  keywords: ['pdl_sdbx_apikey_'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>pdl_sdbx${API_KEY_BODY})(?![A-Za-z0-9_])`),
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description: 'A Paddle sandbox API key moves no real money, but shows server API keys are reaching the browser.',
  remediation: 'Revoke it in the Paddle sandbox dashboard and use a client-side token with Paddle.js.',
  samples: {
    positives: ['PADDLE_API_KEY=pdl_sdbx_apikey_01{{alnumlower:24}}_{{alnum:22}}_{{alnum:3}}', '"pdl_sdbx_apikey_01{{alnumlower:24}}_{{alnum:22}}_{{alnum:3}}"'],
    negatives: ['pdl_sdbx_apikey_{{alnumlower:10}}_{{alnum:22}}_{{alnum:3}}', 'pdl_sdbx_apikey_'],
  },
};

export const paddleClientToken: Rule = {
  id: 'paddle-client-token',
  title: 'Paddle client-side token',
  provider: 'Paddle',
  category: 'payment',
  keywords: ['paddle'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>(?:live|test)_[0-9a-f]{27})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('test_') ? { verdict: 'unknown', exposure: 'test', title: 'Paddle sandbox client-side token' } : { verdict: 'unknown' },
  ),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Paddle client-side token is public by design: Paddle.js needs it to open checkouts and preview prices, and it cannot read or change account data.',
  remediation: 'Nothing to hide; make sure no `pdl_…_apikey_` API key is in the page as well.',
  samples: {
    positives: ['Paddle.Initialize({token:"live_{{hex:27}}"});', 'initializePaddle({environment:"sandbox",token:"test_{{hex:27}}"})'],
    negatives: ['Paddle.Initialize({token:"live_{{hex:20}}"})', 'const t="live_{{hex:27}}";'],
  },
};
