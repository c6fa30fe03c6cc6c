/** GoCardless: live and sandbox access tokens (`live_`/`sandbox_` + 40). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const gocardlessAccessToken: Rule = {
  id: 'gocardless-access-token',
  title: 'GoCardless live access token',
  provider: 'GoCardless',
  category: 'payment',
  keywords: ['gocardless'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>live_[A-Za-z0-9_=-]{40})(?![A-Za-z0-9_=-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A GoCardless live access token creates mandates, payments and refunds and reads customers\' bank details for the creditor.',
  remediation: 'Revoke the token in the GoCardless Dashboard (Developers > API keys / access tokens) and call the API from your server only.',
  samples: {
    positives: ['const client=gocardless("live_{{base64url:40}}",constants.Environments.Live);', 'GOCARDLESS_ACCESS_TOKEN=live_{{alnum:40}}'],
    negatives: ['GOCARDLESS_ACCESS_TOKEN=live_{{alnum:30}}', 'const l="live_{{alnum:40}}";'],
  },
};

export const gocardlessSandboxAccessToken: Rule = {
  id: 'gocardless-sandbox-access-token',
  title: 'GoCardless sandbox access token',
  provider: 'GoCardless',
  category: 'payment',
  keywords: ['gocardless'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sandbox_[A-Za-z0-9_=-]{40})(?![A-Za-z0-9_=-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description: 'A GoCardless sandbox access token moves no real money, but shows server credentials are reaching the browser.',
  remediation: 'Revoke it in the sandbox dashboard and keep access tokens on the server.',
  samples: {
    positives: ['gocardless("sandbox_{{base64url:40}}",constants.Environments.Sandbox)', 'GOCARDLESS_ACCESS_TOKEN=sandbox_{{alnum:40}}'],
    negatives: ['GOCARDLESS_ACCESS_TOKEN=sandbox_{{alnum:20}}', 'const s="sandbox_{{alnum:40}}";'],
  },
};
