/** New Relic: user API keys (`NRAK-`), browser keys (`NRJS-`), Insights keys (`NRII-`, `NRIQ-`), license keys. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete or rotate the key on the New Relic API keys page (one.newrelic.com → API keys), keep it in server or CI secrets, and use the browser agent’s own key in front-end code.';

export const newRelicUserApiKey: Rule = {
  id: 'new-relic-user-api-key',
  title: 'New Relic user API key',
  provider: 'New Relic',
  category: 'observability',
  keywords: ['nrak-', 'nraa-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>NRA[AK]-[A-Z0-9]{27})(?![A-Za-z0-9_-])/,
  maxLength: 40,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A New Relic user (or admin) API key queries NerdGraph as its user: all telemetry of every account the user can see, plus configuration changes such as alerts, dashboards and API keys.',
  remediation: REMEDIATION,
  samples: {
    positives: ['NEW_RELIC_API_KEY=NRAK-{{alnumupper:27}}', 'headers:{"API-Key":"NRAK-{{alnumupper:27}}"}'],
    negatives: ['NRAK-{{alnumupper:20}}', 'NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX', 'NRAK-{{lower:27}}'],
  },
};

export const newRelicBrowserKey: Rule = {
  id: 'new-relic-browser-key',
  title: 'New Relic browser key',
  provider: 'New Relic',
  category: 'observability',
  keywords: ['nrjs-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>NRJS-[a-f0-9]{19})(?![A-Za-z0-9_-])/,
  maxLength: 30,
  minEntropy: 2.5,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'The New Relic browser key is embedded in every page the browser agent runs on; it can only submit browser telemetry. Others can send junk data with it, so watch ingest and use the agent’s domain settings.',
  remediation: 'No rotation needed. Make sure no other New Relic key (license, user, Insights) is in front-end code.',
  samples: {
    positives: ['NREUM.loader_config={accountID:"{{digits:7}}",licenseKey:"NRJS-{{hex:19}}",applicationID:"{{digits:9}}"}', 'NEW_RELIC_BROWSER_KEY=NRJS-{{hex:19}}'],
    negatives: ['NRJS-{{hex:10}}', 'NRJS-{{upper:19}}'],
  },
};

export const newRelicInsightsInsertKey: Rule = {
  id: 'new-relic-insights-insert-key',
  title: 'New Relic Insights insert key',
  provider: 'New Relic',
  category: 'observability',
  keywords: ['nrii-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>NRII-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
  maxLength: 40,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'secret',
  description:
    'An Insights insert key writes custom events into the account. It cannot read data, but anyone holding it can forge events that feed dashboards and alerts, and burn ingest quota.',
  remediation: REMEDIATION,
  samples: {
    positives: ['headers:{"X-Insert-Key":"NRII-{{base64url:32}}"}', 'NEW_RELIC_INSERT_KEY=NRII-{{alnum:32}}'],
    negatives: ['NRII-{{alnum:20}}', 'NRII-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const newRelicInsightsQueryKey: Rule = {
  id: 'new-relic-insights-query-key',
  title: 'New Relic Insights query key',
  provider: 'New Relic',
  category: 'observability',
  keywords: ['nriq-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>NRIQ-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
  maxLength: 40,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description: 'An Insights query key runs NRQL queries over all of the account’s event data, including any user data recorded in custom attributes.',
  remediation: REMEDIATION,
  samples: {
    positives: ['headers:{"X-Query-Key":"NRIQ-{{base64url:32}}"}', 'NEW_RELIC_QUERY_KEY=NRIQ-{{alnum:32}}'],
    negatives: ['NRIQ-{{alnum:20}}', 'NRIQ-00000000000000000000000000000000'],
  },
};

export const newRelicLicenseKey: Rule = {
  id: 'new-relic-license-key',
  title: 'New Relic license (ingest) key',
  provider: 'New Relic',
  category: 'observability',
  keywords: ['nral', 'new_relic_license_key', 'newreliclicensekey', 'newrelic_license_key', 'new-relic-license-key'],
  pattern:
    /(?:new[_-]?relic[_-]?license[_-]?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|(?<![A-Za-z0-9])(?=[a-f0-9]{36}NRAL))(?<secret>[a-f0-9]{36}NRAL|[a-f0-9]{40})(?![A-Za-z0-9])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A New Relic license key lets APM agents and integrations report data to the account. It is not meant for browsers: anyone can inject metrics, events and logs with it, and it often sits next to other server configuration.',
  remediation: REMEDIATION,
  samples: {
    positives: ['NEW_RELIC_LICENSE_KEY={{hex:36}}NRAL', 'newrelic_license_key: "{{hex:40}}"'],
    negatives: ['{{hex:30}}NRAL', 'NEW_RELIC_LICENSE_KEY=<your-license-key>'],
  },
};
