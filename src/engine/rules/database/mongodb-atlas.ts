/**
 * MongoDB Atlas: programmatic API key pairs (a public key plus a UUID private key, named by context) and
 * service-account client secrets (`mdb_sa_sk_`). Connection strings are in connection-strings/.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete the key in Atlas (Organization → Access Manager → Applications), check the Atlas activity feed for its use, and call the Atlas Administration API only from servers or CI.';

export const mongodbAtlasPrivateApiKey: Rule = {
  id: 'mongodb-atlas-private-api-key',
  title: 'MongoDB Atlas private API key',
  provider: 'MongoDB Atlas',
  category: 'database',
  keywords: ['atlas_private', 'atlasprivate', 'atlas-private', 'atlas_api_private', 'atlasapiprivate', 'mcli_private', 'atlas_private_api'],
  pattern:
    /(?:mongodb[_-]?)?(?:atlas|mcli)[_-]?(?:api[_-]?)?private[_-]?(?:api[_-]?)?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![0-9a-f-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Atlas private API key, with its public key, signs Atlas Administration API calls with the key’s organization or project roles: creating database users, opening IP access lists, downloading backups.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      'MONGODB_ATLAS_PRIVATE_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      '{atlasPrivateKey:"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}',
      'MCLI_PRIVATE_API_KEY: {{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
    ],
    negatives: [
      'privateKey:"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"',
      'MONGODB_ATLAS_PRIVATE_KEY=00000000-0000-0000-0000-000000000000',
      'MONGODB_ATLAS_PRIVATE_KEY=${ATLAS_KEY}',
    ],
  },
};

export const mongodbAtlasServiceAccountSecret: Rule = {
  id: 'mongodb-atlas-service-account-secret',
  title: 'MongoDB Atlas service account secret',
  provider: 'MongoDB Atlas',
  category: 'database',
  keywords: ['mdb_sa_sk_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>mdb_sa_sk_[A-Za-z0-9_-]{32,80})(?![A-Za-z0-9_-])/,
  maxLength: 100,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Atlas service account client secret exchanges for OAuth access tokens with the service account’s organization and project roles on the Atlas Administration API.',
  remediation: REMEDIATION,
  samples: {
    positives: ['MDB_MCP_API_CLIENT_SECRET=mdb_sa_sk_{{base64url:40}}', '{"clientSecret":"mdb_sa_sk_{{alnum:40}}"}'],
    negatives: ['mdb_sa_sk_{{alnum:12}}', 'mdb_sa_id_{{hex:24}}', 'mdb_sa_sk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
