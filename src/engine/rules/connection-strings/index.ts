/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { amqpConnectionString } from './amqp.ts';
import { azureServiceBusConnectionString } from './azure.ts';
import { databaseUrlCredentials } from './database-url.ts';
import { ftpUrlCredentials, smbUrlCredentials, sshUrlCredentials } from './file-transfer.ts';
import { httpBasicAuthUrl } from './http-basic-auth-url.ts';
import { jdbcConnectionString } from './jdbc.ts';
import { ldapBindPassword, ldapUrlCredentials } from './ldap.ts';
import { mongodbConnectionString } from './mongodb.ts';
import { mysqlConnectionString } from './mysql.ts';
import { postgresConnectionString } from './postgres.ts';
import { redisConnectionString } from './redis.ts';
import { adoNetConnectionString, sqlserverConnectionUrl } from './sqlserver.ts';

export const connectionStringsRules: readonly Rule[] = [
  amqpConnectionString,
  azureServiceBusConnectionString,
  databaseUrlCredentials,
  ftpUrlCredentials,
  smbUrlCredentials,
  sshUrlCredentials,
  jdbcConnectionString,
  ldapUrlCredentials,
  ldapBindPassword,
  mongodbConnectionString,
  mysqlConnectionString,
  postgresConnectionString,
  redisConnectionString,
  sqlserverConnectionUrl,
  adoNetConnectionString,
  // Last: any scheme-specific rule on the same span wins over the plain HTTP one.
  httpBasicAuthUrl,
];
