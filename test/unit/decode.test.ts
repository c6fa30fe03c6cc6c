/**
 * decodeBase64Text checks UTF-8 well-formedness itself before asking TextDecoder (a fatal decoder that
 * throws costs microseconds per binary blob, and bundles are full of them). The check must agree with
 * TextDecoder exactly, or base64 findings would change.
 */
import { describe, expect, it } from 'vitest';
import { decodeBase64Bytes, decodeBase64Text, isWellFormedUtf8 } from '../../src/engine/decode.ts';
import { prng } from '../support/prng.ts';

const fatal = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array): boolean => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

/** Every byte value where UTF-8 changes meaning. */
const EDGES = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xff];

describe('isWellFormedUtf8', () => {
  it('agrees with the fatal TextDecoder on every sequence of up to three edge bytes, and four after a four-byte lead', () => {
    const disagreements: string[] = [];
    const check = (...bytes: number[]) => {
      const array = Uint8Array.from(bytes);
      if (isWellFormedUtf8(array) !== decodes(array)) disagreements.push(bytes.map((b) => b.toString(16)).join(' '));
    };
    for (const a of EDGES) {
      check(a);
      for (const b of EDGES) {
        check(a, b);
        for (const c of EDGES) {
          check(a, b, c);
          if (a >= 0xf0) for (const d of EDGES) check(a, b, c, d);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees on random byte strings and accepts the encoding of every code point', () => {
    const random = prng(42);
    const disagreements: string[] = [];
    for (let round = 0; round < 20_000; round++) {
      const bytes = new Uint8Array(Math.floor(random() * 16));
      for (let i = 0; i < bytes.length; i++) bytes[i] = random() < 0.5 ? EDGES[Math.floor(random() * EDGES.length)]! : Math.floor(random() * 256);
      if (isWellFormedUtf8(bytes) !== decodes(bytes)) disagreements.push(Array.from(bytes).join(','));
    }
    const encoder = new TextEncoder();
    for (let cp = 0; cp < 0x110000; cp += 97) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      if (!isWellFormedUtf8(encoder.encode(String.fromCodePoint(cp)))) disagreements.push(`U+${cp.toString(16)}`);
    }
    expect(disagreements).toEqual([]);
  });
});

describe('decodeBase64Text', () => {
  /** The definition it had before the well-formedness check: let the fatal decoder decide. */
  function reference(segment: string): string | undefined {
    const bytes = decodeBase64Bytes(segment);
    if (!bytes || bytes.length < 8) return undefined;
    let printable = 0;
    for (const byte of bytes) {
      if ((byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte >= 0x80) printable++;
    }
    if (printable / bytes.length < 0.95) return undefined;
    try {
      return fatal.decode(bytes);
    } catch {
      return undefined;
    }
  }

  it('decodes exactly what the fatal decoder accepts: text, binary and near-text', () => {
    const random = prng(7);
    const texts = ['{"token":"abc"}', 'héllo wörld, ça va? 😀', '\ufeffBOM first', 'plain ascii text here'];
    const disagreements: string[] = [];
    let decoded = 0;
    for (let round = 0; round < 5000; round++) {
      let bytes: Uint8Array;
      const kind = round % 3;
      if (kind === 0) {
        bytes = new TextEncoder().encode(texts[round % texts.length]! + String(round));
      } else {
        bytes = new Uint8Array(8 + Math.floor(random() * 40));
        // kind 1: mostly high bytes (printable by the ratio test, rarely valid UTF-8); kind 2: valid text with one flipped byte
        for (let i = 0; i < bytes.length; i++) bytes[i] = kind === 1 ? 0x80 + Math.floor(random() * 128) : 0x61 + Math.floor(random() * 26);
        if (kind === 2) bytes[Math.floor(random() * bytes.length)] = 0xc0 + Math.floor(random() * 64);
      }
      const segment = Buffer.from(bytes).toString('base64');
      if (decodeBase64Text(segment) !== reference(segment)) disagreements.push(segment);
      if (reference(segment) !== undefined) decoded++;
    }
    expect(disagreements).toEqual([]);
    expect(decoded).toBeGreaterThan(1000); // the comparison covered accepted segments too
  });
});
