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

/**
 * An AWS key id laid out as AWS issues them: 16 base32 characters whose bits 7..46 hold a 12-digit
 * account id (the rest random), so the engine's structure check verifies it.
 */
export function fakeAwsKeyId(account = 100_000_000_000 + (randomBytes(5).readUIntBE(0, 5) % 899_999_999_999)): string {
  const bytes = randomBytes(10);
  const high = (BigInt(account) << 7n) | BigInt(bytes[5]! & 0x7f) | (BigInt(bytes[0]! & 0x80) << 40n);
  for (let i = 0; i < 6; i++) bytes[i] = Number((high >> BigInt(8 * (5 - i))) & 0xffn);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  const id = `AKIA${bits.match(/.{5}/g)!.map((chunk) => BASE32[parseInt(chunk, 2)]).join('')}`;
  return id.includes('EXAMPLE') ? fakeAwsKeyId(account) : id;
}
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
