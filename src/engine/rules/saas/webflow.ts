/** Webflow API tokens (64 hex), named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const webflowApiToken: Rule = {
  id: 'webflow-api-token',
  title: 'Webflow API token',
  provider: 'Webflow',
  category: 'saas',
  keywords: ['webflow'],
  pattern: /webflow[_-]?(?:api[_-]?|site[_-]?|cms[_-]?)?(?:access[_-]?)?(?:token|key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{64})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Webflow site or workspace token reads and writes CMS collections, form submissions (with visitors’ data) and, with its scopes, publishes the site.',
  remediation: 'Revoke the token in the site’s Apps & integrations settings and call the Data API from your server.',
  samples: {
    positives: ['WEBFLOW_API_TOKEN={{hex:64}}', '{webflowToken:"{{hex:64}}"}'],
    negatives: ['WEBFLOW_SITE_ID={{hex:24}}', 'WEBFLOW_API_TOKEN={{hex:40}}'],
  },
};
