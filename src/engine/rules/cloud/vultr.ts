/** Vultr: API keys (36 upper-case alphanumerics, identified by their name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const vultrApiKey: Rule = {
  id: 'vultr-api-key',
  title: 'Vultr API key',
  provider: 'Vultr',
  category: 'cloud',
  keywords: ['vultr'],
  pattern: /vultr[\w.-]{0,20}(?:api[_-]?key|token|key)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Z0-9]{36})(?![A-Za-z0-9])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders((secret) => (/[a-z]/.test(secret) ? { verdict: 'invalid' } : { verdict: 'unknown' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Vultr API key has full control of the account\'s instances, block storage, DNS and billing (subject only to its IP allow-list).',
  remediation: 'Regenerate the key in the Vultr customer portal (Account > API), restrict it to your servers\' IP addresses, and call the API only from your backend.',
  samples: {
    positives: ['VULTR_API_KEY={{alnumupper:36}}', 'const vultrKey="{{alnumupper:36}}";'],
    negatives: ['VULTR_API_KEY={{alnumupper:35}}', 'VULTR_API_KEY={{alnumlower:36}}'],
  },
};
