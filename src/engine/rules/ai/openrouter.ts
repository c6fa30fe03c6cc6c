/** OpenRouter: API keys (`sk-or-v1-` + 64 hex). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const openRouterApiKey: Rule = {
  id: 'openrouter-api-key',
  title: 'OpenRouter API key',
  provider: 'OpenRouter',
  category: 'ai',
  keywords: ['sk-or-v1-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-or-v1-[a-f0-9]{64})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'An OpenRouter API key spends your credits on any model OpenRouter routes to, up to the key\'s limit.',
  remediation: 'Delete the key at https://openrouter.ai/settings/keys, set credit limits on keys, and call OpenRouter from your backend.',
  samples: {
    positives: ['OPENROUTER_API_KEY=sk-or-v1-{{hex:64}}', 'new OpenAI({baseURL:"https://openrouter.ai/api/v1",apiKey:"sk-or-v1-{{hex:64}}"})'],
    negatives: ['sk-or-v1-{{hex:40}}', 'sk-or-v1-{{alnum:64}}'],
  },
};
