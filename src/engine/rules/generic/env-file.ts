/**
 * Environment-style names ending in SECRET, TOKEN, PASSWORD, API_KEY… with a literal value: `.env` files,
 * Docker/CI snippets, and build-time env objects inlined into bundles (`{VITE_X_TOKEN:"…"}`).
 */
import type { Rule, ValidationResult } from '../../types.ts';
import { isPlausibleValue } from '../../validators/assigned-value.ts';
import { isLineOrQueryContext } from './assignments.ts';

const NAME = String.raw`(?<![A-Za-z0-9_$.-])(?<name>(?:[A-Z][A-Z0-9]{0,30}_){0,6}(?:SECRET|TOKEN|PASSWORD|PASSWD|API_?KEY|PRIVATE_KEY|ACCESS_KEY|AUTH_KEY|SIGNING_KEY|ENCRYPTION_KEY|CREDENTIALS?)(?:_[A-Z0-9]{1,20}){0,2})`;
const VALUE = String.raw`\\?["'\x60]?\s{0,2}[=:]\s{0,2}(?<q>\\?["'\x60]?)(?<secret>[A-Za-z0-9_\-+/=.~!@#%^*?:,]{8,256})\k<q>(?:(?<=["'\x60])|(?=[\s&;)}\]<>#|"'\x60]|\\[nrt]|$))`;

/** Suffixes that are not credentials even though the name contains one (`GITHUB_TOKEN_URL`). */
const NOT_A_CREDENTIAL = /_(?:URL|URI|ENDPOINT|HOST|PATH|FILE|NAME|ID|TYPE|HEADER|EXPIRY|EXPIRES|TTL|LENGTH|SIZE|PREFIX|ENABLED)$/;

function validateEnv(secret: string, context: Parameters<NonNullable<Rule['validate']>>[1]): ValidationResult {
  const name = context.match.groups?.name ?? '';
  if (NOT_A_CREDENTIAL.test(name)) return { verdict: 'invalid' };
  const quoted = (context.match.groups?.q ?? '') !== '';
  if (!quoted && !isLineOrQueryContext(context)) return { verdict: 'invalid' };
  const isPassword = /PASS(?:WORD|WD)/.test(name);
  const plausible = isPassword
    ? isPlausibleValue(secret, { password: true })
    : isPlausibleValue(secret, { minLength: 16, allowHex: true, allowUuid: true });
  if (!plausible) return { verdict: 'invalid' };
  // Signing secrets and private keys are worse than a token or a password of unknown scope.
  if (/SECRET|PRIVATE_KEY|SIGNING_KEY|ENCRYPTION_KEY/.test(name)) return { verdict: 'unknown', severity: 'high' };
  return { verdict: 'unknown' };
}

export const genericEnvSecret: Rule = {
  id: 'generic-env-secret',
  title: 'Secret in environment variable',
  provider: 'Generic',
  category: 'generic',
  // Underscore-joined or followed by `=`/`:`: never a bare word, which minified code is full of.
  keywords: [
    '_secret', 'secret_', 'secret=', 'secret:', '_token', 'token=', 'token:', '_password', 'password=', 'password:',
    '_passwd', 'passwd=', 'api_key', 'apikey', 'private_key', 'access_key', 'auth_key', 'signing_key', 'encryption_key',
    '_credential', 'credentials=',
  ],
  pattern: new RegExp(`${NAME}${VALUE}`),
  maxLength: 420,
  validate: validateEnv,
  severity: 'medium',
  exposure: 'secret',
  description:
    'An environment variable whose name says it holds a secret (…_SECRET, …_TOKEN, …_PASSWORD, …_API_KEY) has a literal value here: in a `.env` file served to the browser, or a build-time variable inlined into the bundle. Secrets and signing keys rate high, tokens and passwords medium.',
  remediation:
    'Rotate the value with the service it belongs to, and keep secrets out of browser builds: bundlers inline every variable they are given (VITE_, NEXT_PUBLIC_, REACT_APP_…), so only public values may be exposed that way. Never serve `.env` files.',
  generic: true,
  samples: {
    positives: [
      'STRIPE_WEBHOOK_SECRET_V2={{alnum:32}}',
      'export GITHUB_TOKEN="{{alnum:36}}"',
      '{VITE_SUPPORT_TOKEN:"{{alnum:32}}",MODE:"production"}',
      'SMTP_CREDENTIALS={{alnum:20}}{{digits:3}}',
      'JWT_SIGNING_KEY={{base64:44}}',
    ],
    negatives: [
      'GITHUB_TOKEN_URL=https://github.com/login/oauth/access_token',
      'SECRET_NAME=prod-db-credentials',
      'API_KEY=${API_KEY}',
      'TOKEN_HEADER=Authorization',
      'SESSION_SECRET=changeme',
      'const TOKEN=e.token',
      'DB_PASSWORD=',
      'AUTH_TOKEN_EXPIRES=3600',
    ],
  },
};
