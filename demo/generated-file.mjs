/**
 * Builds a generated text file (a "bundle") from pieces, and knows where each piece landed. Two uses:
 * - `mark`: record the 1-based line/column of a planted value, so tests and describePlanted() state
 *   the exact position the engine must report, computed from the same code that writes the file;
 * - `map`: emit a source-map segment from the piece's generated position to a position in an
 *   original source, for the source-map plant (a real, resolvable Source Map v3).
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 VLQ of one signed integer (Source Map v3: sign in the lowest bit, 5-bit groups, continuation bit 32). */
export function encodeVlq(value) {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let out = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    out += BASE64[digit];
  } while (rest > 0);
  return out;
}

/**
 * Original source files as arrays of lines. `at(source, line, needle)` names the position of `needle`
 * on a 1-based line, so mappings point at real text instead of hand-counted columns.
 */
export class OriginalSources {
  constructor(files) {
    /** @type {Map<string, string[]>} */
    this.files = new Map(Object.entries(files));
    this.names = [...this.files.keys()];
  }

  at(source, line, needle) {
    const text = this.files.get(source)?.[line - 1];
    const index = text === undefined ? -1 : text.indexOf(needle);
    if (index < 0) throw new Error(`source map anchor not found: ${source}:${line} ${JSON.stringify(needle.slice(0, 20))}`);
    return { source, line, column: index + 1 };
  }

  content(source) {
    return this.files.get(source).join('\n') + '\n';
  }
}

export class GeneratedFile {
  constructor() {
    /** @type {string[]} */
    this.lines = [];
    /** generated line index → segments [generatedColumn0, sourceIndex, originalLine0, originalColumn0] */
    this.segments = [];
    /** @type {Record<string, {line: number, column: number, original?: {source: string, line: number, column: number}}>} */
    this.marks = {};
  }

  /**
   * Append one line. Each piece is a string or `{ text, mark?, map? }`, where `map` is a position
   * from OriginalSources.at().
   */
  line(...pieces) {
    const lineNumber = this.lines.length + 1;
    let text = '';
    const segments = [];
    for (const piece of pieces) {
      const part = typeof piece === 'string' ? { text: piece } : piece;
      if (part.text.includes('\n')) throw new Error('a piece must not contain a newline');
      if (part.map) segments.push({ column: text.length, original: part.map });
      if (part.mark) this.marks[part.mark] = { line: lineNumber, column: text.length + 1, ...(part.map ? { original: part.map } : {}) };
      text += part.text;
    }
    this.lines.push(text);
    this.segments.push(segments);
    return this;
  }

  text() {
    return this.lines.join('\n') + '\n';
  }

  /** A Source Map v3 document for this file over `sources`. */
  sourceMap(file, sources) {
    // Every field but the generated column is relative to the previous segment in the whole map;
    // the generated column restarts at each line.
    let previousSource = 0;
    let previousLine = 0;
    let previousColumn = 0;
    const mappings = this.segments
      .map((segments) => {
        let previousGenerated = 0;
        return segments
          .map(({ column, original }) => {
            const sourceIndex = sources.names.indexOf(original.source);
            if (sourceIndex < 0) throw new Error(`unknown source ${original.source}`);
            const fields = [
              column - previousGenerated,
              sourceIndex - previousSource,
              original.line - 1 - previousLine,
              original.column - 1 - previousColumn,
            ];
            previousGenerated = column;
            previousSource = sourceIndex;
            previousLine = original.line - 1;
            previousColumn = original.column - 1;
            return fields.map(encodeVlq).join('');
          })
          .join(',');
      })
      .join(';');
    return {
      version: 3,
      file,
      sources: sources.names,
      sourcesContent: sources.names.map((name) => sources.content(name)),
      names: [],
      mappings,
    };
  }
}
