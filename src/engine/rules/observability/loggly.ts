/** Loggly customer tokens: in input URLs or the browser tracker's `logglyKey`. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const logglyCustomerToken: Rule = {
  id: 'loggly-customer-token',
  title: 'Loggly customer token',
  provider: 'Loggly',
  category: 'observability',
  keywords: ['loggly.com', 'logglykey', 'loggly_token', 'loggly_customer_token', 'logglytoken'],
  pattern:
    /(?:loggly\.com\/(?:inputs|bulk)\/|loggly[_-]?(?:key|(?:customer[_-]?)?token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?)(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'A Loggly customer token only submits log events; Loggly’s browser tracker embeds it in pages by design. Anyone can use it to send junk logs into the account, so keep alerting resilient to forged events and watch the volume.',
  remediation: 'No rotation needed unless abused; if so, add a new customer token in Source Setup → Customer Tokens and disable this one.',
  samples: {
    positives: ['_LTracker.push({logglyKey:"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}",sendConsoleErrors:true})', 'https://logs-01.loggly.com/inputs/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}/tag/http/'],
    negatives: ['https://logs-01.loggly.com/inputs/TOKEN/tag/http/', 'logglyKey:"{{hex:8}}"'],
  },
};
