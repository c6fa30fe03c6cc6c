/** Customer.io: App API keys and Track API keys (hex, identified by a Customer.io name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const customerIoApiKey: Rule = {
  id: 'customerio-api-key',
  title: 'Customer.io API key',
  provider: 'Customer.io',
  category: 'email',
  keywords: ['customer.io', 'customerio', 'customer_io', 'cio_'],
  pattern:
    /(?:(?:(?:app|track)?[_-]?api[_-]?key|(?:customer[_.-]?io|cio)[\w-]{0,20}(?:key|token))["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?|APIClient\(\s{0,3}["'`]|TrackClient\(\s{0,3}["'`][a-f0-9]{20}["'`]\s{0,3},\s{0,3}["'`])(?<secret>[a-f0-9]{32}|[a-f0-9]{20})(?![A-Za-z0-9_])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders((secret) =>
    secret.length === 32 ? { verdict: 'unknown', title: 'Customer.io App API key' } : { verdict: 'unknown', title: 'Customer.io Track API key' },
  ),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Customer.io App API key reads and exports customer profiles and sends transactional messages; a Track API key (with the site ID) creates and changes people and their events, triggering campaigns.',
  remediation:
    'Revoke the key in Customer.io (Account settings > API credentials) and call the APIs from your backend; the JavaScript snippet needs only the site ID.',
  samples: {
    positives: ['const cio=new APIClient("{{hex:32}}"); // customerio-node', 'CUSTOMERIO_SITE_ID={{hex:20}}\nCUSTOMERIO_TRACK_API_KEY={{hex:20}}'],
    negatives: ['<script data-site-id="{{hex:20}}" src="https://assets.customer.io/assets/track.js"></script>', 'CUSTOMERIO_APP_API_KEY={{hex:31}}'],
  },
};
