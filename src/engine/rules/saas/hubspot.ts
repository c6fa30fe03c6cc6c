/** HubSpot private app tokens (`pat-na1-…`) and legacy API keys (`hapikey`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Rotate the token in HubSpot (Settings → Integrations → Private apps → Auth → Rotate) and call the HubSpot API from your server; forms in the browser should use the public Forms API.';

export const hubspotPrivateAppToken: Rule = {
  id: 'hubspot-private-app-token',
  title: 'HubSpot private app access token',
  provider: 'HubSpot',
  category: 'saas',
  keywords: ['pat-na', 'pat-eu', 'pat-ap'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pat-(?:na|eu|ap)\d-[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})(?![A-Za-z0-9_-])/,
  maxLength: 60,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A HubSpot private app token reads and writes the portal’s CRM with the app’s scopes: contacts and their personal data, deals, companies, emails.',
  remediation: REMEDIATION,
  samples: {
    positives: ['headers:{Authorization:"Bearer pat-na1-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}', 'HUBSPOT_TOKEN=pat-eu1-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['pat-na1-{{hex:8}}-{{hex:4}}', 'pat-xx1-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
  },
};

export const hubspotLegacyApiKey: Rule = {
  id: 'hubspot-legacy-api-key',
  title: 'HubSpot legacy API key',
  provider: 'HubSpot',
  category: 'saas',
  keywords: ['hapikey', 'hubspot_api_key', 'hubspotapikey'],
  pattern:
    /(?:hapikey|hubspot[_-]?api[_-]?key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A HubSpot API key (hapikey) had full access to the portal’s data. HubSpot sunset these keys in 2022, so it is likely dead, but if it still works it is a full account credential.',
  remediation: REMEDIATION,
  samples: {
    positives: ['fetch("https://api.hubapi.com/contacts/v1/lists/all/contacts/all?hapikey={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}")', 'HUBSPOT_API_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['hapikey=demo', 'hapikey={{hex:8}}'],
  },
};
