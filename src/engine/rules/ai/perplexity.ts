/** Perplexity: API keys (`pplx-`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const perplexityApiKey: Rule = {
  id: 'perplexity-api-key',
  title: 'Perplexity API key',
  provider: 'Perplexity',
  category: 'ai',
  keywords: ['pplx-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pplx-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Perplexity API key spends your API credits on Sonar models; anyone who copies it from the page can use it.',
  remediation: 'Delete the key in Perplexity (Settings > API) and call the API from your backend.',
  samples: {
    positives: ['headers:{Authorization:"Bearer pplx-{{alnum:48}}"}', 'PERPLEXITY_API_KEY=pplx-{{alnum:48}}'],
    negatives: ['pplx-{{alnum:20}}', 'pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
