/** JDBC URLs with a password parameter, or Oracle thin URLs with `user/password@`. */
import type { Rule, ValidationResult } from '../../types.ts';
import type { MatchContext } from '../../types.ts';
import { judgeCredential } from '../../validators/connection-string.ts';

function validateJdbc(secret: string, context: MatchContext): ValidationResult {
  const text = context.match[0];
  const user = /[?;&:](?:user|username)=([^&;\s"'`]{1,128})/i.exec(text)?.[1] ?? /thin:([^/\s]{1,64})\//i.exec(text)?.[1];
  const host = /\/\/([A-Za-z0-9_.-]{1,200})/.exec(text)?.[1] ?? /@(?:\/\/)?([A-Za-z0-9_.-]{1,200})/.exec(text.slice(text.indexOf(secret)))?.[1];
  return judgeCredential(secret, { user, host });
}

export const jdbcConnectionString: Rule = {
  id: 'jdbc-connection-string',
  title: 'JDBC URL with password',
  provider: 'JDBC',
  category: 'connection-string',
  keywords: ['jdbc:'],
  pattern:
    /jdbc:(?:oracle:thin:[A-Za-z0-9_$#.-]{1,64}\/|[a-z0-9]{2,20}:[^\s"'`<>]{0,300}?[?;&:]password=)(?<secret>[^\s&;@"'`<>]{1,128})/i,
  maxLength: 500,
  validate: validateJdbc,
  severity: 'critical',
  exposure: 'secret',
  description: 'A JDBC URL with a password logs in to the database with that user’s permissions; the host and database name travel with it.',
  remediation: 'Change the database password, move the URL into server-side configuration or a secret store, and keep database access behind your API.',
  samples: {
    positives: [
      'spring.datasource.url=jdbc:mysql://db.{{lower:8}}.internal:3306/shop?user=shop&password={{alnum:18}}&useSSL=true',
      'jdbc:oracle:thin:scott/{{alnum:14}}@//orcl.{{lower:6}}.corp:1521/ORCLPDB1',
      'jdbc:sqlserver://sql1.{{lower:6}}.net:1433;databaseName=hr;user=hr;password={{base64url:16}};encrypt=true',
    ],
    negatives: ['jdbc:postgresql://localhost:5432/app', 'jdbc:mysql://db:3306/x?user=root&password=${DB_PASSWORD}', 'jdbc:h2:mem:testdb'],
  },
};
