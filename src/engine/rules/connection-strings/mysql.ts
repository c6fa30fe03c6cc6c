/** MySQL and MariaDB connection URLs with a password (also PlanetScale, TiDB, Vitess URLs). */
import type { Rule } from '../../types.ts';
import { credentialUrlPattern, validateUrlCredentials } from '../../validators/connection-string.ts';

export const mysqlConnectionString: Rule = {
  id: 'mysql-connection-string',
  title: 'MySQL / MariaDB connection string with password',
  provider: 'MySQL',
  category: 'connection-string',
  keywords: ['mysql', 'mariadb'],
  pattern: credentialUrlPattern('mysql[x2]?(?:\\+[a-z0-9]{1,16})?|mariadb(?:\\+[a-z0-9]{1,16})?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A MySQL or MariaDB URL with a password lets anyone who can reach the server log in as that user and read or change its databases.',
  remediation:
    'Change the user’s password, keep the URL in server-side environment only, and make sure the server is not reachable from the internet; the browser should go through your API.',
  samples: {
    positives: ['DATABASE_URL="mysql://{{lower:8}}:{{alnum:20}}@aws.connect.psdb.cloud/shop?ssl={\\"rejectUnauthorized\\":true}"', 'mariadb://report:{{base64url:18}}@192.0.2.10:3306/report'],
    negatives: ['mysql://root:%s@localhost:3306/test', 'mysql://user:<password>@host/db', 'mysql://{{lower:6}}@db:3306/x'],
  },
};
