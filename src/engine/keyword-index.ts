/**
 * One pass over the text for every rule keyword at once: an Aho-Corasick automaton compiled to a dense
 * DFA, so the inner loop is one table lookup per byte. This is the engine's prefilter (gitleaks and
 * trufflehog do the same): rule patterns then run only in small windows around the hits, so the cost
 * of 400+ rules is close to the cost of one scan — and this loop is most of that scan, so it is built
 * for speed:
 *
 * - It reads the UTF-8 bytes of the text chunk by chunk (utf8-chunks.ts), not `charCodeAt`. Keywords
 *   are ASCII, so every byte >= 0x80 simply leads back to the root, and in an all-ASCII chunk a byte's
 *   index is its UTF-16 offset.
 * - Columns are character classes, not characters: each character that occurs in some keyword has its
 *   own column, upper- and lower-case letters share one (matching is case-insensitive), and every other
 *   byte is column 0: ~50 columns instead of 128, a table a third the size, and column offsets small
 *   enough for the kernel to keep in bytes.
 * - Entries hold the next state's row offset, negated when keywords end in that state, so the common
 *   path is a load, an add and a sign test.
 * - The loop runs as a small WebAssembly kernel (wasm/keyword-kernel.ts) where WebAssembly may be
 *   compiled, else as the JavaScript loop below; both report the same events, and the tests compare
 *   them.
 * - It can also report maximal runs of a set of characters at least N long, counted in the same loop:
 *   the decoder's base64 candidates (decode.ts), which otherwise cost a read of the text of their own.
 *
 * A measured alternative that lost: a 3-gram bitmap filter with a trie walk at candidates (~6% of
 * positions in minified code are candidates; the unpredictable branch cost more than the DFA lookup).
 */
import { CHUNK_BYTES, CHUNK_UNITS, ChunkOffsets, encodeChunk } from './utf8-chunks.ts';
import { MIN_RUN_FLOOR, WasmKeywordKernel, type KernelEvents, type KernelTables, type KeywordKernel } from './wasm/keyword-kernel.ts';

export { setWebAssemblyAllowed } from './wasm/keyword-kernel.ts';

export interface KeywordHit {
  /** Index of the keyword in the list given to the constructor. */
  keyword: number;
  /** Offset of the keyword's first character in the text. */
  start: number;
}

export interface KeywordIndexOptions {
  /**
   * Also find the maximal runs of these (ASCII) characters that are at least `minLength` long; `scan`
   * reports them when given an array to fill.
   */
  runs?: { chars: string; minLength: number };
  /** 'auto' (default): the WebAssembly kernel where it can be compiled; 'js': the JavaScript loop. */
  kernel?: 'auto' | 'js';
}

/** A run counter never reaches this: the kernels' "run got long" event never fires. */
const NO_RUNS = 2 ** 30;

export class KeywordIndex {
  readonly keywords: readonly string[];
  /** For each state, the keyword ids that end there (its own, then those of its failure chain). */
  private readonly outputs: ReadonlyArray<readonly number[] | undefined>;
  private readonly lengths: Int32Array;
  private readonly runChars: Uint8Array;
  private readonly minRun: number;
  private readonly tables: KernelTables;
  private readonly kernelChoice: 'auto' | 'js';
  /** Created on the first scan: an index that never scans costs no WebAssembly memory. */
  private kernel: KeywordKernel | undefined;
  private readonly offsets = new ChunkOffsets();
  private busy = false;

  constructor(keywords: readonly string[], options: KeywordIndexOptions = {}) {
    this.keywords = keywords.map((keyword) => keyword.toLowerCase());
    this.lengths = Int32Array.from(this.keywords, (keyword) => keyword.length);

    // Columns: one per distinct keyword character, upper-case letters folded onto lower-case.
    const columns = new Uint8Array(256);
    let width = 1;
    for (const keyword of this.keywords) {
      if (keyword.length === 0) throw new Error('empty keyword');
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        if (code >= 128) throw new Error(`keyword must be ASCII: ${JSON.stringify(keyword)}`);
        if (columns[code] !== 0) continue;
        columns[code] = width;
        // toLowerCase() left no A-Z in keywords, so a-z are the only letters seen here.
        if (code >= 97 && code <= 122) columns[code - 32] = width;
        width++;
      }
    }

    // Trie over columns.
    const goto: number[][] = [[]];
    const own: number[][] = [[]];
    this.keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const column = columns[keyword.charCodeAt(i)]!;
        let next = goto[state]![column];
        if (next === undefined) {
          next = goto.length;
          goto.push([]);
          own.push([]);
          goto[state]![column] = next;
        }
        state = next;
      }
      own[state]!.push(id);
    });

    // Breadth-first: failure links and the full transition table (delta holds state numbers).
    const stateCount = goto.length;
    if (stateCount * width >= 2 ** 29) throw new Error('keyword automaton too large');
    const delta = new Int32Array(stateCount * width);
    const failure = new Int32Array(stateCount);
    const outputs: (number[] | undefined)[] = new Array(stateCount);
    const queue: number[] = [];
    for (let column = 0; column < width; column++) {
      const next = goto[0]![column];
      if (next !== undefined) {
        delta[column] = next;
        queue.push(next);
      }
    }
    outputs[0] = undefined;
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const inherited = outputs[failure[state]!];
      const mine = own[state]!;
      outputs[state] = mine.length || inherited ? [...mine, ...(inherited ?? [])] : undefined;
      for (let column = 0; column < width; column++) {
        const next = goto[state]![column];
        if (next !== undefined) {
          failure[next] = delta[failure[state]! * width + column]!;
          delta[state * width + column] = next;
          queue.push(next);
        } else {
          delta[state * width + column] = delta[failure[state]! * width + column]!;
        }
      }
    }
    // Rows as offsets, negated where keywords end (the root, row 0, has no outputs: 0 is never negated).
    const table = delta;
    for (let i = 0; i < table.length; i++) {
      const next = table[i]!;
      table[i] = outputs[next] === undefined ? next * width : -(next * width);
    }
    this.outputs = outputs;

    const runChars = new Uint8Array(256);
    let minRun = NO_RUNS;
    if (options.runs) {
      const { chars, minLength } = options.runs;
      if (!(minLength >= MIN_RUN_FLOOR && minLength < NO_RUNS)) throw new Error(`runs.minLength must be at least ${MIN_RUN_FLOOR}`);
      for (let i = 0; i < chars.length; i++) {
        const code = chars.charCodeAt(i);
        if (code >= 128) throw new Error('run characters must be ASCII');
        runChars[code] = 1;
      }
      minRun = minLength;
    }
    this.runChars = runChars;
    this.minRun = minRun;

    this.tables = {
      columns,
      runChars,
      width,
      table,
      minRun,
      longestKeyword: this.lengths.reduce((a, b) => Math.max(a, b), 0),
    };
    this.kernelChoice = options.kernel ?? 'auto';
  }

  /** Which loop this index runs: 'wasm' where WebAssembly can be compiled (and was not declined), else 'js'. */
  get kernelKind(): 'wasm' | 'js' {
    return this.getKernel() instanceof WasmKeywordKernel ? 'wasm' : 'js';
  }

  private getKernel(): KeywordKernel {
    if (!this.kernel) {
      const wasm = this.kernelChoice === 'js' ? undefined : WasmKeywordKernel.create(this.tables);
      this.kernel = wasm ?? new JsKeywordKernel(this.tables);
    }
    return this.kernel;
  }

  /**
   * Calls `onHit` for every keyword occurrence, case-insensitively, in order of where the occurrences
   * end (several ending at one place: longest first). With `runs`, also appends start, end (UTF-16
   * offsets) of every maximal run of the run characters at least `minLength` long, in text order.
   */
  scan(text: string, onHit: (keyword: number, start: number) => void, runs?: number[]): void {
    // The kernel's chunk buffer and state belong to one scan at a time.
    if (this.busy) throw new Error('KeywordIndex.scan is not reentrant');
    this.busy = true;
    try {
      const kernel = this.getKernel();
      const events = new ScanEvents(this.outputs, this.lengths, this.runChars, this.minRun, kernel.bytes, onHit, runs);
      kernel.reset();
      for (let start = 0, length = text.length; start < length; start += CHUNK_UNITS) {
        const end = Math.min(length, start + CHUNK_UNITS);
        const written = encodeChunk(text, start, end, kernel.bytes);
        let offsets: ChunkOffsets | undefined;
        if (written !== end - start) {
          offsets = this.offsets;
          offsets.reset(kernel.bytes);
        }
        events.chunk(start, written, offsets);
        kernel.scan(written, events);
      }
      events.finish(text.length);
    } finally {
      this.busy = false;
    }
  }
}

/**
 * Turns the kernel's events (byte indexes within the current chunk) into keyword hits and runs at
 * UTF-16 offsets in the text. Keywords and run characters are ASCII: their length in bytes is their
 * length in UTF-16 units, so only the byte where they end needs mapping.
 */
class ScanEvents implements KernelEvents {
  private chunkStart = 0;
  private chunkLength = 0;
  private offsets: ChunkOffsets | undefined;
  /** Start of a run that reached the end of the previous chunk, or -1. */
  private openRun = -1;

  constructor(
    private readonly outputs: ReadonlyArray<readonly number[] | undefined>,
    private readonly lengths: Int32Array,
    private readonly runChars: Uint8Array,
    private readonly minRun: number,
    private readonly bytes: Uint8Array,
    private readonly onHit: (keyword: number, start: number) => void,
    private readonly runs: number[] | undefined,
  ) {}

  /**
   * The next chunk, text[start, ...) as bytes[0, length); `offsets` is undefined when it is all ASCII
   * (then byte index = UTF-16 offset - start). Called before the kernel reports the chunk's events.
   */
  chunk(start: number, length: number, offsets: ChunkOffsets | undefined): void {
    this.chunkStart = start;
    this.chunkLength = length;
    this.offsets = offsets;
    if (this.openRun !== -1) {
      // Bytes before the run's end are run characters (ASCII): byte index = UTF-16 offset here.
      const end = this.runEnd(0);
      if (end < length) this.closeRun(start + end);
    }
  }

  hit(index: number, state: number): void {
    const last = this.unitAt(index);
    for (const keyword of this.outputs[state]!) this.onHit(keyword, last - this.lengths[keyword]! + 1);
  }

  /** The run through byte `index` has just reached minRun characters; it ends at the first other byte. */
  run(index: number): void {
    if (!this.runs) return;
    const last = this.unitAt(index);
    this.openRun = last - this.minRun + 1;
    const end = this.runEnd(index + 1);
    if (end < this.chunkLength) this.closeRun(last + 1 + (end - index - 1));
  }

  finish(textLength: number): void {
    if (this.openRun !== -1) this.closeRun(textLength);
  }

  private unitAt(index: number): number {
    return this.chunkStart + (this.offsets ? this.offsets.unitAt(index) : index);
  }

  /** First byte at or after `from` in this chunk that is not a run character (or the chunk's length). */
  private runEnd(from: number): number {
    const { bytes, runChars, chunkLength } = this;
    let i = from;
    while (i < chunkLength && runChars[bytes[i]!] === 1) i++;
    return i;
  }

  private closeRun(end: number): void {
    this.runs!.push(this.openRun, end);
    this.openRun = -1;
  }
}

/** The same loop as the WebAssembly kernel, one stream: used where WebAssembly is unavailable. */
class JsKeywordKernel implements KeywordKernel {
  readonly bytes = new Uint8Array(CHUNK_BYTES);
  private readonly table: Int32Array;
  private readonly columns: Uint8Array;
  /** byte → -1 (all bits set) for run characters, 0 otherwise: `(run + 1) & mask` counts or resets. */
  private readonly masks: Int32Array;
  private readonly width: number;
  private readonly minRun: number;
  private row = 0;
  private run = 0;

  constructor(tables: KernelTables) {
    this.table = tables.table;
    this.columns = tables.columns;
    this.masks = Int32Array.from(tables.runChars, (flag) => (flag ? -1 : 0));
    this.width = tables.width;
    this.minRun = tables.minRun;
  }

  reset(): void {
    this.row = 0;
    this.run = 0;
  }

  scan(length: number, events: KernelEvents): void {
    const { bytes, table, columns, masks, width, minRun } = this;
    let row = this.row;
    let run = this.run;
    for (let i = 0; i < length; i++) {
      const byte = bytes[i]!;
      row = table[row + columns[byte]!]!;
      run = (run + 1) & masks[byte]!;
      if (row < 0) {
        row = -row;
        events.hit(i, row / width);
      }
      if (run === minRun) events.run(i);
    }
    this.row = row;
    this.run = run;
  }
}
