/** Fake credentials generated at test time (never committed as literals). */
import { createHmac, randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export function randomFrom(alphabet: string, length: number): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const byte of bytes) out += alphabet[byte % alphabet.length];
  return out;
}

export const fakeAwsKeyId = () => `AKIA${randomFrom(BASE32, 16)}`;
export const fakeAwsSecret = () => randomFrom(`${ALNUM}/+`, 40);
export const fakeOpaqueToken = (length = 40) => randomFrom(ALNUM, length);

function base64Url(value: string | Buffer): string {
  return Buffer.from(value).toString('base64url');
}

export function fakeJwt(claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const signingInput = `${base64Url(JSON.stringify(header))}.${base64Url(JSON.stringify(claims))}`;
  if (header.alg === 'none') return `${signingInput}.`;
  const signature = createHmac('sha256', randomBytes(32)).update(signingInput).digest();
  return `${signingInput}.${base64Url(signature)}`;
}
