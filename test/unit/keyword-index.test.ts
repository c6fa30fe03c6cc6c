/**
 * The keyword pass has two implementations of one loop — a WebAssembly kernel emitted at run time
 * (src/engine/wasm/) and a JavaScript fallback — plus chunking, a two-stream split and UTF-8 → UTF-16
 * offset mapping around them. These tests hold both to a definition that is obviously right (indexOf
 * on the lower-cased text; a regex for the runs), on random texts, on texts built to put keywords and
 * runs across every boundary the loop has, and on the bench corpus.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BASE64_RUNS, findBase64Runs } from '../../src/engine/decode.ts';
import { RULES, Scanner } from '../../src/engine/index.ts';
import { KeywordIndex, setWebAssemblyAllowed } from '../../src/engine/keyword-index.ts';
import { CHUNK_UNITS } from '../../src/engine/utf8-chunks.ts';
import { I32, ins, moduleBytes, s32, u32 } from '../../src/engine/wasm/encoder.ts';
import { createSampleGenerator, expandSample } from '../support/sample-generator.ts';
import { prng } from '../support/prng.ts';

/** The definition: every occurrence of every keyword, ASCII letters compared case-insensitively. */
function referenceHits(keywords: readonly string[], text: string): string[] {
  const lower = text.replace(/[A-Z]/g, (c) => c.toLowerCase());
  const hits: string[] = [];
  keywords.forEach((keyword, id) => {
    const k = keyword.toLowerCase();
    for (let i = lower.indexOf(k); i !== -1; i = lower.indexOf(k, i + 1)) hits.push(`${i}:${id}`);
  });
  return hits.sort();
}

/** The definition of the base64 candidate runs. */
function referenceRuns(text: string): number[] {
  const runs: number[] = [];
  for (const match of text.matchAll(/[A-Za-z0-9+/_-]{32,}/g)) runs.push(match.index, match.index + match[0].length);
  return runs;
}

function scanWith(index: KeywordIndex, text: string): { hits: string[]; runs: number[] } {
  const hits: string[] = [];
  const runs: number[] = [];
  index.scan(text, (keyword, start) => hits.push(`${start}:${keyword}`), runs);
  return { hits, runs };
}

/** Both kernels against the definitions; the two kernels must also report in the same order. */
function expectBothMatchReference(keywords: readonly string[], text: string, label: string): void {
  const wasm = scanWith(new KeywordIndex(keywords, { runs: BASE64_RUNS }), text);
  const js = scanWith(new KeywordIndex(keywords, { runs: BASE64_RUNS, kernel: 'js' }), text);
  const expectedHits = referenceHits(keywords, text);
  const expectedRuns = referenceRuns(text);
  expect([...wasm.hits].sort(), `wasm hits, ${label}`).toEqual(expectedHits);
  expect(js.hits, `js hits in wasm order, ${label}`).toEqual(wasm.hits);
  expect(wasm.runs, `wasm runs, ${label}`).toEqual(expectedRuns);
  expect(js.runs, `js runs, ${label}`).toEqual(expectedRuns);
}

const KEYWORDS = ['ab', 'abc', 'bca', 'c', 'sk_live_', 'live', 'eyj', 'e', 'aaa', 'a-b.c', '%2', 'token:', 'Secret'];

describe('KeywordIndex kernels', () => {
  it('runs the WebAssembly kernel under node, so the tests below compare two real implementations', () => {
    expect(new KeywordIndex(KEYWORDS).kernelKind).toBe('wasm');
    expect(new KeywordIndex(KEYWORDS, { kernel: 'js' }).kernelKind).toBe('js');
    expect(new Scanner(RULES).keywordKernel).toBe('wasm');
  });

  it('find exactly the reference hits and runs on random texts', () => {
    const random = prng(20260611);
    const pieces = [
      'a', 'A', 'b', 'B', 'c', 'C', 'e', 'E', 'y', 'j', 'J', 's', 'k', '_', 'l', 'i', 'v', '-', '.', '%', '2', ' ', '\n', '=',
      'token:', 'TOKEN:', 'secret', 'sk_live_', 'SK_LIVE_', 'QUJD', 'aGVsbG8gd29ybGQh', 'x'.repeat(31), 'Z'.repeat(33),
      'é', '€', '😀', '\u0000', '\ud800', '\udc00', '\u00ff', '\u0100',
    ];
    for (let round = 0; round < 600; round++) {
      // Mostly short texts; every 50th is long enough for several chunks and the two-stream split.
      const parts = round % 50 === 49 ? 40_000 : Math.floor(random() * 120);
      let text = '';
      for (let i = 0; i < parts; i++) text += pieces[Math.floor(random() * pieces.length)];
      expectBothMatchReference(KEYWORDS, text, `round ${round}: ${JSON.stringify(text.slice(0, 80))}`);
    }
  });

  it('find keywords and runs that cross chunk boundaries and the middle of a chunk', () => {
    // The kernel splits each chunk's bytes in two halves: in an all-ASCII chunk the middle is at
    // CHUNK_UNITS / 2; with two-byte characters before it, earlier in UTF-16 terms.
    const boundaries = [CHUNK_UNITS / 4, CHUNK_UNITS / 2, CHUNK_UNITS, (3 * CHUNK_UNITS) / 2, 2 * CHUNK_UNITS, (5 * CHUNK_UNITS) / 2];
    const insert = `Secret sk_live_token:${'Q'.repeat(40)}=eyj`;
    for (const fill of ['.', 'é', 'a', '😀']) {
      for (const shift of [-45, -33, -32, -31, -17, -8, -3, -1, 0, 1, 2, 7, 31]) {
        let text = fill.repeat(3 * CHUNK_UNITS);
        for (const boundary of boundaries) {
          const at = boundary + shift;
          text = text.slice(0, at) + insert + text.slice(at + insert.length);
        }
        expectBothMatchReference(KEYWORDS, text, `fill ${fill}, shift ${shift}`);
      }
    }
    // A run longer than a chunk, and one that ends exactly at a chunk's end.
    expectBothMatchReference(KEYWORDS, `x ${'Ab0+/_-'.repeat(CHUNK_UNITS / 2)} y`, 'run longer than a chunk');
    expectBothMatchReference(KEYWORDS, `${'.'.repeat(CHUNK_UNITS - 40)}${'A'.repeat(40)}.${'b'.repeat(40)}`, 'run ending at a chunk end');
  });

  it('fall back to the JavaScript loop for an automaton too wide for the kernel, with the same results', () => {
    // 90 distinct characters: more columns than the kernel's byte-sized column offsets allow.
    const wide: string[] = [];
    for (let code = 33; code + 2 < 127; code += 3) wide.push(String.fromCharCode(code, code + 1, code + 2));
    const index = new KeywordIndex(wide, { runs: BASE64_RUNS });
    expect(index.kernelKind).toBe('js');
    const random = prng(5);
    let text = '';
    for (let i = 0; i < 5000; i++) text += String.fromCharCode(32 + Math.floor(random() * 95));
    expectBothMatchReference(wide, text, 'wide automaton');
  });

  it('handle keywords longer than the two-stream warm-up allows', () => {
    const long = `k${'0123456789'.repeat(150)}`;
    const keywords = [long, 'token'];
    const text = `${'.'.repeat(CHUNK_UNITS - 700)}${long}token${'x'.repeat(CHUNK_UNITS)}${long.toUpperCase()}`;
    expectBothMatchReference(keywords, text, 'long keyword');
  });

  it('stay in JavaScript, without trying to compile, when WebAssembly is not allowed', () => {
    setWebAssemblyAllowed(false);
    try {
      expect(new KeywordIndex(KEYWORDS).kernelKind).toBe('js');
    } finally {
      setWebAssemblyAllowed(true);
    }
    expect(new KeywordIndex(KEYWORDS).kernelKind).toBe('wasm');
  });

  it('refuse to scan from inside their own callback (the chunk buffer is in use)', () => {
    const index = new KeywordIndex(['ab']);
    expect(() => index.scan('abab', () => index.scan('ab', () => {}))).toThrow(/reentrant/);
    const hits: number[] = [];
    index.scan('xab', (_keyword, start) => hits.push(start));
    expect(hits).toEqual([1]);
  });

  it('agree with each other, and runs with the decoder, on the bench corpus with every rule keyword', async () => {
    // The corpus is required by corpus-noise.test.ts too; fetched once into .cache/corpus/.
    const script = new URL('../../scripts/corpus.mjs', import.meta.url).href;
    const { ensureCorpus } = (await import(/* @vite-ignore */ script)) as { ensureCorpus: (options?: { log?: false }) => Promise<{ files: string[] }> };
    const corpus = await ensureCorpus({ log: false });
    const keywords = [...new Set(RULES.flatMap((rule) => rule.keywords.map((keyword) => keyword.toLowerCase())))];
    const wasm = new KeywordIndex(keywords, { runs: BASE64_RUNS });
    const js = new KeywordIndex(keywords, { runs: BASE64_RUNS, kernel: 'js' });
    let hits = 0;
    for (const file of corpus.files) {
      const text = await readFile(file, 'utf8');
      const a = scanWith(wasm, text);
      const b = scanWith(js, text);
      expect(b.hits, file).toEqual(a.hits);
      expect(a.runs, file).toEqual(findBase64Runs(text));
      expect(b.runs, file).toEqual(a.runs);
      hits += a.hits.length;
    }
    expect(hits).toBeGreaterThan(1000);
  }, 120_000);
});

describe('Scanner with either kernel', () => {
  it('finds the same matches, raw and in decoded segments', () => {
    const wasm = new Scanner(RULES);
    const js = new Scanner(RULES, { keywordKernel: 'js' });
    const generator = createSampleGenerator(99);
    const samples = RULES.flatMap((rule) => [...rule.samples.positives, ...rule.samples.negatives].map((template) => expandSample(template, generator)));
    const texts = [
      samples.join('\n'),
      samples.join(' é😀 '),
      samples.map((sample) => `k=${Buffer.from(sample).toString('base64')}`).join('\n'),
      samples.map((sample) => `q=${encodeURIComponent(sample).replace(/[._-]/g, (c) => `%${c.charCodeAt(0).toString(16)}`)}`).join('\n'),
      samples.map((sample) => `"${[...sample].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`).join('\n'),
      // Spread over several chunks, so the chunk and stream boundaries fall between and inside samples.
      samples.map((sample, i) => `${'.'.repeat((i * 7919) % 3000)}${sample}`).join('\n'),
    ];
    const summary = (scanner: Scanner, text: string) =>
      scanner.findMatches(text).map((match) => `${match.rule.id}@${match.start}-${match.end}${match.encoding ? `/${match.encoding}` : ''}`);
    const encodings = [undefined, undefined, 'base64', 'percent', 'escape', undefined];
    texts.forEach((text, i) => {
      const expected = summary(js, text);
      expect(expected.length, `text ${i}`).toBeGreaterThan(0);
      if (encodings[i]) expect(expected.some((match) => match.endsWith(`/${encodings[i]}`)), `text ${i}`).toBe(true);
      expect(summary(wasm, text), `text ${i}`).toEqual(expected);
    });
  });
});

describe('wasm encoder', () => {
  it('encodes LEB128 as the spec examples do', () => {
    expect(u32(0)).toEqual([0]);
    expect(u32(127)).toEqual([127]);
    expect(u32(128)).toEqual([0x80, 0x01]);
    expect(u32(624485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(u32(0xffffffff)).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
    expect(s32(0)).toEqual([0]);
    expect(s32(63)).toEqual([0x3f]);
    expect(s32(64)).toEqual([0xc0, 0x00]);
    expect(s32(-1)).toEqual([0x7f]);
    expect(s32(-64)).toEqual([0x40]);
    expect(s32(-65)).toEqual([0xbf, 0x7f]);
    expect(s32(-123456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(s32(-(2 ** 31))).toEqual([0x80, 0x80, 0x80, 0x80, 0x78]);
  });

  it('builds modules the engine validates and runs', () => {
    // store(address, value + 1)
    const bytes = moduleBytes([{ name: 'inc', params: 2, locals: 0, body: [...ins.get(0), ...ins.get(1), ...ins.const(1), ...ins.add, ...ins.store(0)] }], 1);
    expect(WebAssembly.validate(bytes)).toBe(true);
    const memory = new WebAssembly.Memory({ initial: 1 });
    const { inc } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports as { inc: (a: number, v: number) => void };
    inc(8, 41);
    expect(new Int32Array(memory.buffer)[2]).toBe(42);
    expect(I32).toBe(0x7f);
  });
});
