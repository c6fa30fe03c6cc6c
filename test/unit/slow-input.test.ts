/**
 * Pathological inputs through every rule (and the decoding passes) via `scanText`. A page chooses what
 * we scan, so no input may make the engine blow up. The bounds are deliberately generous: these tests
 * catch quadratic or exponential behaviour, not regressions of a few percent (`npm run bench` times
 * the same inputs and prints the numbers). Timings are never asserted tighter than the bound.
 *
 * The same inputs are built by `slowInputs()` in scripts/bench/slow-inputs.mjs for the bench: keep the
 * two lists in step.
 */
import { describe, expect, it } from 'vitest';
import {
  BASE64_RUNS,
  REFERENCE_PATTERNS,
  decodeBase64Text,
  decodeEscapes,
  decodeEscapesRevealingAscii,
  decodePercent,
  decodePercentRevealingAscii,
  findEncodedSegments,
  type DecodedSegment,
} from '../../src/engine/decode.ts';
import { RULES, scanText } from '../../src/engine/index.ts';
import { slowInputs } from '../../scripts/bench/slow-inputs.mjs';
import { KeywordIndex } from '../../src/engine/keyword-index.ts';
import type { ScanOrigin } from '../../src/engine/types.ts';
import { prng } from '../support/prng.ts';

const BOUND_MS = 20_000;
const origin: ScanOrigin = { source: 'script', location: { url: 'https://slow.example.test/app.js' } };

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

// One list of pathological inputs, shared with the benchmark (which times them): scripts/bench/slow-inputs.mjs.
const INPUTS = slowInputs(RULES);

describe('slow inputs', () => {
  it('has rules to run', () => {
    expect(RULES.length).toBeGreaterThan(0);
  });

  it.each(INPUTS)('%s finishes in bounded time without throwing', (_name, make) => {
    const text = make();
    const started = performance.now();
    const findings = scanText(text, origin);
    const elapsed = performance.now() - started;
    expect(Array.isArray(findings)).toBe(true);
    expect(elapsed).toBeLessThan(BOUND_MS);
  }, BOUND_MS * 3);
});

/**
 * The decoding passes are hand-written scans that must find exactly what the reference regexes in
 * decode.ts find (those regexes are far slower on real bundles, which is why they are not used).
 */
function referenceSegments(text: string): DecodedSegment[] {
  const out: DecodedSegment[] = [];
  const run = (pattern: RegExp, encoding: DecodedSegment['encoding'], decode: (segment: string) => string | undefined) => {
    const re = new RegExp(pattern.source, pattern.flags);
    let match: RegExpExecArray | null;
    while ((match = re.exec(text)) !== null && out.length < 2000) {
      if (match[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const decoded = decode(match[0]);
      if (decoded !== undefined && decoded !== match[0]) out.push({ encoding, start: match.index, length: match[0].length, decoded });
    }
  };
  run(REFERENCE_PATTERNS.percent, 'percent', decodePercentRevealingAscii);
  run(REFERENCE_PATTERNS.escape, 'escape', decodeEscapesRevealingAscii);
  run(REFERENCE_PATTERNS.base64, 'base64', decodeBase64Text);
  return out;
}

describe('decoding scans match the reference regexes', () => {
  // Pieces that sit on every boundary the scans care about: anchors valid and broken, filler and
  // non-filler, padding, base64url characters, runs near the 32-character and 200-character limits.
  const pieces = [
    '%41', '%2', '%zz', '%', '\\u0041', '\\u004', '\\x41', '\\x4', '\\/', '\\\\', '\\n', '"', "'", '`', '\n', ' ',
    '=', '==', '_', '-', '+', '/', '.', ':', '&', '~', 'é', 'A', 'aGVsbG8gd29ybGQh', 'QUtJQVRFU1Q=',
    'dGhpcyBpcyBhIHRlc3Qgb2YgYmFzZTY0IHRleHQ', 'x', '0123456789abcdef',
  ];
  const fillerRun = (random: () => number) => 'abc'.repeat(Math.floor(random() * 80) + 60); // 180..420 chars
  const base64Run = (random: () => number) => {
    const n = 28 + Math.floor(random() * 12);
    let out = '';
    for (let i = 0; i < n; i++) out += BASE64_ALPHABET[Math.floor(random() * 64)];
    return out;
  };

  it('on random texts built from boundary pieces', () => {
    const random = prng(20240611);
    for (let round = 0; round < 400; round++) {
      let text = '';
      const parts = 5 + Math.floor(random() * 120);
      for (let i = 0; i < parts; i++) {
        const pick = random();
        if (pick < 0.05) text += fillerRun(random);
        else if (pick < 0.15) text += base64Run(random);
        else text += pieces[Math.floor(random() * pieces.length)];
      }
      const expected = referenceSegments(text);
      expect(findEncodedSegments(text), JSON.stringify(text)).toEqual(expected);
      // The scanner hands over the base64 candidates its keyword pass found: same segments.
      expect(findEncodedSegments(text, runsFromKeywordPass(text)), JSON.stringify(text)).toEqual(expected);
    }
  });

  it('on long runs that hit the repetition and length caps', () => {
    const texts = [
      `x=${'%41'.repeat(900)}&y=1`,
      `"${'ab\\u0041'.repeat(1000)}"`,
      `"${'\\/'.repeat(401)}"`,
      `${'QUJD'.repeat(4000)}`,
      `${'QUJD'.repeat(4001)}`,
      `a ${'QUJD'.repeat(20)}QQ== b ${'QUJD'.repeat(20)}QUI= c ${'QUJD'.repeat(20)}QQ==x`,
    ];
    for (const text of texts) {
      const expected = referenceSegments(text);
      expect(findEncodedSegments(text)).toEqual(expected);
      expect(findEncodedSegments(text, runsFromKeywordPass(text))).toEqual(expected);
    }
  });
});

const runsIndex = new KeywordIndex(['x'], { runs: BASE64_RUNS });
function runsFromKeywordPass(text: string): number[] {
  const runs: number[] = [];
  runsIndex.scan(text, () => {}, runs);
  return runs;
}

describe('fast decoders and keyword pass match simple references', () => {
  const referenceEscapes = (segment: string) =>
    segment.replace(/\\(?:u([0-9A-Fa-f]{4})|x([0-9A-Fa-f]{2})|(\/))/g, (_all, u?: string, x?: string) =>
      u ? String.fromCharCode(parseInt(u, 16)) : x ? String.fromCharCode(parseInt(x, 16)) : '/',
    );

  it('decodeEscapes', () => {
    const random = prng(7);
    const pieces = ['\\', 'u', 'x', '/', '0', '4', '1', 'F', 'g', 'A', '\\u0041', '\\x7e', '\\u00', '\\\\u0041', ' ', '"', 'é'];
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const parts = Math.floor(random() * 40);
      for (let i = 0; i < parts; i++) text += pieces[Math.floor(random() * pieces.length)];
      expect(decodeEscapes(text), JSON.stringify(text)).toBe(referenceEscapes(text));
    }
  });

  it('KeywordIndex finds every occurrence of every keyword, any case, overlapping', () => {
    const random = prng(11);
    const keywords = ['ab', 'abc', 'bca', 'c', 'sk_live_', 'live', 'eyj', 'e', 'aaa', 'a-b.c', '%2'];
    const index = new KeywordIndex(keywords);
    const alphabet = ['a', 'A', 'b', 'B', 'c', 'C', 'e', 'E', 'y', 'j', 'J', 's', 'k', '_', 'l', 'i', 'v', '-', '.', '%', '2', 'é', '😀', ' '];
    for (let round = 0; round < 500; round++) {
      let text = '';
      const length = Math.floor(random() * 60);
      for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
      const expected: string[] = [];
      keywords.forEach((keyword, id) => {
        for (let i = lower.indexOf(keyword); i !== -1; i = lower.indexOf(keyword, i + 1)) expected.push(`${i}:${id}`);
      });
      const found: string[] = [];
      index.scan(text, (id, start) => found.push(`${start}:${id}`));
      expect(found.sort(), JSON.stringify(text)).toEqual(expected.sort());
    }
  });
});
