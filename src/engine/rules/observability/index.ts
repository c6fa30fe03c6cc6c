/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { amplitudeApiKey, amplitudeSecretKey } from './amplitude.ts';
import { bugsnagDataAccessToken, bugsnagNotifierApiKey } from './bugsnag.ts';
import { datadogApiKey, datadogApplicationKey, datadogClientToken } from './datadog.ts';
import { dynatraceToken } from './dynatrace.ts';
import { elasticApmSecretToken } from './elastic-apm.ts';
import { grafanaApiKey, grafanaCloudToken, grafanaServiceAccountToken } from './grafana.ts';
import { honeycombClassicKey, honeycombConfigurationKey, honeycombIngestKey } from './honeycomb.ts';
import { lightstepAccessToken } from './lightstep.ts';
import { logglyCustomerToken } from './loggly.ts';
import { logrocketAppId } from './logrocket.ts';
import { logzioToken } from './logzio.ts';
import { mixpanelApiSecret, mixpanelProjectToken } from './mixpanel.ts';
import {
  newRelicBrowserKey,
  newRelicInsightsInsertKey,
  newRelicInsightsQueryKey,
  newRelicLicenseKey,
  newRelicUserApiKey,
} from './new-relic.ts';
import { posthogPersonalApiKey, posthogProjectApiKey } from './posthog.ts';
import { raygunApiKey, raygunPersonalAccessToken } from './raygun.ts';
import { rollbarClientToken, rollbarServerToken } from './rollbar.ts';
import { segmentWriteKey } from './segment.ts';
import { sentryDsn, sentryDsnSecret, sentryLegacyAuthToken, sentryOrgAuthToken, sentryUserAuthToken } from './sentry.ts';
import { splunkHecToken } from './splunk.ts';

// Where two rules can match the very same span, the secret one is listed first (the first one wins).
export const observabilityRules: readonly Rule[] = [
  amplitudeSecretKey,
  amplitudeApiKey,
  bugsnagDataAccessToken,
  bugsnagNotifierApiKey,
  datadogApiKey,
  datadogApplicationKey,
  datadogClientToken,
  dynatraceToken,
  elasticApmSecretToken,
  grafanaCloudToken,
  grafanaServiceAccountToken,
  grafanaApiKey,
  honeycombIngestKey,
  honeycombConfigurationKey,
  honeycombClassicKey,
  lightstepAccessToken,
  logglyCustomerToken,
  logrocketAppId,
  logzioToken,
  mixpanelApiSecret,
  mixpanelProjectToken,
  newRelicUserApiKey,
  newRelicBrowserKey,
  newRelicInsightsInsertKey,
  newRelicInsightsQueryKey,
  newRelicLicenseKey,
  posthogPersonalApiKey,
  posthogProjectApiKey,
  raygunPersonalAccessToken,
  raygunApiKey,
  rollbarServerToken,
  rollbarClientToken,
  segmentWriteKey,
  sentryOrgAuthToken,
  sentryUserAuthToken,
  sentryLegacyAuthToken,
  sentryDsnSecret,
  sentryDsn,
  splunkHecToken,
];
