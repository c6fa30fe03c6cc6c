/** Cal.com API keys (`cal_live_`, `cal_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const calcomApiKey: Rule = {
  id: 'calcom-api-key',
  title: 'Cal.com API key',
  provider: 'Cal.com',
  category: 'saas',
  keywords: ['cal_live_', 'cal_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>cal_(?:live|test)_[a-f0-9]{32})(?![A-Za-z0-9_])/,
  maxLength: 50,
  minEntropy: 3.0,
  validate: rejectPlaceholders((secret) => (secret.startsWith('cal_test_') ? { verdict: 'unknown', exposure: 'test' } : { verdict: 'unknown' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Cal.com API key acts as its user: reading and creating bookings with attendees’ names and emails, and changing event types and availability.',
  remediation: 'Delete the key under Settings → Developer → API keys in Cal.com and call the API from your server.',
  samples: {
    positives: ['CAL_API_KEY=cal_live_{{hex:32}}', 'headers:{Authorization:"Bearer cal_live_{{hex:32}}"}'],
    negatives: ['cal_live_{{hex:20}}', 'local_live_{{hex:32}}'],
  },
};
