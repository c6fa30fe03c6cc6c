/**
 * Elastic: Elasticsearch API keys (sent as `Authorization: ApiKey base64(id:key)`) and Elastic Cloud
 * organization API keys (`essu_`). The APM secret token is in observability/.
 */
import { decodeBase64Bytes } from '../../decode.ts';
import type { Rule, ValidationResult } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** An encoded Elasticsearch API key decodes to `id:api_key`, both base64url-ish. */
function validateEncodedApiKey(secret: string): ValidationResult {
  const bytes = decodeBase64Bytes(secret);
  if (!bytes) return { verdict: 'invalid' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { verdict: 'invalid' };
  }
  const parts = /^([A-Za-z0-9_-]{16,32}):([A-Za-z0-9_-]{16,64})$/.exec(text);
  if (!parts) return { verdict: 'invalid' };
  return { verdict: 'valid', details: { keyId: parts[1]! } };
}

export const elasticsearchApiKey: Rule = {
  id: 'elasticsearch-api-key',
  title: 'Elasticsearch API key',
  provider: 'Elastic',
  category: 'database',
  keywords: ['apikey ', 'elastic_api_key', 'elasticapikey', 'elasticsearch_api_key', 'elasticsearchapikey', 'es_api_key', 'elastic-api-key'],
  pattern:
    /(?:ApiKey[ \t]{1,3}|(?:elastic(?:search)?[_-]?api[_-]?key|es[_-]api[_-]key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?)(?<secret>[A-Za-z0-9+/]{40,160}={0,2})(?![A-Za-z0-9+/=])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(validateEncodedApiKey),
  severity: 'high',
  exposure: 'secret',
  description:
    'An Elasticsearch API key authenticates to the cluster with the role descriptors it was created with, often read and write on all indices. The key id is shown; the key itself was decoded offline from its encoded form.',
  remediation:
    'Invalidate the key (`DELETE /_security/api_key` or Stack Management → API keys), and query Elasticsearch from your backend; if the browser must search directly, use a key limited to read on one index with an expiry.',
  samples: {
    positives: [
      (gen) => `headers:{Authorization:"ApiKey ${btoa(`${gen.base64url(20)}:${gen.base64url(22)}`)}"}`,
      (gen) => `ELASTIC_API_KEY=${btoa(`${gen.alnum(20)}:${gen.alnum(22)}`)}`,
    ],
    negatives: ['Authorization: ApiKey {{alnum:60}}', (gen) => `ApiKey ${btoa(gen.alnum(45))}`, 'ELASTIC_API_KEY=${ES_KEY}'],
  },
};

export const elasticCloudApiKey: Rule = {
  id: 'elastic-cloud-api-key',
  title: 'Elastic Cloud API key',
  provider: 'Elastic',
  category: 'database',
  keywords: ['essu_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>essu_[A-Za-z0-9+/_-]{40,200}={0,2})(?![A-Za-z0-9+/=_-])/,
  maxLength: 220,
  minEntropy: 4.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Elastic Cloud API key drives the Elastic Cloud console API for the organization: creating and deleting deployments, resetting passwords and managing members, according to its role.',
  remediation: 'Revoke the key under Organization → API keys in the Elastic Cloud console and keep it in CI or server-side secrets.',
  samples: {
    positives: ['EC_API_KEY=essu_{{base64:80}}==', '{"apiKey":"essu_{{base64url:96}}"}'],
    negatives: ['essu_{{alnum:20}}', 'essu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
