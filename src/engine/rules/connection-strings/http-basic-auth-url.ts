/** HTTP(S) URLs with `user:password@` credentials (also `git+https`, WebDAV, proxies). */
import type { Rule } from '../../types.ts';
import { credentialUrlPattern, validateUrlCredentials } from '../../validators/connection-string.ts';

export const httpBasicAuthUrl: Rule = {
  id: 'http-basic-auth-url',
  title: 'URL with embedded password',
  provider: 'HTTP',
  category: 'connection-string',
  keywords: ['http://', 'https://', 'git+http', 'webdav', 'dav://', 'davs://'],
  pattern: credentialUrlPattern('(?:git\\+)?https?|davs?|webdavs?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'high',
  exposure: 'secret',
  description:
    'A URL with `user:password@` sends those credentials (HTTP Basic) to the host with every request and copies them into logs, browser history and error reports. Often it is an admin login, a private registry or a Git token.',
  remediation:
    'Change the password or revoke the token, then authenticate from the server (or with a short-lived token in an Authorization header) instead of in the URL.',
  samples: {
    positives: [
      'fetch("https://admin:{{alnum:16}}@api.{{lower:8}}.com/v1/export")',
      '"repository":"git+https://{{lower:8}}:ghs_{{alnum:36}}@github.com/{{lower:6}}/{{lower:6}}.git"',
      'PROXY=http://proxyuser:{{base64url:12}}@10.0.0.5:3128',
    ],
    negatives: [
      '"repository":"git+https://github.com/{{lower:6}}/{{lower:6}}.git"',
      'https://user:${TOKEN}@github.com/x/y.git',
      'https://{{lower:8}}.com:443@evil.test/path',
      'const u=`https://${user}:${pass}@${host}`',
    ],
  },
};
