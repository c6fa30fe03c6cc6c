/** Lokalise API tokens (40 hex), named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const lokaliseApiToken: Rule = {
  id: 'lokalise-api-token',
  title: 'Lokalise API token',
  provider: 'Lokalise',
  category: 'saas',
  keywords: ['lokalise'],
  pattern: /lokalise[_-]?(?:api[_-]?)?(?:token|key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Lokalise API token reads and writes every project its user can access: keys, translations, screenshots, contributors.',
  remediation: 'Delete the token under Personal profile → API tokens in Lokalise and download translations at build time.',
  samples: {
    positives: ['LOKALISE_API_TOKEN={{hex:40}}', 'new LokaliseApi({apiKey:k}),{lokaliseToken:"{{hex:40}}"}'],
    negatives: ['LOKALISE_PROJECT_ID={{hex:40}}', 'LOKALISE_API_TOKEN={{hex:20}}'],
  },
};
