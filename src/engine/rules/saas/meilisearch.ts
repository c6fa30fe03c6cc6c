/** Meilisearch master and default admin keys, named by context. */
import type { Rule } from '../../types.ts';
import { isCodeLike } from '../../validators/assigned-value.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const notCode = rejectPlaceholders((secret) => (isCodeLike(secret) ? { verdict: 'invalid' } : { verdict: 'unknown' }));

export const meilisearchMasterKey: Rule = {
  id: 'meilisearch-master-key',
  title: 'Meilisearch master or admin key',
  provider: 'Meilisearch',
  category: 'saas',
  keywords: ['meili'],
  pattern:
    /meili(?:search)?[_-]?(?:master|admin)[_-]?(?:api[_-]?)?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_-]{16,128})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.3,
  validate: notCode,
  severity: 'critical',
  exposure: 'secret',
  description: 'A Meilisearch master key (or default admin key) controls the instance: it reads and deletes every index, changes settings and creates new keys.',
  remediation: 'Change MEILI_MASTER_KEY (which rotates the default keys) and give browsers a search key limited to the public indexes, or a tenant token.',
  samples: {
    positives: ['MEILI_MASTER_KEY={{base64url:32}}', '{meilisearchAdminKey:"{{hex:64}}"}'],
    negatives: ['MEILI_SEARCH_KEY={{hex:64}}', 'MEILI_MASTER_KEY=masterKey'],
  },
};
