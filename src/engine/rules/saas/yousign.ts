/** Yousign API keys, named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const yousignApiKey: Rule = {
  id: 'yousign-api-key',
  title: 'Yousign API key',
  provider: 'Yousign',
  category: 'saas',
  keywords: ['yousign'],
  pattern: /yousign[_-]?(?:api[_-]?)?(?:key|token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Yousign API key creates signature requests and downloads signed documents of the organization, with signers’ personal data.',
  remediation: 'Revoke the key in the Yousign app (Developers → API keys) and call the API from your server.',
  samples: {
    positives: ['YOUSIGN_API_KEY={{alnum:32}}', '{yousignToken:"{{alnum:32}}"}'],
    negatives: ['YOUSIGN_API_KEY=<key>', 'YOUSIGN_WORKSPACE={{alnum:32}}'],
  },
};
