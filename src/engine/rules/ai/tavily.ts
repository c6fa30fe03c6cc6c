/** Tavily: API keys (`tvly-`, `tvly-dev-`, `tvly-prod-`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const tavilyApiKey: Rule = {
  id: 'tavily-api-key',
  title: 'Tavily API key',
  provider: 'Tavily',
  category: 'ai',
  keywords: ['tvly-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>tvly-(?:dev-|prod-)?[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Tavily API key spends your search credits; anyone who copies it from the page can use it.',
  remediation: 'Delete the key in the Tavily dashboard and call the search API from your backend.',
  samples: {
    positives: ['TAVILY_API_KEY=tvly-dev-{{alnum:32}}', 'tavily({apiKey:"tvly-{{alnum:32}}"})'],
    negatives: ['tvly-{{alnum:12}}', 'tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
