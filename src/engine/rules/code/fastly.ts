/** Fastly API tokens (no prefix: matched next to a Fastly setting). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const fastlyApiToken: Rule = {
  id: 'fastly-api-token',
  title: 'Fastly API token',
  provider: 'Fastly',
  category: 'cloud',
  keywords: ['fastly'],
  pattern:
    /(?:FASTLY|[Ff]astly)[\w.-]{0,20}?(?:TOKEN|KEY|[Tt]oken|[Kk]ey)\w{0,10}["'`]?\s{0,4}(?:[:=]|=>|:=)\s{0,4}["'`]?(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Fastly API token (a "Fastly-Key") manages the services it is scoped to: purge caches, and with global scope change VCL and backends to redirect your traffic.',
  remediation: 'Delete the token in Fastly (Account → API tokens), review the service\'s version history, and keep tokens in CI secrets with the narrowest scope.',
  samples: {
    positives: ['FASTLY_API_TOKEN={{base64url:32}}', '{fastlyKey:"{{alnum:32}}"}'],
    negatives: ['FASTLY_API_TOKEN={{alnum:20}}', 'fastlyServiceId="{{alnum:32}}"', 'FASTLY_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
