/**
 * GitLab tokens. Legacy tokens are a type prefix (`glpat-`, `glrt-`, …) and 20 random characters:
 * nothing to verify beyond the shape. Routable tokens (GitLab 17.7+, every new PAT since 2025) are
 * `<prefix><base64url payload>.<version>.<payload length>` followed by a 7-character checksum: the
 * CRC-32 (zlib) of everything before it, in base36, zero-padded. The unversioned form
 * `<prefix><payload>.<length><crc>` was issued briefly before the version field existed.
 */
import type { ValidationResult } from '../types.ts';
import { crc32 } from './crc32.ts';
import { isPlaceholder } from './placeholder.ts';

const ROUTABLE = /^([a-z]{2,12}-(?:t\d_)?)([0-9A-Za-z_-]{27,300})\.(?:([0-9a-z]{2})\.)?([0-9a-z]{2})([0-9a-z]{7})$/;

/** The base36 CRC-32 GitLab appends to a routable token (`head` = everything before the checksum). */
export function gitlabRoutableChecksum(head: string): string {
  return crc32(head).toString(36).padStart(7, '0');
}

/** A routable token with a correct length field and checksum → 'valid'; a broken one → 'invalid'. */
export function validateGitLabRoutableToken(token: string): ValidationResult | undefined {
  const match = ROUTABLE.exec(token);
  if (!match) return undefined;
  const [, , payload, version, length, checksum] = match;
  const head = token.slice(0, token.length - 7);
  if (parseInt(length!, 36) !== payload!.length || payload!.length % 4 === 1) return { verdict: 'invalid' };
  if (gitlabRoutableChecksum(head) !== checksum) return { verdict: 'invalid' };
  const details: Record<string, string | boolean> = { format: 'routable', checksum: true };
  if (version) details.tokenVersion = version;
  return { verdict: 'valid', details };
}

/** Any GitLab token: routable ones are checked, legacy ones only have placeholders rejected. */
export function validateGitLabToken(token: string): ValidationResult {
  const routable = validateGitLabRoutableToken(token);
  if (routable) return routable;
  const body = token.replace(/^[A-Za-z0-9]{2,12}-/, '');
  if (isPlaceholder(body)) return { verdict: 'invalid' };
  return { verdict: 'unknown', details: { format: 'legacy' } };
}
