/** Mailchimp Marketing API keys (32 hex + `-us<datacenter>`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mailchimpApiKey: Rule = {
  id: 'mailchimp-api-key',
  title: 'Mailchimp API key',
  provider: 'Mailchimp',
  category: 'email',
  // `-us` alone is everywhere (`en-US`): the key needs a Mailchimp name or host nearby.
  keywords: ['mailchimp', 'list-manage.com', 'mc_api', 'mcapi', 'chimp'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[a-f0-9]{32}-us\d{1,2})(?![A-Za-z0-9_-])/,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Mailchimp API key reads and exports the whole audience (names, emails, activity) and sends campaigns from your account.',
  remediation: 'Revoke the key in Mailchimp (Profile > Extras > API keys) and call the Marketing API from your backend; signup forms need no key.',
  samples: {
    positives: ['mailchimp.setConfig({apiKey:"{{hex:32}}-us21",server:"us21"});', 'MAILCHIMP_API_KEY={{hex:32}}-us6'],
    negatives: ['MAILCHIMP_API_KEY={{hex:30}}-us6', 'const locale="{{hex:32}}-us6";', 'MAILCHIMP_API_KEY=00000000000000000000000000000000-us6'],
  },
};
