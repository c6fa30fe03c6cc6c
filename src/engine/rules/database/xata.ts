/** Xata API keys (`xau_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const xataApiKey: Rule = {
  id: 'xata-api-key',
  title: 'Xata API key',
  provider: 'Xata',
  category: 'database',
  keywords: ['xau_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>xau_[A-Za-z0-9_-]{24,64})(?![A-Za-z0-9_-])/,
  maxLength: 80,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Xata API key acts as its user on every workspace and database they can reach: reading and writing records, branches and schema.',
  remediation: 'Delete the key in Xata account settings and query Xata from your server (the SDK is not meant for browsers).',
  samples: {
    positives: ['XATA_API_KEY=xau_{{alnum:36}}', 'new XataClient({apiKey:"xau_{{alnum:32}}"})'],
    negatives: ['xau_{{alnum:10}}', 'xau_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'flux_{{alnum:36}}'],
  },
};
