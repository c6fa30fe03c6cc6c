/** Scaleway: API key access key (`SCW…`, an identifier) and secret key (a UUID). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete the API key in the Scaleway console (IAM > API keys), review the audit trail, and use keys only from your backend, bound to an IAM application with minimal policies.';

export const scalewayAccessKey: Rule = {
  id: 'scaleway-access-key',
  title: 'Scaleway access key',
  provider: 'Scaleway',
  category: 'cloud',
  keywords: ['scw'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>SCW[A-Z0-9]{17})(?![A-Za-z0-9_])/,
  minEntropy: 3.2,
  validate: rejectPlaceholders((secret) => (/[0-9]/.test(secret) ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'medium',
  exposure: 'identifier',
  description: 'A Scaleway access key identifies an API key; its secret key (a UUID) is the part that authenticates, and it is usually nearby.',
  remediation: REMEDIATION,
  samples: {
    positives: ['SCW_ACCESS_KEY=SCW{{chars:ABCDEFGHJKMNPQRSTVWXYZ0123456789:14}}7Q2', 'const s3={accessKeyId:"SCW{{chars:ABCDEFGHJKMNPQRSTVWXYZ0123456789:15}}9X"};'],
    negatives: ['SCW_ACCESS_KEY=SCW{{upper:10}}', 'SCW_DEFAULT_ORGANIZATION_ID=SCWABCDEFGHIJKLMNOPQ'],
  },
};

export const scalewaySecretKey: Rule = {
  id: 'scaleway-secret-key',
  title: 'Scaleway secret key',
  provider: 'Scaleway',
  category: 'cloud',
  keywords: ['scw_secret', 'scw-secret', 'scaleway'],
  pattern:
    /(?:scw|scaleway)[_-]?(?:api[_-]?)?(?:secret[_-]?key|secret|token)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Scaleway secret key authenticates API calls with every permission of its IAM user or application: instances, object storage, databases.',
  remediation: REMEDIATION,
  samples: {
    positives: ['SCW_SECRET_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'const scalewaySecret="{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}";'],
    negatives: ['SCW_DEFAULT_PROJECT_ID={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'SCW_SECRET_KEY=11111111-1111-1111-1111-111111111111'],
  },
};
