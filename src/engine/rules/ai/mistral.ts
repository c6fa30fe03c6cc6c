/** Mistral AI: API keys (32 alphanumerics, identified by a Mistral name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mistralApiKey: Rule = {
  id: 'mistral-api-key',
  title: 'Mistral AI API key',
  provider: 'Mistral AI',
  category: 'ai',
  keywords: ['mistral'],
  pattern:
    /(?:mistral[\w-]{0,20}(?:api[_-]?)?(?:key|token)|\bapiKey|\bapi_key)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Mistral AI API key runs models on your workspace\'s bill; anyone who copies it from the page can use it.',
  remediation: 'Revoke the key in Mistral\'s console (API keys) and call the API from your backend.',
  samples: {
    positives: ['const client=new Mistral({apiKey:"{{alnum:32}}"});', 'MISTRAL_API_KEY={{alnum:32}}'],
    negatives: ['MISTRAL_API_KEY={{alnum:31}}', 'const x={apiKey:"{{alnum:32}}"};'],
  },
};
