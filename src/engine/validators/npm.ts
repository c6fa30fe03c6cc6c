/**
 * npm access tokens (github.blog, "Announcing npm's new access token format", 2021): `npm_` + 30
 * random base62 characters + a 6-character checksum, the same CRC-32/base62 scheme as GitHub's.
 */
import type { ValidationResult } from '../types.ts';
import { crc32Base62Checksum, hasCrc32Base62Checksum } from './base62.ts';

export function npmTokenChecksum(random30: string): string {
  return crc32Base62Checksum(random30);
}

export function validateNpmToken(token: string): ValidationResult {
  const match = /^npm_([A-Za-z0-9]{36})$/.exec(token);
  if (!match || !hasCrc32Base62Checksum(match[1]!)) return { verdict: 'invalid' };
  return { verdict: 'valid', details: { tokenType: 'npm access token', checksum: true } };
}
