/**
 * SQL Server and other ADO.NET-style connection strings (`Server=…;User ID=…;Password=…`), and
 * `sqlserver://` / `mssql://` URLs.
 */
import type { Rule, ValidationResult } from '../../types.ts';
import type { MatchContext } from '../../types.ts';
import { credentialUrlPattern, judgeCredential, validateUrlCredentials } from '../../validators/connection-string.ts';

const REMEDIATION =
  'Change the login’s password (or switch to managed identity / integrated auth), keep connection strings in server-side configuration or a secret store, and never expose the database to browsers.';

export const sqlserverConnectionUrl: Rule = {
  id: 'sqlserver-connection-url',
  title: 'SQL Server connection URL with password',
  provider: 'SQL Server',
  category: 'connection-string',
  keywords: ['sqlserver', 'mssql'],
  pattern: credentialUrlPattern('sqlserver|mssql(?:\\+[a-z0-9]{1,16})?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'critical',
  exposure: 'secret',
  description: 'A SQL Server URL with a password logs in as that login with all of its database permissions.',
  remediation: REMEDIATION,
  samples: {
    positives: ['DATABASE_URL=sqlserver://sa:{{alnum:20}}@sql.{{lower:8}}.net:1433', 'mssql://app:{{base64url:16}}@10.20.30.40/orders'],
    negatives: ['sqlserver://localhost:1433', 'mssql://user:<password>@server/db'],
  },
};

function validateAdo(secret: string, context: MatchContext): ValidationResult {
  const text = context.match[0];
  const host = /(?:server|data source|host|address|addr|network address)\s{0,3}=\s{0,3}(?:tcp:)?([^;,"'`\s\\]{1,200})/i.exec(text)?.[1];
  const user = /(?:user id|uid|user|username)\s{0,3}=\s{0,3}([^;"'`\\]{1,128})/i.exec(text)?.[1];
  const password = secret.replace(/^\{(.*)\}$/, '$1').replace(/^'(.*)'$/, '$1');
  return judgeCredential(password.trim(), { user: user?.trim(), host: host?.replace(/\\.*$/, '') });
}

export const adoNetConnectionString: Rule = {
  id: 'ado-net-connection-string',
  title: 'Connection string with password (ADO.NET style)',
  provider: 'SQL Server',
  category: 'connection-string',
  keywords: ['password=', 'pwd='],
  pattern:
    /(?:Server|Data Source|Host|Address|Addr|Network Address|Initial Catalog|Database|User ID|UID|Username)\s{0,3}=\s{0,3}[^;"'`\n\\]{1,200};(?:[^;"'`\n\\]{0,200};){0,8}?\s{0,3}(?:Password|Pwd)\s{0,3}=\s{0,3}(?<secret>\{[^}\n]{1,128}\}|'[^'\n]{1,128}'|[^;"'`\n\\]{1,128})/i,
  maxLength: 2200,
  validate: validateAdo,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An ADO.NET-style connection string with `Password=` logs in to the database (SQL Server, Azure SQL, PostgreSQL via Npgsql, MySQL…) with that login’s permissions.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      '"DefaultConnection":"Server=tcp:{{lower:8}}.database.windows.net,1433;Initial Catalog=app;User ID=appuser;Password={{alnum:18}}!;Encrypt=True;"',
      'Host=db.{{lower:6}}.internal;Port=5432;Database=orders;Username=svc;Pwd={{base64url:20}};SSL Mode=Require',
    ],
    negatives: ['Server=myServer;Database=myDb;User Id=myUser;Password=<password>;', 'Server=.;Database=x;Trusted_Connection=True;', 'Server=s;Database=d;Password=${DB_PASS};'],
  },
};
