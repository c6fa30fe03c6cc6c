/** PostHog: project API keys (`phc_`, public) and personal API keys (`phx_`, secret). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const posthogProjectApiKey: Rule = {
  id: 'posthog-project-api-key',
  title: 'PostHog project API key',
  provider: 'PostHog',
  category: 'observability',
  keywords: ['phc_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>phc_[A-Za-z0-9]{39,48})(?![A-Za-z0-9_])/,
  maxLength: 60,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A PostHog project API key only sends events and evaluates feature flags for the project; posthog-js needs it in the page. Anyone can send events with it, so don’t rely on client events or flags for authorization.',
  remediation: 'No rotation needed. Keep personal API keys (`phx_`) and feature-flag secure keys out of front-end code.',
  samples: {
    positives: ['posthog.init("phc_{{alnum:43}}",{api_host:"https://us.i.posthog.com"})', 'NEXT_PUBLIC_POSTHOG_KEY=phc_{{alnum:43}}'],
    negatives: ['phc_{{alnum:20}}', 'phc_<project-key>'],
  },
};

export const posthogPersonalApiKey: Rule = {
  id: 'posthog-personal-api-key',
  title: 'PostHog personal API key',
  provider: 'PostHog',
  category: 'observability',
  keywords: ['phx_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>phx_[A-Za-z0-9]{39,48})(?![A-Za-z0-9_])/,
  maxLength: 60,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A PostHog personal API key acts as its user on the PostHog API with the scopes it was given: querying all events and person data (including recordings), and changing projects, flags and dashboards.',
  remediation: 'Delete the key under Settings → Personal API keys in PostHog and call the API only from servers.',
  samples: {
    positives: ['POSTHOG_PERSONAL_API_KEY=phx_{{alnum:43}}', 'headers:{Authorization:"Bearer phx_{{alnum:43}}"}'],
    negatives: ['phx_{{alnum:20}}', 'phx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
