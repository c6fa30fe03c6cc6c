/** Postmark: server and account API tokens (UUIDs, identified by Postmark names or headers). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const postmarkApiToken: Rule = {
  id: 'postmark-api-token',
  title: 'Postmark API token',
  provider: 'Postmark',
  category: 'email',
  keywords: ['postmark'],
  pattern:
    /(?:x-postmark-(?:server|account)-token|postmark[\w-]{0,24}(?:token|api[_-]?key|key)|ServerClient\()["'`]?\s{0,3}(?:[:=,]|=>)?\s{0,3}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders((secret, context) =>
    /account/i.test(context.match[0]) ? { verdict: 'unknown', title: 'Postmark account API token' } : { verdict: 'unknown' },
  ),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Postmark server token sends mail from your verified sender signatures and reads message content and bounces; an account token manages every server and domain.',
  remediation: 'Regenerate the token in Postmark (server > API Tokens, or Account > API Tokens) and send from your backend.',
  samples: {
    positives: [
      'headers:{"X-Postmark-Server-Token":"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}',
      'const client=new postmark.ServerClient("{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}");',
      'POSTMARK_ACCOUNT_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
    ],
    negatives: ['POSTMARK_MESSAGE_STREAM={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'headers:{"X-Postmark-Server-Token":"POSTMARK_API_TEST"}'],
  },
};
