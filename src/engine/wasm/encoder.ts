/**
 * Just enough of the WebAssembly binary format (core spec 1.0) to emit the engine's byte-scanning
 * kernel from TypeScript at run time: no toolchain at build time, no binary blob in the repository,
 * and the code that runs is the code you read here and in keyword-kernel.ts.
 *
 * Instructions are plain arrays of bytes; the helpers below spell the opcodes the kernel needs.
 * Reference: https://webassembly.github.io/spec/core/binary/
 */

export type Bytes = readonly number[];

/** Unsigned LEB128. */
export function u32(value: number): number[] {
  const out: number[] = [];
  let rest = value >>> 0;
  do {
    let byte = rest & 0x7f;
    rest >>>= 7;
    if (rest !== 0) byte |= 0x80;
    out.push(byte);
  } while (rest !== 0);
  return out;
}

/** Signed LEB128 (i32 constants). */
export function s32(value: number): number[] {
  const out: number[] = [];
  let rest = value | 0;
  for (;;) {
    const byte = rest & 0x7f;
    rest >>= 7;
    const done = (rest === 0 && (byte & 0x40) === 0) || (rest === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

const vector = (items: readonly Bytes[]): number[] => [...u32(items.length), ...items.flat()];
const name = (text: string): number[] => vector([...text].map((c) => [c.charCodeAt(0)]));
const section = (id: number, content: Bytes): number[] => [id, ...u32(content.length), ...content];

export const I32 = 0x7f;
const EMPTY_BLOCK = 0x40;
/** memarg alignment exponents */
const ALIGN_1 = 0;
const ALIGN_4 = 2;

/** The instructions the kernel uses. Memory offsets are the memarg's constant offset. */
export const ins = {
  block: (...body: Bytes[]): number[] => [0x02, EMPTY_BLOCK, ...body.flat(), 0x0b],
  loop: (...body: Bytes[]): number[] => [0x03, EMPTY_BLOCK, ...body.flat(), 0x0b],
  if: (...body: Bytes[]): number[] => [0x04, EMPTY_BLOCK, ...body.flat(), 0x0b],
  /** Branch to the enclosing block/loop `depth` levels out (0 = innermost), when the top of stack is non-zero. */
  brIf: (depth: number): number[] => [0x0d, ...u32(depth)],
  get: (local: number): number[] => [0x20, ...u32(local)],
  set: (local: number): number[] => [0x21, ...u32(local)],
  tee: (local: number): number[] => [0x22, ...u32(local)],
  const: (value: number): number[] => [0x41, ...s32(value)],
  load: (offset: number): number[] => [0x28, ALIGN_4, ...u32(offset)],
  load8s: (offset: number): number[] => [0x2c, ALIGN_1, ...u32(offset)],
  load8u: (offset: number): number[] => [0x2d, ALIGN_1, ...u32(offset)],
  store: (offset: number): number[] => [0x36, ALIGN_4, ...u32(offset)],
  eq: [0x46],
  ltS: [0x48],
  geS: [0x4e],
  add: [0x6a],
  sub: [0x6b],
  and: [0x71],
  or: [0x72],
  xor: [0x73],
  shl: [0x74],
} as const;

export interface FunctionDef {
  name: string;
  params: number;
  /** Extra i32 locals, numbered after the params. */
  locals: number;
  body: Bytes;
}

/**
 * A module of i32 → void functions over one imported memory (`env.memory`, at least `minPages`
 * pages), each exported under its name. The names also go in the "name" custom section, so CPU
 * profiles (scripts/bench/profile.mjs, DevTools) show `scan2` rather than `wasm-function[1]`.
 */
export function moduleBytes(functions: readonly FunctionDef[], minPages: number): Uint8Array<ArrayBuffer> {
  const types = functions.map((fn) => [0x60, ...vector(Array.from({ length: fn.params }, () => [I32])), ...vector([])]);
  const memoryImport = [...name('env'), ...name('memory'), 0x02, 0x00, ...u32(minPages)];
  const codes = functions.map((fn) => {
    const code = [...vector(fn.locals > 0 ? [[...u32(fn.locals), I32]] : []), ...fn.body, 0x0b];
    return [...u32(code.length), ...code];
  });
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, // \0asm
    0x01, 0x00, 0x00, 0x00, // version 1
    ...section(1, vector(types)),
    ...section(2, vector([memoryImport])),
    ...section(3, vector(functions.map((_, index) => u32(index)))),
    ...section(7, vector(functions.map((fn, index) => [...name(fn.name), 0x00, ...u32(index)]))),
    ...section(10, vector(codes)),
    ...section(0, [...name('name'), ...section(1, vector(functions.map((fn, index) => [...u32(index), ...name(fn.name)])))]),
  ]);
}
