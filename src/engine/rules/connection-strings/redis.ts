/** Redis connection URLs (`redis://`, `rediss://`) with a password (Upstash, Redis Cloud, ElastiCache…). */
import type { Rule } from '../../types.ts';
import { credentialUrlPattern, validateUrlCredentials } from '../../validators/connection-string.ts';

export const redisConnectionString: Rule = {
  id: 'redis-connection-string',
  title: 'Redis connection string with password',
  provider: 'Redis',
  category: 'connection-string',
  keywords: ['redis'],
  pattern: credentialUrlPattern('rediss?|valkeys?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Redis URL with a password runs any command on the database: reading sessions and cached data, overwriting keys, or flushing everything.',
  remediation: 'Reset the database password (or ACL user), keep the URL on the server, and never expose Redis to browsers or the internet.',
  samples: {
    positives: ['REDIS_URL=rediss://default:{{alnum:32}}@{{lower:6}}-{{lower:6}}-{{digits:5}}.upstash.io:6379', 'new Redis("redis://:{{base64url:24}}@redis-{{digits:5}}.c1.us-east-1-2.ec2.cloud.redislabs.com:{{digits:5}}")'],
    negatives: ['redis://localhost:6379', 'redis://:****@127.0.0.1:6379/0', 'rediss://default:<password>@host:6379'],
  },
};
