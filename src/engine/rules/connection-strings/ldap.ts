/** LDAP: URLs with credentials and bind passwords named by context. */
import type { Rule } from '../../types.ts';
import { isPlausibleValue } from '../../validators/assigned-value.ts';
import { credentialUrlPattern, judgeCredential, validateUrlCredentials } from '../../validators/connection-string.ts';

const REMEDIATION =
  'Change the bind account’s password in the directory, limit that account to read-only lookups, and keep LDAP binds on the server.';

export const ldapUrlCredentials: Rule = {
  id: 'ldap-url-credentials',
  title: 'LDAP URL with password',
  provider: 'LDAP',
  category: 'connection-string',
  keywords: ['ldap://', 'ldaps://'],
  pattern: credentialUrlPattern('ldaps?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'high',
  exposure: 'secret',
  description: 'An LDAP URL with a password binds to the directory as that account: usually a service account that can read every user and group, sometimes write them.',
  remediation: REMEDIATION,
  samples: {
    positives: ['LDAP_URL=ldaps://svc-ldap:{{alnum:16}}@dc01.{{lower:6}}.corp:636', 'ldap://reader:{{base64url:14}}@ldap.{{lower:8}}.com'],
    negatives: ['ldap://ldap.{{lower:8}}.com/dc=example,dc=com', 'ldaps://user:<password>@dc01'],
  },
};

export const ldapBindPassword: Rule = {
  id: 'ldap-bind-password',
  title: 'LDAP bind password',
  provider: 'LDAP',
  category: 'connection-string',
  keywords: ['ldap', 'bindpassword', 'bind_password', 'bindcredentials', 'bind_credentials', 'bind_pw', 'bind-password'],
  pattern:
    /(?:ldap[_-]?(?:bind[_-]?)?(?:password|passwd|pwd|credentials?|secret)|bind[_-]?(?:password|passwd|pw|credentials?))\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}(?<q>\\?["'`]?)(?<secret>[^\s"'`\\;,]{6,128})\k<q>(?:(?<=["'`])|(?=[\s"'`\\;,&)}\]]|$))/i,
  validate: (secret) => (isPlausibleValue(secret, { password: true }) ? judgeCredential(secret, {}) : { verdict: 'invalid' }),
  severity: 'high',
  exposure: 'secret',
  description: 'An LDAP bind password authenticates the service account an application uses to search the directory; it usually reads every user and group.',
  remediation: REMEDIATION,
  samples: {
    positives: ['LDAP_BIND_PASSWORD={{alnum:12}}#{{digits:3}}', '{url:"ldaps://dc01:636",bindDN:"cn=svc,dc=corp",bindCredentials:"{{alnum:10}}!{{digits:4}}"}'],
    negatives: ['bindCredentials:e.password', 'LDAP_BIND_PASSWORD=${LDAP_PASSWORD}', 'bindPassword:"Password"'],
  },
};
