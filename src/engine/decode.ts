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

/*
 * The segment finders below are hand-written linear scans. Each one returns exactly what this regex
 * (kept as the reference; the unit tests compare the two) would find with `exec` in a `/g` loop:
 *
 *   percent: /(?:[A-Za-z0-9._~+:=&-]{0,200}%[0-9A-Fa-f]{2}){2,400}[A-Za-z0-9._~+:=&-]{0,200}/g
 *   escape:  /(?:[^"'`\\\n]{0,200}\\(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|\/)){2,400}[^"'`\\\n]{0,200}/g
 *   base64:  /(?<![A-Za-z0-9+\/_-])(?:[A-Za-z0-9+\/]{4}){8,4000}(?:[A-Za-z0-9+\/]{2}==|[A-Za-z0-9+\/]{3}=)?(?![A-Za-z0-9+\/_-])/g
 *
 * The regexes are linear in theory but not in V8 practice: at every position the leading `{0,200}`
 * filler runs forward looking for an anchor, so a minified bundle costs ~200 steps per character
 * (the escape regex ran at ~1 MB/s on real bundles). These scans jump from anchor to anchor with
 * indexOf and touch each character a small constant number of times.
 */
export const REFERENCE_PATTERNS = {
  percent: /(?:[A-Za-z0-9._~+:=&-]{0,200}%[0-9A-Fa-f]{2}){2,400}[A-Za-z0-9._~+:=&-]{0,200}/g,
  escape: /(?:[^"'`\\\n]{0,200}\\(?:u[0-9A-Fa-f]{4}|x[0-9A-Fa-f]{2}|\/)){2,400}[^"'`\\\n]{0,200}/g,
  base64: /(?<![A-Za-z0-9+/_-])(?:[A-Za-z0-9+/]{4}){8,4000}(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?(?![A-Za-z0-9+/_-])/g,
} as const;

const MAX_SEGMENTS = 2000;
/** Filler allowed around and between anchors, repetitions of the anchored group, as in the regexes. */
const FILLER = 200;
const MAX_REPEAT = 400;
const MIN_REPEAT = 2;

const charTable = (chars: string): Uint8Array => {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
};
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const HEX = charTable('0123456789ABCDEFabcdef');
const PERCENT_FILLER = charTable(`${ALNUM}._~+:=&-`);
const BASE64_CHAR = charTable(`${ALNUM}+/`);
const BASE64_WORD = charTable(`${ALNUM}+/_-`);

const isHex = (text: string, i: number): boolean => {
  const c = text.charCodeAt(i);
  return c < 128 && HEX[c] === 1;
};

/*
 * The two anchored encodings. One collector serves both, switching on a loop-invariant flag rather
 * than taking the anchor test and filler test as function arguments: V8 then inlines both tests
 * (measured: about a quarter faster on the bench corpus, whose bundles hold ~400k `\uXXXX` escapes).
 */
const PERCENT = 0;
const ESCAPE = 1;
type Anchored = typeof PERCENT | typeof ESCAPE;
const ANCHOR_CHAR = [37 /* % */, 92 /* \ */] as const;

/**
 * Percent filler [A-Za-z0-9._~+:=&-]; escape filler [^"'`\\\n], which includes non-ASCII and NaN
 * (past the end, which the callers handle). Neither includes its anchor character.
 */
function isFiller(kind: Anchored, c: number): boolean {
  if (kind === PERCENT) return c < 128 && PERCENT_FILLER[c] === 1;
  return c !== 34 && c !== 39 && c !== 96 && c !== 92 && c !== 10;
}

/** Length of the anchor at `i` (`%XX`, `\uXXXX`, `\xXX`, `\/`), or 0 if there is none. */
function anchorAt(kind: Anchored, text: string, i: number): number {
  if (kind === PERCENT) return isHex(text, i + 1) && isHex(text, i + 2) ? 3 : 0;
  const c = text.charCodeAt(i + 1);
  if (c === 117 /* u */) return isHex(text, i + 2) && isHex(text, i + 3) && isHex(text, i + 4) && isHex(text, i + 5) ? 6 : 0;
  if (c === 120 /* x */) return isHex(text, i + 2) && isHex(text, i + 3) ? 4 : 0;
  return c === 47 /* / */ ? 2 : 0;
}

/**
 * Runs of at least two anchors, each preceded by at most 200 filler characters, with up to 200 filler
 * characters of context either side: the leftmost-longest matches the reference regexes give, without
 * their per-position cost.
 */
function collectAnchored(
  text: string,
  kind: Anchored,
  decode: (segment: string) => string | undefined,
  into: DecodedSegment[],
): void {
  const encoding = kind === PERCENT ? 'percent' : 'escape';
  const anchorChar = ANCHOR_CHAR[kind];
  const anchorString = String.fromCharCode(anchorChar);
  const length = text.length;
  let cursor = 0; // where the next match may start (the regex's lastIndex)
  let anchor = text.indexOf(anchorString);
  while (anchor !== -1 && into.length < MAX_SEGMENTS) {
    const first = anchorAt(kind, text, anchor);
    if (first === 0) {
      anchor = text.indexOf(anchorString, anchor + 1);
      continue;
    }
    // Follow the run: the next anchor character must come within FILLER characters, all filler (the
    // anchor character is not filler, so the first one found is the next one), and start an anchor.
    // One forward scan finds it and checks the gap; dense runs (unicode tables) need no indexOf call.
    let count = 1;
    let runEnd = anchor + first;
    let next = -2; // the first anchor character at or after runEnd; -2: not known (look it up)
    while (count < MAX_REPEAT) {
      next = -2;
      const limit = Math.min(length, runEnd + FILLER + 1);
      let i = runEnd;
      while (i < limit) {
        const c = text.charCodeAt(i);
        if (c === anchorChar) break;
        if (!isFiller(kind, c)) break;
        i++;
      }
      if (i === limit) {
        if (limit === length) next = -1; // no anchor character left at all
        break;
      }
      if (text.charCodeAt(i) !== anchorChar) break; // a non-filler character comes first
      next = i;
      const size = anchorAt(kind, text, next);
      if (size === 0) break;
      count++;
      runEnd = next + size;
    }
    if (count < MIN_REPEAT) {
      // The first anchor character after this lone anchor.
      anchor = next !== -2 ? next : text.indexOf(anchorString, runEnd);
      continue;
    }
    // Leading context: back over filler, at most FILLER characters, not before the cursor.
    let start = anchor;
    const floor = Math.max(cursor, anchor - FILLER);
    while (start > floor && isFiller(kind, text.charCodeAt(start - 1))) start--;
    // Trailing context: forward over filler, at most FILLER characters.
    let end = runEnd;
    const ceiling = Math.min(length, runEnd + FILLER);
    while (end < ceiling && isFiller(kind, text.charCodeAt(end))) end++;
    const segment = text.slice(start, end);
    const decoded = decode(segment);
    if (decoded !== undefined && decoded !== segment) into.push({ encoding, start, length: end - start, decoded });
    cursor = end;
    anchor = text.indexOf(anchorString, end);
  }
}

const MIN_BASE64_RUN = 32; // 8 groups of four
const MAX_BASE64_GROUPS = 4000;
const isBase64Word = (c: number): boolean => c < 128 && BASE64_WORD[c] === 1;

/**
 * The base64 candidates are the maximal runs of these characters at least this long. The scanner's
 * keyword pass finds them while it reads the text anyway (KeywordIndex's `runs` option) and hands them
 * to `findEncodedSegments`; `findBase64Runs` finds them alone.
 */
export const BASE64_RUNS = { chars: `${ALNUM}+/_-`, minLength: MIN_BASE64_RUN } as const;

/**
 * Maximal runs of base64-word characters ([A-Za-z0-9+/_-]) at least 32 long: start, end, start, end...
 *
 * A run of 32 or more word characters covers a position that is 31 mod 32, so only every 32nd
 * character is looked at; the run around a word character found there is measured from the sample
 * outwards. Minified code is mostly short identifiers, so this reads a fraction of the text.
 */
export function findBase64Runs(text: string): number[] {
  const runs: number[] = [];
  const length = text.length;
  let done = 0; // everything before this offset has been dealt with
  for (let probe = MIN_BASE64_RUN - 1; probe < length; probe += MIN_BASE64_RUN) {
    if (probe < done || !isBase64Word(text.charCodeAt(probe))) continue;
    let start = probe;
    while (start > done && isBase64Word(text.charCodeAt(start - 1))) start--;
    let runEnd = probe + 1;
    while (runEnd < length && isBase64Word(text.charCodeAt(runEnd))) runEnd++;
    done = runEnd;
    if (runEnd - start >= MIN_BASE64_RUN) runs.push(start, runEnd);
  }
  return runs;
}

/**
 * The base64 segments: each candidate run made only of the standard alphabet, 32 to 16000 characters
 * in groups of four, optionally completed by `=`/`==` padding, and not followed by another word
 * character.
 */
function collectBase64(text: string, runs: readonly number[], into: DecodedSegment[]): void {
  for (let r = 0; r < runs.length && into.length < MAX_SEGMENTS; r += 2) {
    const start = runs[r]!;
    const end = base64MatchEnd(text, start, runs[r + 1]!);
    if (end === -1) continue;
    const segment = text.slice(start, end);
    const decoded = decodeBase64Text(segment);
    if (decoded !== undefined && decoded !== segment) into.push({ encoding: 'base64', start, length: end - start, decoded });
  }
}

/** End of the base64 match for the maximal word run text[start, runEnd), or -1 when there is none. */
function base64MatchEnd(text: string, start: number, runEnd: number): number {
  const runLength = runEnd - start;
  if (runLength < MIN_BASE64_RUN) return -1;
  const remainder = runLength % 4;
  const groups = (runLength - remainder) / 4;
  if (groups > MAX_BASE64_GROUPS || remainder === 1) return -1;
  for (let i = start; i < runEnd; i++) {
    if (BASE64_CHAR[text.charCodeAt(i)] === 0) return -1; // '_' or '-': base64url, not matched here
  }
  if (remainder === 0) return runEnd;
  const padding = 4 - remainder;
  for (let i = 0; i < padding; i++) if (text.charCodeAt(runEnd + i) !== 61 /* = */) return -1;
  return isBase64Word(text.charCodeAt(runEnd + padding)) ? -1 : runEnd + padding;
}

/*
 * Rules look for ASCII secrets, and the unencoded characters around escapes are already scanned raw.
 * A run whose escapes all decode to non-ASCII (translations: `p\u0159\u00ed`, `%C3%A9`) can reveal
 * nothing new, and i18n bundles are full of them: skip those runs instead of scanning them twice.
 */
const ASCII_ESCAPE = /\\(?:u00[0-7][0-9A-Fa-f]|x[0-7][0-9A-Fa-f]|\/)/;
const ASCII_PERCENT = /%[0-7][0-9A-Fa-f]/;

export function decodeEscapesRevealingAscii(segment: string): string | undefined {
  return ASCII_ESCAPE.test(segment) ? decodeEscapes(segment) : undefined;
}

export function decodePercentRevealingAscii(segment: string): string | undefined {
  return ASCII_PERCENT.test(segment) ? decodePercent(segment) : undefined;
}

/**
 * `base64Runs`: the candidate runs (see BASE64_RUNS) when the caller found them already, as the
 * scanner does in its keyword pass; found here otherwise.
 */
export function findEncodedSegments(text: string, base64Runs?: readonly number[]): DecodedSegment[] {
  const segments: DecodedSegment[] = [];
  collectAnchored(text, PERCENT, decodePercentRevealingAscii, segments);
  collectAnchored(text, ESCAPE, decodeEscapesRevealingAscii, segments);
  collectBase64(text, base64Runs ?? findBase64Runs(text), segments);
  return segments;
}

export function decodePercent(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment.replace(/\+/g, ' '));
  } catch {
    // Malformed sequences: decode the well-formed ones only.
    return segment.replace(/%[0-9A-Fa-f]{2}/g, (hex) => String.fromCharCode(parseInt(hex.slice(1), 16)));
  }
}

const HEX_VALUES = (() => {
  const table = new Int8Array(128).fill(-1);
  const digits = '0123456789abcdef';
  for (let i = 0; i < 16; i++) {
    table[digits.charCodeAt(i)] = i;
    table[digits.toUpperCase().charCodeAt(i)] = i;
  }
  return table;
})();

/** Value of the `count` hex digits at `at`, or -1. */
function hexValue(text: string, at: number, count: number): number {
  let value = 0;
  for (let i = at; i < at + count; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? HEX_VALUES[code]! : -1;
    if (digit < 0) return -1; // also past the end: charCodeAt gives NaN, NaN < 128 is false
    value = (value << 4) | digit;
  }
  return value;
}

/**
 * Decodes `\uXXXX`, `\xXX` and `\/`, leaving every other backslash as it is: the same result as
 * `segment.replace(/\\(?:u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|(\/))/g, ...)`, without a callback per escape.
 */
export function decodeEscapes(segment: string): string | undefined {
  let slash = segment.indexOf('\\');
  if (slash === -1) return segment;
  let out = '';
  let copied = 0;
  while (slash !== -1) {
    const kind = segment.charCodeAt(slash + 1);
    let code = -1;
    let length = 0;
    if (kind === 117 /* u */) {
      code = hexValue(segment, slash + 2, 4);
      length = 6;
    } else if (kind === 120 /* x */) {
      code = hexValue(segment, slash + 2, 2);
      length = 4;
    } else if (kind === 47 /* / */) {
      code = 47;
      length = 2;
    }
    if (code < 0) {
      slash = segment.indexOf('\\', slash + 1);
      continue;
    }
    out += segment.slice(copied, slash) + String.fromCharCode(code);
    copied = slash + length;
    slash = segment.indexOf('\\', copied);
  }
  return out + segment.slice(copied);
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

/**
 * Whether `bytes` is well-formed UTF-8, exactly as the fatal TextDecoder judges it (no overlong forms,
 * no surrogates, nothing above U+10FFFF). Checked first because binary blobs that pass the printable
 * test (bytes >= 0x80 count as printable) are common in bundles, and a decoder that throws costs
 * microseconds per blob: most of the base64 stage's time on the bench corpus.
 */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  const length = bytes.length;
  let i = 0;
  while (i < length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let low = 0x80; // bounds of the first continuation byte
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) need = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      else if (lead === 0xed) high = 0x9f; // surrogates
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      else if (lead === 0xf4) high = 0x8f; // above U+10FFFF
    } else return false;
    if (i + need >= length) return false; // truncated sequence
    const first = bytes[i + 1]!;
    if (first < low || first > high) return false;
    for (let k = 2; k <= need; k++) {
      const next = bytes[i + k]!;
      if (next < 0x80 || next > 0xbf) return false;
    }
    i += need + 1;
  }
  return true;
}

/** Base64 that decodes to printable UTF-8 text (else undefined: images, fonts, hashes). */
export function decodeBase64Text(segment: string): string | undefined {
  const bytes = decodeBase64Bytes(segment);
  if (!bytes || bytes.length < 8) return undefined;
  let printable = 0;
  for (const byte of bytes) {
    if ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x80) printable++;
  }
  if (printable / bytes.length < 0.95) return undefined;
  if (!isWellFormedUtf8(bytes)) return undefined;
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}
