/** Fauna database secrets (`fnA…`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const faunaSecret: Rule = {
  id: 'fauna-secret',
  title: 'Fauna database secret',
  provider: 'Fauna',
  category: 'database',
  keywords: ['fna'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>fnA[A-Za-z0-9_-]{37})(?![A-Za-z0-9_-])/,
  maxLength: 48,
  minEntropy: 4.0,
  // Bundles are full of identifiers; a key mixes upper, lower and digits.
  validate: rejectPlaceholders((secret) =>
    /[0-9]/.test(secret) && /[a-z]/.test(secret.slice(3)) && /[A-Z]/.test(secret.slice(3)) ? { verdict: 'unknown' } : { verdict: 'invalid' },
  ),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Fauna secret authenticates to a database with the role of its key or token (often `server` or `admin`): read and write every collection, or manage child databases.',
  remediation:
    'Delete the key in the Fauna dashboard and have browsers use short-lived tokens for authenticated users (or your API) instead of a key.',
  samples: {
    positives: ['new Client({secret:"fnA{{chars:ABCDEF:1}}{{alnum:36}}"})', 'FAUNA_SECRET=fnA{{alnum:37}}'],
    negatives: ['fnA{{alnum:30}}', 'fnA{{lower:37}}', 'xfnA{{alnum:37}}'],
  },
};
