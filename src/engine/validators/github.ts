/**
 * GitHub token formats (github.blog, "Behind GitHub's new authentication token formats", 2021):
 * classic tokens are a type prefix (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`), 30 random base62
 * characters and a 6-character checksum (CRC-32 of the 30 characters, base62, zero-padded). Checking
 * it offline separates a real token from a typo or a made-up value without calling GitHub.
 * Fine-grained personal access tokens are `github_pat_` + 22 base62 + `_` + 59 base62.
 */
import type { ValidationResult } from '../types.ts';
import { crc32Base62Checksum, hasCrc32Base62Checksum, isBase62 } from './base62.ts';
import { isPlaceholder } from './placeholder.ts';

export const GITHUB_TOKEN_TYPES: Readonly<Record<string, string>> = {
  ghp: 'personal access token (classic)',
  gho: 'OAuth access token',
  ghu: 'GitHub App user-to-server token',
  ghs: 'GitHub App installation (server-to-server) token',
  ghr: 'GitHub App refresh token',
};

/** Build a classic token body's checksum: used by tests and samples. */
export function githubTokenChecksum(random30: string): string {
  return crc32Base62Checksum(random30);
}

/**
 * Validate a classic GitHub token (`ghp_…`). 36-character bodies must carry a correct checksum
 * ('valid', else 'invalid'). Longer bodies (refresh tokens are longer) get a structure check only.
 */
export function validateGitHubToken(token: string): ValidationResult {
  const match = /^(gh[pousr])_([A-Za-z0-9]{36,251})$/.exec(token);
  if (!match) return { verdict: 'invalid' };
  const prefix = match[1]!;
  const body = match[2]!;
  const tokenType = GITHUB_TOKEN_TYPES[prefix]!;
  if (body.length === 36) {
    return hasCrc32Base62Checksum(body) ? { verdict: 'valid', details: { tokenType, checksum: true } } : { verdict: 'invalid' };
  }
  if (isPlaceholder(body)) return { verdict: 'invalid' };
  return { verdict: 'unknown', details: { tokenType } };
}

/** Fine-grained personal access token: `github_pat_` + 22 base62 + `_` + 59 base62. */
export function validateGitHubFineGrainedToken(token: string): ValidationResult {
  const match = /^github_pat_([A-Za-z0-9]{22})_([A-Za-z0-9]{59})$/.exec(token);
  if (!match) return { verdict: 'invalid' };
  const [, id, secret] = match;
  if (!isBase62(id!) || isPlaceholder(id!) || isPlaceholder(secret!)) return { verdict: 'invalid' };
  return { verdict: 'valid', details: { tokenType: 'fine-grained personal access token' } };
}
