/** LinkedIn OAuth client secrets, named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const linkedinClientSecret: Rule = {
  id: 'linkedin-client-secret',
  title: 'LinkedIn client secret',
  provider: 'LinkedIn',
  category: 'saas',
  keywords: ['linkedin', 'linked_in', 'linked-in'],
  pattern:
    /linked[_-]?in[_-]?(?:client[_-]?|app[_-]?|oauth[_-]?)?secret\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>WPL_AP\d\.[A-Za-z0-9]{12,20}\.[A-Za-z0-9+/=]{8,20}|[A-Za-z0-9]{16})(?![A-Za-z0-9_+/=.-])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A LinkedIn client secret authenticates as the app in OAuth: exchanging codes for member tokens and getting app tokens for the APIs the app was approved for.',
  remediation: 'Generate a new client secret in the LinkedIn developer portal (Auth tab) and exchange codes on your server.',
  samples: {
    positives: ['LINKEDIN_CLIENT_SECRET={{alnum:16}}', '{linkedinClientSecret:"WPL_AP1.{{alnum:16}}.{{base64:12}}"}'],
    negatives: ['LINKEDIN_CLIENT_ID={{alnumlower:14}}', 'LINKEDIN_CLIENT_SECRET=<secret>'],
  },
};
