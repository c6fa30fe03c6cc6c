/** PostgreSQL connection URLs with a password (also CockroachDB, Neon, Supabase, Timescale URLs). */
import type { Rule } from '../../types.ts';
import { credentialUrlPattern, validateUrlCredentials } from '../../validators/connection-string.ts';

export const postgresConnectionString: Rule = {
  id: 'postgres-connection-string',
  title: 'PostgreSQL connection string with password',
  provider: 'PostgreSQL',
  category: 'connection-string',
  keywords: ['postgres'],
  pattern: credentialUrlPattern('postgres(?:ql)?(?:\\+[a-z0-9]{1,16})?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A PostgreSQL URL with a password lets anyone who can reach the host log in as that role: read, change or drop every table it has rights to. In a browser bundle it also reveals where the database lives.',
  remediation:
    'Change the role’s password (and revoke sessions), keep DATABASE_URL in server-side environment only, and put an API between the browser and the database; check that the database is not reachable from the internet.',
  samples: {
    positives: [
      'DATABASE_URL=postgresql://app_{{lower:5}}:{{alnum:24}}@db.{{lower:8}}.eu-west-1.rds.amazonaws.com:5432/app',
      '{db:"postgres://postgres.{{lower:20}}:{{base64url:20}}@aws-0-eu-central-1.pooler.supabase.com:6543/postgres"}',
      'postgresql+asyncpg://svc:{{alnum:16}}%21{{alnum:4}}@10.0.3.7/analytics',
    ],
    negatives: [
      'postgres://user:${DB_PASSWORD}@db.internal:5432/app',
      'postgresql://<user>:<password>@<host>:5432/<db>',
      'postgres://{{lower:8}}@db.internal:5432/app',
      '"postgres://"+user+":"+pass+"@"+host',
    ],
  },
};
