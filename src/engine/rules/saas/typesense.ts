/** Typesense admin (and bootstrap) API keys, named by context. */
import type { Rule } from '../../types.ts';
import { isCodeLike } from '../../validators/assigned-value.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const notCode = rejectPlaceholders((secret) => (isCodeLike(secret) ? { verdict: 'invalid' } : { verdict: 'unknown' }));

export const typesenseAdminApiKey: Rule = {
  id: 'typesense-admin-api-key',
  title: 'Typesense admin API key',
  provider: 'Typesense',
  category: 'saas',
  keywords: ['typesense'],
  pattern:
    /typesense[_-]?(?:admin|bootstrap|master|write)[_-]?(?:api[_-]?)?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_-]{16,128})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.3,
  validate: notCode,
  severity: 'critical',
  exposure: 'secret',
  description: 'A Typesense admin (or bootstrap) API key can create and delete collections, write documents and mint new API keys on the cluster.',
  remediation: 'Delete the key (`DELETE /keys/:id`, or change the bootstrap key and restart) and give browsers a search-only scoped key.',
  samples: {
    positives: ['TYPESENSE_ADMIN_API_KEY={{alnum:32}}', '{typesenseBootstrapKey:"{{base64url:40}}"}'],
    negatives: ['TYPESENSE_SEARCH_ONLY_API_KEY={{alnum:32}}', 'TYPESENSE_ADMIN_API_KEY=xyz'],
  },
};
