/** Redis Cloud (Redis Inc.) REST API secret keys, named by context. Redis URLs are in connection-strings/. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const redisCloudApiSecretKey: Rule = {
  id: 'redis-cloud-api-secret-key',
  title: 'Redis Cloud API secret key',
  provider: 'Redis Cloud',
  category: 'database',
  keywords: ['x-api-secret-key', 'redis_cloud', 'rediscloud', 'redis-cloud'],
  pattern:
    /(?:x-api-secret-key|redis[_-]?cloud[_-]?(?:api[_-]?)?(?:user[_-]?)?secret(?:[_-]?key)?|redis[_-]?cloud[_-]?(?:api[_-]?)?(?:account[_-]?|user[_-]?)?key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9]{32,80})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'Redis Cloud API keys manage the account’s subscriptions and databases through the REST API: creating, resizing and deleting databases and reading their passwords.',
  remediation:
    'Delete the key under Access Management → API Keys in the Redis Cloud console and keep API keys in server-side secrets only.',
  samples: {
    positives: ['REDIS_CLOUD_API_SECRET_KEY={{alnumlower:50}}', 'headers:{"x-api-key":k,"x-api-secret-key":"{{alnum:48}}"}'],
    negatives: ['"x-api-secret-key":e.secret', 'REDIS_CLOUD_API_SECRET_KEY=<secret>', 'REDIS_CLOUD_URL={{alnum:40}}'],
  },
};
