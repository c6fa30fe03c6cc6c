/** Firecrawl: API keys (`fc-` + 32 hex), identified next to a Firecrawl name. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const firecrawlApiKey: Rule = {
  id: 'firecrawl-api-key',
  title: 'Firecrawl API key',
  provider: 'Firecrawl',
  category: 'ai',
  // `fc-` alone is a common CSS class prefix (FullCalendar): rely on the Firecrawl name instead.
  keywords: ['firecrawl'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>fc-[a-f0-9]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Firecrawl API key spends your scraping and crawling credits.',
  remediation: 'Rotate the key in the Firecrawl dashboard (API keys) and call Firecrawl from your backend.',
  samples: {
    positives: ['const app=new FirecrawlApp({apiKey:"fc-{{hex:32}}"});', 'FIRECRAWL_API_KEY=fc-{{hex:32}}'],
    negatives: ['<div class="fc-{{hex:32}}">', 'FIRECRAWL_API_KEY=fc-{{hex:20}}'],
  },
};
