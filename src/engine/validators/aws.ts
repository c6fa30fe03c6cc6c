/**
 * AWS access key ids have a documented layout: a four-letter type prefix and 16 base32 characters that
 * encode the owning account id (bits 7..46 of the first six decoded bytes). Decoding the account id
 * offline tells the user whose key it is without calling AWS.
 */
import type { ValidationResult } from '../types.ts';
import { decodeBase32 } from './base32.ts';

const KEY_TYPES: Record<string, string> = {
  AKIA: 'long-term access key',
  ASIA: 'temporary (STS) access key',
};

/** Keys from AWS documentation and tutorials: examples, not leaks. */
const DOCUMENTED_EXAMPLES = new Set(['AKIAIOSFODNN7EXAMPLE', 'AKIAI44QH8DHBEXAMPLE', 'ASIAIOSFODNN7EXAMPLE']);
export const AWS_EXAMPLE_SECRET_KEYS = new Set([
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);

export function decodeAwsAccountId(keyId: string): string | undefined {
  const bytes = decodeBase32(keyId.slice(4));
  if (!bytes || bytes.length < 6) return undefined;
  let value = 0;
  for (let i = 0; i < 6; i++) value = value * 256 + bytes[i]!;
  // (value & 0x7fffffffff80) >> 7, in floating point: value < 2^48 is exact in a double.
  const masked = value % 2 ** 47; // drop the top bit
  const account = Math.floor(masked / 128);
  return String(account).padStart(12, '0');
}

export function validateAwsAccessKeyId(keyId: string): ValidationResult {
  const prefix = keyId.slice(0, 4);
  const keyType = KEY_TYPES[prefix];
  if (!keyType || keyId.length !== 20 || !/^[A-Z2-7]{16}$/.test(keyId.slice(4))) return { verdict: 'invalid' };
  if (DOCUMENTED_EXAMPLES.has(keyId) || keyId.endsWith('EXAMPLE')) {
    return { verdict: 'valid', exposure: 'example', details: { keyType, example: true }, note: 'This is the example key from the AWS documentation.' };
  }
  const accountId = decodeAwsAccountId(keyId);
  const details: Record<string, string> = { keyType };
  // AWS account ids have 12 digits; a key id that decodes to more was not issued by AWS (or uses a
  // layout we do not know): keep it as a pattern match, without an account.
  if (!accountId || accountId.length !== 12) return { verdict: 'unknown', details };
  details.accountId = accountId;
  return { verdict: 'valid', details };
}

export function validateAwsSecretAccessKey(secret: string): ValidationResult {
  if (AWS_EXAMPLE_SECRET_KEYS.has(secret) || secret.endsWith('EXAMPLEKEY')) {
    return { verdict: 'valid', exposure: 'example', note: 'This is the example secret from the AWS documentation.' };
  }
  return { verdict: 'unknown' };
}
