/**
 * Honeycomb: v2 ingest keys (`hcaik_`, write-only: Honeycomb recommends them for browser telemetry),
 * configuration keys (`hcaic_`) and classic keys named by context.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const honeycombIngestKey: Rule = {
  id: 'honeycomb-ingest-key',
  title: 'Honeycomb ingest key',
  provider: 'Honeycomb',
  category: 'observability',
  keywords: ['hcaik_', 'hcxik_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>hc[ax]ik_[a-z0-9]{58})(?![A-Za-z0-9_])/,
  maxLength: 70,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'A Honeycomb ingest key can only send telemetry; Honeycomb suggests ingest keys for browser instrumentation. Anyone can use it to send junk events into the environment and spend its event quota, so keep it scoped to one environment and watch usage.',
  remediation: 'No rotation needed unless it is abused. Make sure it is an ingest key without configuration permissions, or route browser telemetry through your own collector.',
  samples: {
    positives: ['new HoneycombWebSDK({apiKey:"hcaik_{{alnumlower:58}}",serviceName:"web"})', 'OTEL_EXPORTER_OTLP_HEADERS="x-honeycomb-team=hcaik_{{alnumlower:58}}"'],
    negatives: ['hcaik_{{alnumlower:40}}', 'hcaik_01hs6b0zv51w28xxxxxxxxxxxxxxxxxxxxxx8wy5w2h0dhhr3wry9'],
  },
};

export const honeycombConfigurationKey: Rule = {
  id: 'honeycomb-configuration-key',
  title: 'Honeycomb configuration key',
  provider: 'Honeycomb',
  category: 'observability',
  keywords: ['hcaic_', 'hcxic_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>hc[ax]ic_[a-z0-9]{58})(?![A-Za-z0-9_])/,
  maxLength: 70,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Honeycomb configuration key manages an environment through the API with the permissions it was given: datasets, columns, triggers, SLOs, boards and queries over your telemetry.',
  remediation: 'Delete the key under Environment settings → API Keys and use an ingest key (or your own collector) for browser telemetry.',
  samples: {
    positives: ['HONEYCOMB_API_KEY=hcaic_{{alnumlower:58}}', '{"x-honeycomb-team":"hcaic_{{alnumlower:58}}"}'],
    negatives: ['hcaic_{{alnumlower:20}}', 'hcaic_{{upper:58}}'],
  },
};

export const honeycombClassicKey: Rule = {
  id: 'honeycomb-classic-key',
  title: 'Honeycomb classic API key',
  provider: 'Honeycomb',
  category: 'observability',
  keywords: ['x-honeycomb-team', 'honeycomb_api_key', 'honeycombapikey', 'honeycomb_writekey', 'honeycomb_write_key', 'honeycomb-api-key', 'honeycomb_key'],
  pattern:
    /(?:x-honeycomb-team|honeycomb[_-]?(?:api[_-]?|write[_-]?)?key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32}|[A-Za-z0-9]{22})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'secret',
  description:
    'A classic Honeycomb API key can send events and, depending on its permissions, manage datasets, markers and triggers. Classic keys cannot be limited to ingest only as tightly as v2 ingest keys.',
  remediation: 'Replace it with a v2 ingest key (or route telemetry through your collector) and delete the classic key in Team settings.',
  samples: {
    positives: ['headers:{"x-honeycomb-team":"{{hex:32}}"}', 'HONEYCOMB_WRITEKEY={{alnum:22}}'],
    negatives: ['"x-honeycomb-team":e.apiKey', 'HONEYCOMB_API_KEY={{alnum:10}}', 'HONEYCOMB_DATASET={{alnum:22}}'],
  },
};
