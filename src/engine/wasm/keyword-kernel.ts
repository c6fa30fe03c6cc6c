/**
 * The keyword pass's inner loop as a small WebAssembly module, emitted by encoder.ts at run time.
 *
 * Why: the automaton loop waits on one table lookup per byte (the next lookup needs its result), and in
 * JavaScript each step also pays for typed-array bounds checks and loop bookkeeping. Compiled wasm runs
 * the same loop with plain loads, and this kernel walks two halves of each chunk at once, so two
 * independent lookup chains overlap. Measured on the bench corpus (64 MB): ~1.2 ns per byte, against
 * ~4 ns for the same loop in JavaScript and ~2 ns for a single wasm stream. Three or four streams
 * measured no faster: the loop is then limited by instructions, not by waiting.
 *
 * What it does per byte, for each of the two streams:
 *
 *     row = TABLE[row + COLUMN[byte]]          automaton step (see keyword-index.ts)
 *     k   = (k + 1) & MASK[byte]               length of the current run of "run characters"
 *     if (row < 0 || k == minRun)               rare: a keyword ends here, or a run just got long
 *       record (index, -row) and/or (index)     into the stream's event lists
 *
 * Runs are the base64-candidate runs the decoder wants (decode.ts): counting them here costs a few
 * ALU operations that overlap with the table lookup, where a separate pass cost a read of the text.
 *
 * Splitting a chunk in two: stream A takes bytes [0, h), stream B [h, 2h) (an odd last byte goes to B
 * afterwards). B first reads the `warmup` bytes before h from the root with events discarded: the
 * automaton's state depends only on the last (longest keyword) bytes read, and a run counter that has
 * seen `minRun` bytes is either exact or already past minRun, so after the warm-up B is exactly where
 * a single stream would be, and every event before h is A's. A's events come first: order is kept.
 *
 * Memory is imported, so one compiled module serves every KeywordIndex (per minRun, a constant in
 * the code): fixed regions first, the automaton table last because its size depends on the keywords.
 */
import { CHUNK_BYTES } from '../utf8-chunks.ts';
import { ins, moduleBytes, type Bytes } from './encoder.ts';

/** One stream's slot: automaton row (in bytes), run counter, event counts, event list addresses. */
const SLOT_A = 0;
const SLOT_B = 32;
const ROW = 0;
const RUN = 4;
const HIT_COUNT = 8;
const RUN_COUNT = 12;
const HIT_LIST = 16;
const RUN_LIST = 20;
const COLUMN = 64; // 256 bytes: column * 4 (a byte offset within a row)
const MASK = COLUMN + 256; // 256 bytes: 0xff for run characters, 0 otherwise
const TEXT = MASK + 256;
/**
 * Event lists. At most one hit per byte: A may scan a whole chunk alone, B at most half of one plus
 * its warm-up. A run event takes at least MIN_RUN_FLOOR bytes plus one other byte before the next.
 */
export const MIN_RUN_FLOOR = 8;
const HITS_A = align(TEXT + CHUNK_BYTES, 8);
const HITS_B = HITS_A + CHUNK_BYTES * 8;
const RUNS_A = HITS_B + (CHUNK_BYTES / 2 + 1) * 8;
const RUN_CAPACITY = Math.ceil(CHUNK_BYTES / (MIN_RUN_FLOOR + 1)) + 2;
const RUNS_B = RUNS_A + RUN_CAPACITY * 4;
const TABLE = align(RUNS_B + RUN_CAPACITY * 4, 64);
/** Keywords longer than this (custom rules only, if ever) make the warm-up too long: one stream then. */
const MAX_WARMUP = 1024;
const PAGE = 65536;

function align(value: number, to: number): number {
  return Math.ceil(value / to) * to;
}

/**
 * One stream in the generated code. The hot values (automaton row, run counter) live in locals; event
 * counts and list addresses live in the stream's slot in memory, touched only on the rare path, which
 * keeps the loop within the machine's registers (measured, with the shared byte index of scan2: ~20%
 * faster than counts and one index per stream in locals).
 */
interface Stream {
  row: number;
  run: number;
  byte: number;
  /** Pushes the byte index of the stream's current byte. */
  position: Bytes;
  /** Pushes the address of the stream's slot. */
  slot: Bytes;
}

/** One byte of one stream. See the header for the logic. */
function step(s: Stream, minRun: number): number[] {
  const count = (field: number, shift: number): number[] => [...s.slot, ...ins.load(field), ...ins.const(shift), ...ins.shl];
  const increment = (field: number): number[] => [...s.slot, ...s.slot, ...ins.load(field), ...ins.const(1), ...ins.add, ...ins.store(field)];
  return [
    ...s.position, ...ins.load8u(TEXT), ...ins.set(s.byte),
    ...ins.get(s.row), ...ins.get(s.byte), ...ins.load8u(COLUMN), ...ins.add, ...ins.load(TABLE), ...ins.set(s.row),
    ...ins.get(s.run), ...ins.const(1), ...ins.add, ...ins.get(s.byte), ...ins.load8s(MASK), ...ins.and, ...ins.set(s.run),
    // One predictable branch for both rare events: row < 0, or run == minRun ((run ^ minRun) - 1 < 0).
    ...ins.get(s.row), ...ins.get(s.run), ...ins.const(minRun), ...ins.xor, ...ins.const(1), ...ins.sub, ...ins.or,
    ...ins.const(0), ...ins.ltS,
    ...ins.if(
      ins.get(s.row), ins.const(0), ins.ltS,
      ins.if(
        ins.const(0), ins.get(s.row), ins.sub, ins.set(s.row),
        // hits[count] = (position, row)
        s.slot, ins.load(HIT_LIST), count(HIT_COUNT, 3), ins.add, s.position, ins.store(0),
        s.slot, ins.load(HIT_LIST), count(HIT_COUNT, 3), ins.add, ins.get(s.row), ins.store(4),
        increment(HIT_COUNT),
      ),
      ins.get(s.run), ins.const(minRun), ins.eq,
      ins.if(
        // runs[count] = position
        s.slot, ins.load(RUN_LIST), count(RUN_COUNT, 2), ins.add, s.position, ins.store(0),
        increment(RUN_COUNT),
      ),
    ),
  ];
}

const loadState = (s: Stream): number[] => [...s.slot, ...ins.load(ROW), ...ins.set(s.row), ...s.slot, ...ins.load(RUN), ...ins.set(s.run)];
const saveState = (s: Stream): number[] => [...s.slot, ...ins.get(s.row), ...ins.store(ROW), ...s.slot, ...ins.get(s.run), ...ins.store(RUN)];

/** scan1(slot, start, end): the stream whose slot is at `slot`, over bytes [start, end). */
function scan1(minRun: number): number[] {
  const [slot, index, end] = [0, 1, 2];
  const s: Stream = { row: 3, run: 4, byte: 5, position: ins.get(index), slot: ins.get(slot) };
  return [
    ...loadState(s),
    ...ins.block(
      ins.get(index), ins.get(end), ins.geS, ins.brIf(0),
      ins.loop(
        step(s, minRun),
        ins.get(index), ins.const(1), ins.add, ins.tee(index), ins.get(end), ins.ltS, ins.brIf(0),
      ),
    ),
    ...saveState(s),
  ];
}

/** scan2(half): stream A over [0, half) and stream B over [half, 2 * half), one byte of each per turn. */
function scan2(minRun: number): number[] {
  const [half, index] = [0, 1];
  const a: Stream = { row: 2, run: 3, byte: 4, position: ins.get(index), slot: ins.const(SLOT_A) };
  const b: Stream = { row: 5, run: 6, byte: 7, position: [...ins.get(index), ...ins.get(half), ...ins.add], slot: ins.const(SLOT_B) };
  return [
    ...loadState(a),
    ...loadState(b),
    ...ins.block(
      ins.get(index), ins.get(half), ins.geS, ins.brIf(0),
      ins.loop(
        step(a, minRun),
        step(b, minRun),
        ins.get(index), ins.const(1), ins.add, ins.tee(index), ins.get(half), ins.ltS, ins.brIf(0),
      ),
    ),
    ...saveState(a),
    ...saveState(b),
  ];
}

/** Compiled modules by minRun (a constant in the code); null where WebAssembly is unavailable. */
const compiled = new Map<number, WebAssembly.Module | null>();
let allowed = true;

/**
 * Whether the engine may try to compile WebAssembly (default: yes). Where a policy refuses it, the
 * engine falls back to JavaScript by itself, but browsers also log a CSP violation for the attempt: an
 * embedder that knows its policy forbids WebAssembly can say so up front. Affects kernels created
 * afterwards (each KeywordIndex creates its kernel on its first scan).
 */
export function setWebAssemblyAllowed(value: boolean): void {
  allowed = value;
}

/**
 * The compiled module, or null where WebAssembly is missing or not allowed (an extension page whose
 * CSP lacks 'wasm-unsafe-eval' throws here). Compiled synchronously: it is ~1 KB, under the size
 * browsers allow for synchronous compiles on a main thread.
 */
function kernelModule(minRun: number): WebAssembly.Module | null {
  if (!allowed) return null;
  let module = compiled.get(minRun);
  if (module !== undefined) return module;
  module = null;
  try {
    if (typeof WebAssembly === 'object') {
      const bytes = moduleBytes(
        [
          { name: 'scan1', params: 3, locals: 3, body: scan1(minRun) },
          { name: 'scan2', params: 1, locals: 7, body: scan2(minRun) },
        ],
        1,
      );
      module = new WebAssembly.Module(bytes);
    }
  } catch {
    module = null;
  }
  compiled.set(minRun, module);
  return module;
}

/** What the kernel reports for each chunk, in text order. */
export interface KernelEvents {
  /** A keyword ends at byte `index`; `state` indexes the automaton's outputs. */
  hit(index: number, state: number): void;
  /** The run that byte `index` belongs to is minRun long at this byte (its first minRun - 1 bytes precede it). */
  run(index: number): void;
}

/** The automaton and run tables, as keyword-index.ts builds them. */
export interface KernelTables {
  /** byte → column */
  columns: Uint8Array;
  /** byte → 1 for run characters */
  runChars: Uint8Array;
  width: number;
  /** table[row + column] = next row (state * width), negated when keywords end there */
  table: Int32Array;
  /** At least MIN_RUN_FLOOR. */
  minRun: number;
  /** Longest keyword: how far back the second stream starts reading. */
  longestKeyword: number;
}

export interface KeywordKernel {
  /** Chunk buffer: encode a chunk here (CHUNK_BYTES long), then call scan. */
  readonly bytes: Uint8Array;
  /** Start of a new text: automaton at the root, no run. */
  reset(): void;
  /** Scans bytes[0, length), carrying state from the previous chunk, and reports the events. */
  scan(length: number, events: KernelEvents): void;
}

export class WasmKeywordKernel implements KeywordKernel {
  readonly bytes: Uint8Array;
  private readonly words: Int32Array;
  private readonly scan1: (slot: number, start: number, end: number) => void;
  private readonly scan2: (half: number) => void;
  private readonly rowBytes: number;
  private readonly warmup: number;

  /** Undefined when WebAssembly is not available here. */
  static create(tables: KernelTables): WasmKeywordKernel | undefined {
    // Column offsets (column * 4) are stored as bytes.
    if (tables.width > 64) return undefined;
    const module = kernelModule(tables.minRun);
    if (!module) return undefined;
    try {
      return new WasmKeywordKernel(module, tables);
    } catch {
      return undefined; // e.g. memory refused
    }
  }

  private constructor(module: WebAssembly.Module, tables: KernelTables) {
    const memory = new WebAssembly.Memory({ initial: Math.ceil((TABLE + tables.table.length * 4) / PAGE) });
    const exports = new WebAssembly.Instance(module, { env: { memory } }).exports;
    this.scan1 = exports.scan1 as WasmKeywordKernel['scan1'];
    this.scan2 = exports.scan2 as WasmKeywordKernel['scan2'];
    const buffer = memory.buffer;
    const bytes = new Uint8Array(buffer);
    const words = new Int32Array(buffer);
    this.words = words;
    this.bytes = bytes.subarray(TEXT, TEXT + CHUNK_BYTES);
    // The wasm addresses the table in bytes: columns and rows times four.
    for (let b = 0; b < 256; b++) {
      bytes[COLUMN + b] = tables.columns[b]! * 4;
      bytes[MASK + b] = tables.runChars[b] ? 0xff : 0;
    }
    const table = tables.table;
    for (let i = 0, base = TABLE / 4; i < table.length; i++) words[base + i] = table[i]! * 4;
    words[(SLOT_A + HIT_LIST) / 4] = HITS_A;
    words[(SLOT_A + RUN_LIST) / 4] = RUNS_A;
    words[(SLOT_B + HIT_LIST) / 4] = HITS_B;
    words[(SLOT_B + RUN_LIST) / 4] = RUNS_B;
    this.rowBytes = tables.width * 4;
    this.warmup = Math.max(tables.longestKeyword, tables.minRun);
    this.reset();
  }

  reset(): void {
    this.setSlot(SLOT_A, 0, 0);
  }

  scan(length: number, events: KernelEvents): void {
    const words = this.words;
    words[(SLOT_A + HIT_COUNT) / 4] = 0;
    words[(SLOT_A + RUN_COUNT) / 4] = 0;
    const warmup = this.warmup;
    if (warmup > MAX_WARMUP || length < 4 * warmup) {
      this.scan1(SLOT_A, 0, length);
      this.report(SLOT_A, HITS_A, RUNS_A, events);
      return;
    }
    const half = length >> 1;
    // Stream B: warm up on the bytes before `half` from the root, then forget what it saw there.
    this.setSlot(SLOT_B, 0, 0);
    this.scan1(SLOT_B, half - warmup, half);
    words[(SLOT_B + HIT_COUNT) / 4] = 0;
    words[(SLOT_B + RUN_COUNT) / 4] = 0;
    this.scan2(half);
    if (length > 2 * half) this.scan1(SLOT_B, 2 * half, length);
    this.report(SLOT_A, HITS_A, RUNS_A, events);
    this.report(SLOT_B, HITS_B, RUNS_B, events);
    // The next chunk continues where B stopped.
    this.setSlot(SLOT_A, words[(SLOT_B + ROW) / 4]!, words[(SLOT_B + RUN) / 4]!);
  }

  private setSlot(slot: number, row: number, run: number): void {
    const words = this.words;
    words[(slot + ROW) / 4] = row;
    words[(slot + RUN) / 4] = run;
    words[(slot + HIT_COUNT) / 4] = 0;
    words[(slot + RUN_COUNT) / 4] = 0;
  }

  /**
   * One stream's events in byte order (hits and runs merged): the caller maps byte indexes to UTF-16
   * offsets by counting forward, which stays one pass per chunk only if indexes never go back.
   */
  private report(slot: number, hitBase: number, runBase: number, events: KernelEvents): void {
    const words = this.words;
    const hitEnd = hitBase / 4 + 2 * words[(slot + HIT_COUNT) / 4]!;
    const runEnd = runBase / 4 + words[(slot + RUN_COUNT) / 4]!;
    let hit = hitBase / 4;
    let run = runBase / 4;
    while (hit < hitEnd || run < runEnd) {
      if (run === runEnd || (hit < hitEnd && words[hit]! <= words[run]!)) {
        events.hit(words[hit]!, words[hit + 1]! / this.rowBytes);
        hit += 2;
      } else {
        events.run(words[run]!);
        run++;
      }
    }
  }
}
