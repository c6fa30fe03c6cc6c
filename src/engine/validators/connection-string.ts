/**
 * Passwords inside connection strings and credential URLs (`postgres://user:pass@host`, ADO.NET
 * `Password=…`, JDBC `password=…`). The password is the secret; the user and host only qualify it:
 * templates and references are dropped, tutorial values (`user:password@`, `postgres:postgres@`,
 * `guest:guest@`, documentation hosts) become examples, and loopback or private hosts are a
 * developer's local database (low).
 */
import type { MatchContext, ValidationResult } from '../types.ts';
import { isExampleHost, isLocalHost } from './assigned-value.ts';
import { isPlaceholder } from './placeholder.ts';

/** Values that stand for "put your password here" in docs, samples and default configs. */
const WEAK_PASSWORDS = new Set([
  'password', 'passwd', 'pass', 'pwd', 'pw', 'secret', 'changeme', 'change_me', 'mypassword', 'mypass', 'yourpassword',
  'your_password', 'dbpassword', 'db_password', 'dbpass', 'admin', 'root', 'toor', 'test', 'testing', 'demo', 'guest',
  'user', 'username', 'postgres', 'mysql', 'mongo', 'mongodb', 'redis', 'rabbitmq', 'sa', 'default', 'example',
  'foobar', 'foo', 'bar', 'baz', 'qwerty', 'letmein', '123456', '12345678', '1234', 'abc123', 'password1', 'password123',
  'p@ssw0rd', 'passw0rd', 'pa55word', 'hunter2', 'xxx', 'xxxx', 'xxxxx', 'token', 'apikey', 'api_key', 'key',
]);

const TEMPLATE = /\$\{|^\$[A-Za-z_][A-Za-z0-9_]{0,64}$|\{\{|%[sd]\b|%\(|<|^\[|\]$|process\.env|\*{2,}|•|…|\.\.\./;

function decodePercent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export interface CredentialContext {
  user?: string;
  host?: string;
}

/** Shared verdict for a password found with its user and host. */
export function judgeCredential(rawPassword: string, { user, host }: CredentialContext): ValidationResult {
  const password = decodePercent(rawPassword);
  if (password.length === 0 || TEMPLATE.test(rawPassword) || TEMPLATE.test(password)) return { verdict: 'invalid' };
  // `https://host:443@evil` and `user:8080@` are ports, not passwords.
  if (/^\d{1,5}$/.test(password)) return { verdict: 'invalid' };
  const lower = password.toLowerCase();
  const details: Record<string, string> = {};
  if (host) details.host = host.slice(0, 200);
  const example =
    WEAK_PASSWORDS.has(lower) ||
    password.length < 3 ||
    (user !== undefined && user.length > 0 && lower === decodePercent(user).toLowerCase()) ||
    isPlaceholder(password) ||
    (host !== undefined && isExampleHost(host));
  if (example) {
    return { verdict: 'unknown', exposure: 'example', details, note: 'The password or host is a tutorial or placeholder value.' };
  }
  if (host !== undefined && isLocalHost(host)) {
    return {
      verdict: 'unknown',
      severity: 'low',
      details,
      note: 'The host is a loopback or private-network address: most likely a developer’s local database, but the password may be reused elsewhere.',
    };
  }
  return { verdict: 'unknown', details };
}

/** Validator for URL-shaped rules whose pattern names the groups `user` and `host`. */
export function validateUrlCredentials(secret: string, context: MatchContext): ValidationResult {
  const groups = context.match.groups ?? {};
  return judgeCredential(secret, { user: groups.user, host: groups.host });
}

/**
 * A credential URL for the given scheme alternation (a regex source such as `postgres(?:ql)?`): named
 * groups `user`, `secret` (the password) and `host`. Bounded, so it is safe on hostile input.
 */
export function credentialUrlPattern(schemes: string, flags = 'i'): RegExp {
  return new RegExp(
    String.raw`(?<![A-Za-z0-9+.-])(?:${schemes}):\/\/(?<user>[^\s:@/?#"'\`<>{}\\]{0,64}):(?<secret>[^\s@/?#"'\`<>{}\\]{1,128})@(?<host>[A-Za-z0-9_.-]{1,200}|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?(?![A-Za-z0-9_-])`,
    flags,
  );
}
