/**
 * JSON Web Keys (RFC 7517/7518) holding private material: `d` for RSA, EC and OKP keys, `k` for
 * symmetric (`oct`) keys. The matched object may be strict JSON or a JavaScript object literal (a
 * bundler turns JSON into one), so keys may be unquoted and strings single-quoted.
 */
import type { FindingDetails } from '../../shared/finding.ts';
import type { ValidationResult } from '../types.ts';
import { isPlaceholder } from './placeholder.ts';

const MEMBER = /(?:^|[{,])\s{0,8}["']?([A-Za-z_$][\w$]{0,30})["']?\s{0,8}:\s{0,8}(?:"([^"\\]{0,8192})"|'([^'\\]{0,8192})'|(\[[^\]]{0,2000}\]|[\w.+-]{1,64}))/g;

/** Member names and string values of a flat object literal (nested objects are not expected). */
export function readFlatObject(text: string): Map<string, string> {
  const members = new Map<string, string>();
  const inner = text.trim().replace(/^\{/, ',').replace(/\}$/, '');
  for (const match of inner.matchAll(MEMBER)) {
    members.set(match[1]!, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return members;
}

const BASE64URL = /^[A-Za-z0-9_-]{16,}={0,2}$/;

/** Minimum length of the private member: a 128-bit symmetric key is 22 base64url characters. */
function privateMember(members: Map<string, string>): [string, string] | undefined {
  const kty = members.get('kty');
  const name = kty === 'oct' ? 'k' : 'd';
  const value = members.get(name);
  return value === undefined ? undefined : [name, value];
}

export function validateJwkPrivateKey(text: string): ValidationResult {
  const members = readFlatObject(text);
  const kty = members.get('kty');
  if (!kty || !['RSA', 'EC', 'OKP', 'oct'].includes(kty)) return { verdict: 'invalid' };
  const member = privateMember(members);
  if (!member) return { verdict: 'invalid' };
  const [, value] = member;
  if (!BASE64URL.test(value) || value.length < 20 || isPlaceholder(value)) return { verdict: 'invalid' };
  if (kty === 'RSA' && !members.has('n')) return { verdict: 'invalid' };
  if ((kty === 'EC' || kty === 'OKP') && !members.has('crv')) return { verdict: 'invalid' };
  const details: FindingDetails = { keyType: kty === 'oct' ? 'symmetric (oct)' : kty };
  const crv = members.get('crv');
  if (crv) details.curve = crv.slice(0, 20);
  const alg = members.get('alg');
  if (alg) details.alg = alg.slice(0, 20);
  const use = members.get('use');
  if (use) details.use = use.slice(0, 10);
  const kid = members.get('kid');
  if (kid) details.kid = kid.slice(0, 80);
  if (kty === 'RSA') {
    const n = members.get('n') ?? '';
    if (BASE64URL.test(n)) details.keyBits = Math.round((n.replace(/=+$/, '').length * 6) / 8 / 32) * 256;
  }
  return { verdict: 'valid', details };
}
