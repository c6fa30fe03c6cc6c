/** xAI (Grok): API keys (`xai-`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const xaiApiKey: Rule = {
  id: 'xai-api-key',
  title: 'xAI API key',
  provider: 'xAI',
  category: 'ai',
  keywords: ['xai-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xai-[A-Za-z0-9]{80})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'An xAI API key runs Grok models on your team\'s credits; anyone who copies it from the page can use it.',
  remediation: 'Delete the key in the xAI console (API keys) and call the API from your backend.',
  samples: {
    positives: ['XAI_API_KEY=xai-{{alnum:80}}', 'new OpenAI({baseURL:"https://api.x.ai/v1",apiKey:"xai-{{alnum:80}}"})'],
    negatives: ['xai-{{alnum:40}}', 'xai-{{alnum:90}}'],
  },
};
