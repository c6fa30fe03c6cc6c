/** SparkPost (Bird): API keys (40 hex, identified by a SparkPost name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const sparkpostApiKey: Rule = {
  id: 'sparkpost-api-key',
  title: 'SparkPost API key',
  provider: 'SparkPost',
  category: 'email',
  keywords: ['sparkpost'],
  pattern:
    /(?:sparkpost[\w-]{0,20}(?:api[_-]?)?key["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?|SparkPost\(\s{0,3}["'`]|\bauthorization["'`]?\s{0,3}:\s{0,3}["'`])(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A SparkPost API key sends mail from your sending domains and, depending on its grants, reads events, recipients lists and templates.',
  remediation: 'Delete the key in SparkPost (Configuration > API Keys) and send from your backend with a key limited to Transmissions.',
  samples: {
    positives: ['const client=new SparkPost("{{hex:40}}");', 'SPARKPOST_API_KEY={{hex:40}}'],
    negatives: ['SPARKPOST_API_KEY={{hex:30}}', 'const client=new SparkPost(process.env.KEY);'],
  },
};
