/** Amplitude: the API key is public (browser SDK); the secret key exports and deletes data. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const amplitudeApiKey: Rule = {
  id: 'amplitude-api-key',
  title: 'Amplitude API key',
  provider: 'Amplitude',
  category: 'observability',
  keywords: ['amplitude'],
  pattern:
    /(?:amplitude(?:\.getInstance\(\))?\.init\(\s{0,3}|amplitude[_-]?(?:api[_-]?)?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3})\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'An Amplitude API key identifies the project that browser events go to and is public by design. Anyone can send events with it, so don’t trust client-side events for billing or security decisions.',
  remediation: 'No rotation needed. Keep the project’s secret key out of front-end code.',
  samples: {
    positives: ['amplitude.getInstance().init("{{hex:32}}")', 'amplitude.init("{{hex:32}}",{defaultTracking:!0})', 'NEXT_PUBLIC_AMPLITUDE_API_KEY={{hex:32}}'],
    negatives: ['amplitude.init(key)', 'amplitude.init("{{hex:20}}")'],
  },
};

export const amplitudeSecretKey: Rule = {
  id: 'amplitude-secret-key',
  title: 'Amplitude secret key',
  provider: 'Amplitude',
  category: 'observability',
  keywords: ['amplitude_secret', 'amplitudesecret', 'amplitude-secret', 'amplitude_api_secret'],
  pattern: /amplitude[_-]?(?:api[_-]?)?secret(?:[_-]?key)?\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Amplitude secret key, with the API key, exports all raw events and user data of the project and can delete users and change taxonomy through the management APIs.',
  remediation: 'Rotate the secret key in Amplitude (Organization settings → Projects → API keys) and use it only on the server.',
  samples: {
    positives: ['AMPLITUDE_SECRET_KEY={{hex:32}}', '{amplitudeSecretKey:"{{hex:32}}"}'],
    negatives: ['AMPLITUDE_API_KEY={{hex:32}}', 'AMPLITUDE_SECRET_KEY=${SECRET}'],
  },
};
