/** Mixpanel: project tokens are public (browser SDK); API secrets and service account secrets are not. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mixpanelProjectToken: Rule = {
  id: 'mixpanel-project-token',
  title: 'Mixpanel project token',
  provider: 'Mixpanel',
  category: 'observability',
  keywords: ['mixpanel'],
  pattern:
    /(?:mixpanel\.init\(\s{0,3}|mixpanel[_-]?(?:project[_-]?)?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3})\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Mixpanel project token only identifies the project that browser events go to; it is public by design. It cannot read data, but anyone can send events with it, so don’t base decisions on client-side events alone.',
  remediation: 'No rotation needed. Keep the project’s API secret and service account secrets out of front-end code.',
  samples: {
    positives: ['mixpanel.init("{{hex:32}}",{track_pageview:!0})', 'NEXT_PUBLIC_MIXPANEL_TOKEN={{hex:32}}'],
    negatives: ['mixpanel.init(token)', 'mixpanel.init("{{hex:16}}")'],
  },
};

export const mixpanelApiSecret: Rule = {
  id: 'mixpanel-api-secret',
  title: 'Mixpanel API secret',
  provider: 'Mixpanel',
  category: 'observability',
  keywords: ['mixpanel_api_secret', 'mixpanelapisecret', 'mixpanel_secret', 'mixpanelsecret', 'mixpanel-secret', 'mixpanel_service_account_secret', 'mixpanelserviceaccountsecret', 'mixpanel-api-secret', 'mixpanel_project_secret', 'mixpanelprojectsecret'],
  pattern:
    /mixpanel[_-]?(?:api[_-]?|project[_-]?|service[_-]?account[_-]?)?secret\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32}|[A-Za-z0-9]{32,64})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Mixpanel API secret (or service account secret) exports the project’s raw event and user-profile data and can import or delete data through the API.',
  remediation: 'Reset the API secret in Project Settings (or delete the service account) and keep export jobs on the server.',
  samples: {
    positives: ['MIXPANEL_API_SECRET={{hex:32}}', '{mixpanelServiceAccountSecret:"{{alnum:32}}"}'],
    negatives: ['MIXPANEL_API_SECRET=<secret>', 'MIXPANEL_API_SECRET={{hex:12}}'],
  },
};
