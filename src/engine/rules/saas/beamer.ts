/** Beamer API keys (`b_…`), named by context. The product id in the embed script is public. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const beamerApiKey: Rule = {
  id: 'beamer-api-key',
  title: 'Beamer API key',
  provider: 'Beamer',
  category: 'saas',
  keywords: ['beamer'],
  pattern: /beamer[_-]?(?:api[_-]?)?(?:key|token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>b_[A-Za-z0-9_=-]{44})(?![A-Za-z0-9_=-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description: 'A Beamer API key creates, edits and deletes announcements and reads feedback and user data of the account through the API.',
  remediation: 'Delete the key under Settings → API in Beamer and call the API from your server.',
  samples: {
    positives: ['BEAMER_API_KEY=b_{{base64url:44}}', '{beamerApiKey:"b_{{alnum:44}}"}'],
    negatives: ['beamer_config={product_id:"{{alnum:8}}"}', 'BEAMER_API_KEY=b_{{alnum:20}}'],
  },
};
