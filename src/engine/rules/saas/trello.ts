/** Trello API tokens: `ATTA…` (current) or 64 hex characters named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const trelloApiToken: Rule = {
  id: 'trello-api-token',
  title: 'Trello API token',
  provider: 'Trello',
  category: 'saas',
  keywords: ['atta', 'trello'],
  pattern:
    /(?:(?<![A-Za-z0-9])(?=ATTA[a-fA-F0-9]{64})|(?:trello|Trello|TRELLO)[_-]?(?:api[_-]?|Api|API_?)?(?:token|Token|TOKEN)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?)(?<secret>ATTA[a-fA-F0-9]{64,72}|[a-f0-9]{64})(?![A-Za-z0-9_-])/,
  maxLength: 120,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Trello token, with the app’s API key, acts as the user who authorized it: reading and changing every board, card and attachment they can reach, often without expiry.',
  remediation: 'Revoke the token under Trello account settings → Applications, and keep user tokens on the server or in the browser only for that user’s own session.',
  samples: {
    positives: ['TRELLO_TOKEN=ATTA{{hex:64}}{{HEX:8}}', 'fetch(`https://api.trello.com/1/members/me?key=${k}&token=ATTA{{hex:64}}`)', 'trello_token: "{{hex:64}}"'],
    negatives: ['ATTA{{hex:40}}', 'attachment{{hex:64}}', 'TRELLO_TOKEN={{hex:40}}'],
  },
};
