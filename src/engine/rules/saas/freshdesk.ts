/** Freshdesk API keys, named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const freshdeskApiKey: Rule = {
  id: 'freshdesk-api-key',
  title: 'Freshdesk API key',
  provider: 'Freshdesk',
  category: 'saas',
  keywords: ['freshdesk'],
  pattern: /freshdesk[_-]?(?:api[_-]?)?(?:key|token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Freshdesk API key acts as its agent on the helpdesk API: tickets with customer conversations, contacts, and (for admins) account settings.',
  remediation: 'Reset the key in Freshdesk profile settings (“Reset API key”) and call the API from your server.',
  samples: {
    positives: ['FRESHDESK_API_KEY={{alnum:20}}', '{freshdeskApiKey:"{{alnum:20}}"}'],
    negatives: ['FRESHDESK_DOMAIN={{alnum:20}}', 'FRESHDESK_API_KEY={{alnum:12}}'],
  },
};
