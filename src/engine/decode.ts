/**
 * Finds encoded segments worth a second look: percent-encoding (query strings, cookies), JS/JSON string
 * escapes (`\u0022`, `\x41`, `\/` in bundles and JSON), and base64 runs (config blobs, Basic auth, data
 * islands). Each decoded segment is scanned again, up to a depth limit, with findings placed at the
 * segment's start. Decoders return undefined when decoding changes nothing or produces binary.
 */

export interface DecodedSegment {
  encoding: 'percent' | 'escape' | 'base64';
  /** Offset and length of the encoded segment in the text. */
  start: number;
  length: number;
  decoded: string;
}

// Bounded quantifiers everywhere: these run over whole bundles.
const PERCENT_RUN = /(?:[A-Za-z0-9._~+:=&-]{0,200}%[0-9A-Fa-f]{2}){2,400}[A-Za-z0-9._~+:=&-]{0,200}/g;
const ESCAPE_RUN = /(?:[^"'`\\\n]{0,200}\\(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|\/)){2,400}[^"'`\\\n]{0,200}/g;
const BASE64_RUN = /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/]{4}){8,4000}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![A-Za-z0-9+/_-])/g;

const MAX_SEGMENTS = 2000;

export function findEncodedSegments(text: string): DecodedSegment[] {
  const segments: DecodedSegment[] = [];
  if (text.includes('%')) collect(text, PERCENT_RUN, 'percent', decodePercent, segments);
  if (text.includes('\\')) collect(text, ESCAPE_RUN, 'escape', decodeEscapes, segments);
  collect(text, BASE64_RUN, 'base64', decodeBase64Text, segments);
  return segments;
}

function collect(
  text: string,
  pattern: RegExp,
  encoding: DecodedSegment['encoding'],
  decode: (segment: string) => string | undefined,
  into: DecodedSegment[],
): void {
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && into.length < MAX_SEGMENTS) {
    if (match[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    const decoded = decode(match[0]);
    if (decoded !== undefined && decoded !== match[0]) {
      into.push({ encoding, start: match.index, length: match[0].length, decoded });
    }
  }
}

export function decodePercent(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' '));
  } catch {
    // Malformed sequences: decode the well-formed ones only.
    return segment.replace(/%[0-9A-Fa-f]{2}/g, (hex) => String.fromCharCode(parseInt(hex.slice(1), 16)));
  }
}

export function decodeEscapes(segment: string): string | undefined {
  return segment.replace(/\\(?:u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|(\/))/g, (_all, u?: string, x?: string) =>
    u ? String.fromCharCode(parseInt(u, 16)) : x ? String.fromCharCode(parseInt(x, 16)) : '/',
  );
}

const BASE64_VALUES = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table['-'.charCodeAt(0)] = 62; // base64url
  table['_'.charCodeAt(0)] = 63;
  return table;
})();

/** Decodes base64 or base64url to bytes; undefined when a character is outside the alphabet. */
export function decodeBase64Bytes(input: string): Uint8Array | undefined {
  const clean = input.replace(/=+$/, '');
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let out = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const value = code < 128 ? BASE64_VALUES[code]! : -1;
    if (value < 0) return undefined;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[out++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes.subarray(0, out);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Base64 that decodes to printable UTF-8 text (else undefined: images, fonts, hashes). */
export function decodeBase64Text(segment: string): string | undefined {
  const bytes = decodeBase64Bytes(segment);
  if (!bytes || bytes.length < 8) return undefined;
  let printable = 0;
  for (const byte of bytes) {
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x80) printable++;
  }
  if (printable / bytes.length < 0.95) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
