/**
 * Base62 with the alphabet `0-9A-Za-z` (digits, then upper case, then lower case), as used by the
 * checksummed tokens of GitHub and npm: `prefix + 30 random base62 characters + 6-character checksum`,
 * the checksum being the CRC-32 of the random part written in base62 and left-padded with `0`.
 */
import { crc32 } from './crc32.ts';

export const BASE62_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const BASE62_RE = /^[0-9A-Za-z]*$/;

export function isBase62(value: string): boolean {
  return BASE62_RE.test(value);
}

/** Non-negative safe integer to base62, left-padded with '0' to `width`. */
export function encodeBase62(value: number, width = 0): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError('encodeBase62 takes a non-negative safe integer');
  let out = '';
  let rest = value;
  do {
    out = BASE62_ALPHABET[rest % 62]! + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

/** Base62 to a number; undefined on a character outside the alphabet or beyond the safe range. */
export function decodeBase62(value: string): number | undefined {
  if (!value || !isBase62(value)) return undefined;
  let out = 0;
  for (const char of value) {
    out = out * 62 + BASE62_ALPHABET.indexOf(char);
    if (!Number.isSafeInteger(out)) return undefined;
  }
  return out;
}

/** The 6-character checksum GitHub and npm append: base62(CRC-32(payload)), padded with '0'. */
export function crc32Base62Checksum(payload: string, width = 6): string {
  return encodeBase62(crc32(payload), width);
}

/** True when `token` ends with the base62 CRC-32 checksum of the `payloadLength` characters before it. */
export function hasCrc32Base62Checksum(body: string, payloadLength = 30, width = 6): boolean {
  if (body.length !== payloadLength + width || !isBase62(body)) return false;
  return crc32Base62Checksum(body.slice(0, payloadLength), width) === body.slice(payloadLength);
}
