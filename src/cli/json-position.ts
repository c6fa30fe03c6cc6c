/**
 * Where a JSON document is broken, as line and column. Node 20's `JSON.parse` gives an offset for some
 * errors ("… in JSON at position 1234") but not for others ("Unexpected token 'x', "…" is not valid
 * JSON"), and that second form quotes the input — which may hold a secret — so its quote is dropped
 * and the offset is found by a small syntax walk instead.
 */

export function lineAndColumnAt(text: string, offset: number): { line: number; column: number } {
  const clamped = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < clamped; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: clamped - lineStart + 1 };
}

/** Thrown inside the walk to unwind to the first error. */
class JsonSyntaxAt {
  constructor(readonly offset: number) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** Offset of the first syntax error, -1 when the text is valid JSON, undefined when nested too deep to tell. */
export function jsonErrorOffset(text: string): number | undefined {
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxAt(i);
  };
  const skipWhitespace = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i += 1;
  };
  const string = (): void => {
    i += 1; // opening quote
    while (i < text.length) {
      const char = text[i]!;
      if (char === '"') {
        i += 1;
        return;
      }
      if (char < ' ') fail();
      if (char === '\\') {
        const escaped = text[i + 1];
        if (escaped === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          i += 6;
          continue;
        }
        if (escaped === undefined || !ESCAPES.has(escaped)) fail();
        i += 2;
        continue;
      }
      i += 1;
    }
    fail();
  };
  const sequence = (close: string, member: () => void): void => {
    i += 1; // opening bracket
    skipWhitespace();
    if (text[i] === close) {
      i += 1;
      return;
    }
    for (;;) {
      member();
      skipWhitespace();
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      if (text[i] === close) {
        i += 1;
        return;
      }
      fail();
    }
  };
  const value = (): void => {
    skipWhitespace();
    const char = text[i];
    if (char === '{') {
      return sequence('}', () => {
        skipWhitespace();
        if (text[i] !== '"') fail();
        string();
        skipWhitespace();
        if (text[i] !== ':') fail();
        i += 1;
        value();
      });
    }
    if (char === '[') return sequence(']', value);
    if (char === '"') return string();
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    NUMBER.lastIndex = i;
    if (NUMBER.test(text)) {
      i = NUMBER.lastIndex;
      return;
    }
    fail();
  };

  try {
    value();
    skipWhitespace();
    if (i < text.length) fail();
    return -1;
  } catch (error) {
    if (error instanceof JsonSyntaxAt) return error.offset;
    return undefined; // RangeError: nesting deeper than the stack
  }
}

/** `Expected ',' or '}' after property value (line 3, column 5)`: the reason plus where. */
export function describeJsonError(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const reason = message
    .replace(/\s*in JSON at position \d+.*$/s, '')
    .replace(/\s*after JSON at position \d+.*$/s, ' after the JSON value')
    .replace(/,\s*(?:\.\.\.)?".*$/s, ''); // V8 quotes the input here; it may hold a secret
  const reported = /at position (\d+)/.exec(message)?.[1];
  const offset = reported !== undefined ? Number(reported) : jsonErrorOffset(text);
  if (offset === undefined || offset < 0) return reason;
  const { line, column } = lineAndColumnAt(text, offset);
  return `${reason} at line ${line}, column ${column}`;
}

export type JsonParseResult = { ok: true; value: unknown } | { ok: false; error: string };

export function parseJson(text: string): JsonParseResult {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    return { ok: false, error: describeJsonError(error, text) };
  }
}
