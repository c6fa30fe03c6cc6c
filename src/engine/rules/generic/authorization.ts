/**
 * Hard-coded `Authorization` header values: `Bearer <opaque token>` and `Basic base64(user:password)`.
 * JWT bearer tokens are the jwt rule's (a specific rule wins on the same span); provider tokens too.
 */
import { decodeBase64Bytes } from '../../decode.ts';
import type { Rule, ValidationResult } from '../../types.ts';
import { isPlausibleValue } from '../../validators/assigned-value.ts';
import { judgeCredential } from '../../validators/connection-string.ts';

/** `Authorization: ` (header text, object key or `setRequestHeader` argument), or a string literal. */
const AUTH_PREFIX = String.raw`(?:Authorization\\?["'\x60]?\s{0,3}[:=,]\s{0,3}\\?["'\x60]?|["'\x60])`;

export const genericBearerToken: Rule = {
  id: 'generic-bearer-token',
  title: 'Hard-coded bearer token',
  provider: 'Generic',
  category: 'generic',
  keywords: ['bearer '],
  pattern: new RegExp(String.raw`${AUTH_PREFIX}Bearer[ \t]{1,3}(?<secret>[A-Za-z0-9._~+/-]{20,600}={0,2})(?=\\?["'\x60]|[\s,;)}\]]|$)`, 'i'),
  maxLength: 700,
  validate: (secret) => (isPlausibleValue(secret, { minLength: 20, allowHex: true, allowUuid: true, maxLength: 620 }) ? { verdict: 'unknown' } : { verdict: 'invalid' }),
  severity: 'medium',
  exposure: 'secret',
  description:
    'A bearer token written into code or configuration: whoever copies it can call the API as its owner until it expires or is revoked.',
  remediation:
    'Revoke the token, and have your backend issue short-lived tokens per user (or make the call server-side) instead of shipping one in the bundle.',
  generic: true,
  samples: {
    positives: [
      'fetch(u,{headers:{Authorization:"Bearer {{base64url:40}}"}})',
      'xhr.setRequestHeader("Authorization","Bearer {{alnum:32}}")',
      'Authorization: Bearer {{hex:40}}',
    ],
    negatives: [
      'headers:{Authorization:"Bearer "+t}',
      'headers:{Authorization:`Bearer ${token}`}',
      'Authorization: Bearer <token>',
      'WWW-Authenticate: Bearer realm="api", error="invalid_token"',
      '"Bearer YOUR_ACCESS_TOKEN_HERE"',
      'tokenType:"Bearer"',
    ],
  },
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

function validateBasic(secret: string): ValidationResult {
  const bytes = decodeBase64Bytes(secret);
  if (!bytes || bytes.length < 3) return { verdict: 'invalid' };
  let decoded: string;
  try {
    decoded = utf8.decode(bytes);
  } catch {
    return { verdict: 'invalid' };
  }
  const colon = decoded.indexOf(':');
  if (colon < 0 || !/^[\x20-\x7e]{3,300}$/.test(decoded)) return { verdict: 'invalid' };
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (password.length === 0 || /\s/.test(user)) return { verdict: 'invalid' };
  const judged = judgeCredential(password, { user });
  if (judged.verdict === 'invalid') return judged;
  return { ...judged, verdict: 'valid', details: { ...(judged.details ?? {}), user: user.slice(0, 80) } };
}

export const genericBasicAuthorization: Rule = {
  id: 'generic-basic-authorization',
  title: 'Hard-coded Basic credentials',
  provider: 'Generic',
  category: 'generic',
  keywords: ['basic '],
  pattern: new RegExp(String.raw`${AUTH_PREFIX}Basic[ \t]{1,3}(?<secret>[A-Za-z0-9+/]{6,400}={0,2})(?![A-Za-z0-9+/=])`, 'i'),
  maxLength: 460,
  validate: validateBasic,
  severity: 'high',
  exposure: 'secret',
  description:
    'An `Authorization: Basic` value is only base64 of `user:password` (decoded offline; the user name is shown). Written into code, it hands the password to everyone who loads the page.',
  remediation: 'Change the password, and authenticate from your server (or with short-lived tokens) instead of shipping Basic credentials.',
  generic: true,
  samples: {
    positives: [
      (gen) => `fetch(u,{headers:{Authorization:"Basic ${btoa(`api:${gen.alnum(20)}`)}"}})`,
      (gen) => `Authorization: Basic ${btoa(`svc-report:${gen.alnum(12)}!${gen.digits(3)}`)}`,
    ],
    negatives: [
      'headers:{Authorization:"Basic "+btoa(u+":"+p)}',
      (gen) => `Authorization: Basic ${btoa(gen.alnum(24))}`,
      'WWW-Authenticate: Basic realm="Restricted"',
      `Authorization: Basic ${btoa('user:${PASSWORD}')}`,
    ],
  },
};
