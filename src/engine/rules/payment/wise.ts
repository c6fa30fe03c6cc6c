/** Wise (TransferWise): personal and business API tokens (UUIDs, identified by a Wise name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const wiseApiToken: Rule = {
  id: 'wise-api-token',
  title: 'Wise API token',
  provider: 'Wise',
  category: 'payment',
  // Not the bare word `wise` (otherwise, likewise…).
  keywords: ['transferwise', 'api.wise.com', 'wise_api', 'wise-api', 'wiseapi', 'wise_token', 'wisetoken', 'wise_key'],
  pattern:
    /(?:(?<![A-Za-z0-9])(?:transfer)?wise[_-]?(?:api[_-]?)?(?:token|key)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?|api\.(?:sandbox\.)?(?:transfer)?wise\.(?:com|tech)[^\s"'`]{0,200}["'`]?[\s\S]{0,200}?Bearer\s)(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/i,
  maxLength: 600,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Wise API token reads balances and statements and, with full access, creates and funds transfers from the account.',
  remediation: 'Revoke the token in Wise (Settings > Developer tools > API tokens) and call the Wise API only from your server.',
  samples: {
    positives: ['WISE_API_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'fetch("https://api.wise.com/v4/profiles",{headers:{Authorization:"Bearer {{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}})'],
    negatives: ['WISE_PROFILE_ID={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'otherwise_token={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
  },
};
