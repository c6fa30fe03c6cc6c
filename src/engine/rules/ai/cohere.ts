/** Cohere: API keys (40 alphanumerics, identified by a Cohere name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const cohereApiKey: Rule = {
  id: 'cohere-api-key',
  title: 'Cohere API key',
  provider: 'Cohere',
  category: 'ai',
  keywords: ['cohere', 'co_api_key'],
  pattern:
    /(?:cohere[\w-]{0,20}(?:api[_-]?)?(?:key|token)|co_api_key|\btoken|\bapiKey)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Cohere API key runs Command, Embed and Rerank models billed to your account (or burns the trial quota).',
  remediation: 'Delete the key at https://dashboard.cohere.com/api-keys and call Cohere from your backend.',
  samples: {
    positives: ['const cohere=new CohereClient({token:"{{alnum:40}}"});', 'COHERE_API_KEY={{alnum:40}}'],
    negatives: ['COHERE_API_KEY={{alnum:39}}', 'const x={token:"{{alnum:40}}"};', 'COHERE_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
