/** Pipedrive API tokens (40 hex), named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const pipedriveApiToken: Rule = {
  id: 'pipedrive-api-token',
  title: 'Pipedrive API token',
  provider: 'Pipedrive',
  category: 'saas',
  keywords: ['pipedrive'],
  pattern:
    /(?:pipedrive[_-]?(?:api[_-]?)?(?:token|key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|\.pipedrive\.com\/(?:api\/)?v\d\/[^\s"'`]{0,120}[?&]api_token=)(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Pipedrive API token acts as its user on the CRM: deals, persons with contact details, organizations and activities.',
  remediation: 'Regenerate the token under Personal preferences → API in Pipedrive and call the API from your server.',
  samples: {
    positives: ['PIPEDRIVE_API_TOKEN={{hex:40}}', 'fetch("https://acme.pipedrive.com/api/v1/deals?status=open&api_token={{hex:40}}")'],
    negatives: ['PIPEDRIVE_COMPANY_DOMAIN={{hex:40}}', 'PIPEDRIVE_API_TOKEN={{hex:20}}'],
  },
};
