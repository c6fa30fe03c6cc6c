/** Sendbird: master API tokens and secondary API tokens (40 hex, identified by a Sendbird name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const sendbirdApiToken: Rule = {
  id: 'sendbird-api-token',
  title: 'Sendbird API token',
  provider: 'Sendbird',
  category: 'messaging',
  keywords: ['sendbird'],
  pattern: /(?:api[_-]?token|sendbird[\w-]{0,20}(?:token|key))["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Sendbird API token calls the Platform API for the application: reading every user\'s messages, impersonating users, and deleting channels.',
  remediation: 'Revoke the token in the Sendbird dashboard (Settings > Application > General > API tokens) and call the Platform API from your server.',
  samples: {
    positives: ['headers:{"Api-Token":"{{hex:40}}"} // api-{{hex:8}}.sendbird.com', 'SENDBIRD_API_TOKEN={{hex:40}}'],
    negatives: ['SENDBIRD_API_TOKEN={{hex:39}}', 'const c={"Api-Token":"{{hex:40}}"};'],
  },
};
