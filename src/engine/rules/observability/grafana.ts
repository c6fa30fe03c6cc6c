/** Grafana: Cloud access policy tokens (`glc_`), service account tokens (`glsa_`) and legacy API keys. */
import { decodeBase64Bytes } from '../../decode.ts';
import type { Rule, ValidationResult } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeJson(base64: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Bytes(base64.replace(/=+$/, ''));
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Cloud tokens are base64 JSON: `{"o":org id,"n":token name,"k":secret,"m":{"r":region}}`. */
function validateCloudToken(token: string): ValidationResult {
  const claims = decodeJson(token.slice('glc_'.length));
  if (!claims) return { verdict: 'unknown' };
  if (typeof claims.k !== 'string') return { verdict: 'invalid' };
  const details: Record<string, string> = {};
  if (typeof claims.o === 'string' || typeof claims.o === 'number') details.orgId = String(claims.o).slice(0, 40);
  if (typeof claims.n === 'string') details.tokenName = claims.n.slice(0, 80);
  return { verdict: 'valid', details };
}

/** Legacy API keys are base64 JSON: `{"k":secret,"n":name,"id":org}`. */
function validateLegacyKey(token: string): ValidationResult {
  const claims = decodeJson(token);
  if (!claims || typeof claims.k !== 'string' || claims.k.length < 16) return { verdict: 'invalid' };
  const details: Record<string, string> = {};
  if (typeof claims.n === 'string') details.keyName = claims.n.slice(0, 80);
  if (typeof claims.id === 'number' || typeof claims.id === 'string') details.orgId = String(claims.id).slice(0, 40);
  return { verdict: 'valid', details };
}

const REMEDIATION =
  'Delete the token in Grafana (Administration → Service accounts, or the Grafana Cloud portal → Access Policies) and query Grafana from a backend; dashboards for visitors belong in public dashboards or snapshots, not in a token.';

export const grafanaCloudToken: Rule = {
  id: 'grafana-cloud-token',
  title: 'Grafana Cloud access policy token',
  provider: 'Grafana',
  category: 'observability',
  keywords: ['glc_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>glc_[A-Za-z0-9+/]{32,400}={0,2})(?![A-Za-z0-9+/=_])/,
  maxLength: 420,
  minEntropy: 4.0,
  validate: rejectPlaceholders(validateCloudToken),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Grafana Cloud access policy token reads or writes the stack’s metrics, logs and traces, or manages the stack, according to its policy’s scopes (the token name and org were decoded offline).',
  remediation: REMEDIATION,
  samples: {
    positives: [
      (gen) => `GRAFANA_CLOUD_TOKEN=glc_${btoa(JSON.stringify({ o: gen.digits(6), n: 'stack-write', k: gen.alnum(24), m: { r: 'prod-us-east-0' } })).replace(/=+$/, '')}`,
      'headers:{Authorization:"Bearer glc_{{base64:96}}"}',
    ],
    negatives: ['glc_{{alnum:16}}', (gen) => `glc_${btoa(JSON.stringify({ o: gen.digits(6), n: 'no-secret-field-here' }))}`],
  },
};

export const grafanaServiceAccountToken: Rule = {
  id: 'grafana-service-account-token',
  title: 'Grafana service account token',
  provider: 'Grafana',
  category: 'observability',
  keywords: ['glsa_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>glsa_[A-Za-z0-9]{32}_[a-f0-9]{8})(?![A-Za-z0-9_])/,
  maxLength: 60,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Grafana service account token calls the Grafana HTTP API with the service account’s role (often Editor or Admin): reading every data source through queries, editing dashboards, managing users.',
  remediation: REMEDIATION,
  samples: {
    positives: ['GRAFANA_TOKEN=glsa_{{alnum:32}}_{{hex:8}}', 'headers:{Authorization:`Bearer glsa_{{alnum:32}}_{{hex:8}}`}'],
    negatives: ['glsa_{{alnum:32}}', 'glsa_{{alnum:20}}_{{hex:8}}', 'glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_{{hex:8}}'],
  },
};

export const grafanaApiKey: Rule = {
  id: 'grafana-api-key',
  title: 'Grafana API key (legacy)',
  provider: 'Grafana',
  category: 'observability',
  keywords: ['eyjrijoi'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>eyJrIjoi[A-Za-z0-9+/]{40,400}={0,2})(?![A-Za-z0-9+/=_])/,
  maxLength: 420,
  minEntropy: 3.5,
  validate: validateLegacyKey,
  severity: 'high',
  exposure: 'secret',
  description:
    'A legacy Grafana API key calls the HTTP API with its role (Viewer, Editor or Admin) on the organization. Grafana has replaced these keys with service accounts.',
  remediation: REMEDIATION,
  samples: {
    positives: [(gen) => `GRAFANA_API_KEY=${btoa(JSON.stringify({ k: gen.alnum(32), n: 'dashboards', id: 1 })).replace(/=+$/, '')}`],
    negatives: [(gen) => btoa(JSON.stringify({ k: 'short', n: gen.alnum(40), id: 1 })).replace(/=+$/, ''), 'eyJrIjoi{{alnum:10}}'],
  },
};
