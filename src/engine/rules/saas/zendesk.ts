/** Zendesk API tokens, named by context or in `email/token:` basic-auth pairs. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const zendeskApiToken: Rule = {
  id: 'zendesk-api-token',
  title: 'Zendesk API token',
  provider: 'Zendesk',
  category: 'saas',
  keywords: ['zendesk', '/token:'],
  pattern:
    /(?:zendesk[_-]?(?:api[_-]?)?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}\/token:)(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Zendesk API token signs in to the Support API as any agent or admin whose email is paired with it: tickets with customer conversations, users, and account settings.',
  remediation: 'Delete the token in Admin Center → Apps and integrations → Zendesk API, and call Zendesk from your server.',
  samples: {
    positives: ['ZENDESK_API_TOKEN={{alnum:40}}', 'btoa("agent@{{lower:8}}.com/token:{{alnum:40}}")'],
    negatives: ['ZENDESK_API_TOKEN=<token>', 'ZENDESK_SUBDOMAIN={{alnum:40}}'],
  },
};
