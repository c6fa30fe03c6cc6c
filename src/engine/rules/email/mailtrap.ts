/** Mailtrap: API tokens (32 hex, identified by a Mailtrap name or API host). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mailtrapApiToken: Rule = {
  id: 'mailtrap-api-token',
  title: 'Mailtrap API token',
  provider: 'Mailtrap',
  category: 'email',
  keywords: ['mailtrap'],
  pattern:
    /(?:mailtrap[\w-]{0,20}(?:token|api[_-]?key|key|pass(?:word)?)|\btoken|Api-Token|Bearer\s)["'`]?\s{0,3}(?:[:=,]|=>)?\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Mailtrap API token sends email through Mailtrap\'s sending service from your domains, or reads the test inboxes with their captured messages.',
  remediation: 'Delete the token in Mailtrap (Settings > API tokens) and send from your backend.',
  samples: {
    positives: ['const client=new MailtrapClient({token:"{{hex:32}}"});', 'MAILTRAP_API_TOKEN={{hex:32}}'],
    negatives: ['MAILTRAP_API_TOKEN={{hex:31}}', 'const c={token:"{{hex:32}}"};'],
  },
};
