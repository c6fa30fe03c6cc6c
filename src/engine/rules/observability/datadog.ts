/**
 * Datadog: API keys (32 hex) and application keys (40 hex) are told apart only by their names; RUM and
 * browser-logs client tokens (`pub` + 32 hex) are made for browsers.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const datadogApiKey: Rule = {
  id: 'datadog-api-key',
  title: 'Datadog API key',
  provider: 'Datadog',
  category: 'observability',
  keywords: ['dd_api_key', 'ddapikey', 'dd-api-key', 'datadog_api_key', 'datadogapikey', 'datadog-api-key'],
  pattern: /(?:dd|datadog)[_-]?api[_-]?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Datadog API key submits metrics, logs and events to the organization and, paired with an application key, unlocks the read and management API. Browsers should use a client token instead.',
  remediation:
    'Revoke the key under Organization Settings → API Keys, create a new one for your agents and servers, and use a RUM/browser-logs client token in front-end code.',
  samples: {
    positives: ['DD_API_KEY={{hex:32}}', 'headers:{"DD-API-KEY":"{{hex:32}}"}', '{datadogApiKey:"{{hex:32}}"}'],
    negatives: ['DD_API_KEY={{hex:40}}', 'DD_API_KEY=<DATADOG_API_KEY>', 'clientToken:"pub{{hex:32}}"'],
  },
};

export const datadogApplicationKey: Rule = {
  id: 'datadog-application-key',
  title: 'Datadog application key',
  provider: 'Datadog',
  category: 'observability',
  keywords: ['dd_app', 'ddapp', 'dd-app', 'datadog_app', 'datadogapp', 'datadog-app', 'dd-application-key'],
  pattern:
    /(?:dd|datadog)[_-]?app(?:lication)?[_-]?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Datadog application key, with any API key, reads and changes the organization through the API with its owner’s permissions: dashboards, monitors, logs and traces with whatever data they hold.',
  remediation:
    'Revoke it under Organization Settings → Application Keys (or the owner’s personal settings) and keep it on the server; scope new application keys to the minimum.',
  samples: {
    positives: ['DD_APP_KEY={{hex:40}}', 'headers:{"DD-APPLICATION-KEY":"{{hex:40}}","DD-API-KEY":k}', 'datadog_application_key = "{{hex:40}}"'],
    negatives: ['DD_APP_KEY={{hex:32}}', 'DD_APPLICATION_KEY=${DD_APP_KEY}'],
  },
};

export const datadogClientToken: Rule = {
  id: 'datadog-client-token',
  title: 'Datadog client token',
  provider: 'Datadog',
  category: 'observability',
  keywords: ['pub'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pub[a-f0-9]{32})(?![A-Za-z0-9_])/,
  maxLength: 40,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Datadog client token lets browsers and mobile apps send RUM events and logs, and nothing else; it is made to be public. Keep it from being abused by restricting it to your origins and watching ingestion volumes.',
  remediation: 'No rotation needed. Check it is a client token (not an API key) and set its allowed origins in Organization Settings → Client Tokens.',
  samples: {
    positives: ['datadogRum.init({applicationId:"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}",clientToken:"pub{{hex:32}}",site:"datadoghq.com"})', 'https://browser-intake-datadoghq.com/api/v2/rum?dd-api-key=pub{{hex:32}}'],
    negatives: ['pub{{hex:31}}', 'public{{hex:32}}', 'pub00000000000000000000000000000000'],
  },
};
