/** Voyage AI: API keys (`pa-` prefix, identified next to a Voyage name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const voyageApiKey: Rule = {
  id: 'voyage-api-key',
  title: 'Voyage AI API key',
  provider: 'Voyage AI',
  category: 'ai',
  keywords: ['voyageai', 'voyage_api_key', 'voyage-api-key', 'api.voyageai.com'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pa-[A-Za-z0-9_-]{40,50})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Voyage AI API key runs embedding and rerank models on your account\'s bill.',
  remediation: 'Delete the key in the Voyage AI dashboard (API keys) and embed from your backend.',
  samples: {
    positives: ['const client=new VoyageAIClient({apiKey:"pa-{{base64url:43}}"});', 'VOYAGE_API_KEY=pa-{{alnum:43}}'],
    negatives: ['VOYAGE_API_KEY=pa-{{alnum:20}}', 'const p="pa-{{alnum:43}}";'],
  },
};
