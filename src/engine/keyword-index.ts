/**
 * One pass over the text for every rule keyword at once: an Aho-Corasick automaton compiled to a dense
 * DFA over ASCII, so the inner loop is one table lookup per character. Case folding is built into the
 * table (upper-case columns copy the lower-case ones), entries hold the next state's row offset, and a
 * negative entry marks a state where keywords end: the common path is a load, a compare and a branch.
 * Non-ASCII characters reset to the root: no keyword contains one.
 *
 * This is the engine's prefilter (gitleaks and trufflehog do the same): rule patterns then run only in
 * small windows around the hits, so the cost of 200+ rules is close to the cost of one scan.
 */

const ALPHABET = 128;

export interface KeywordHit {
  /** Index of the keyword in the list given to the constructor. */
  keyword: number;
  /** Offset of the keyword's first character in the text. */
  start: number;
}

export class KeywordIndex {
  readonly keywords: readonly string[];
  /**
   * table[state * ALPHABET + code] = next * ALPHABET, negated when keywords end in `next` (state 0, the
   * root, never has outputs, so 0 is never negated). Failure links and case folding are folded in.
   */
  private readonly table: Int32Array;
  /** For each state, the keyword ids that end there (its own plus those of its failure chain). */
  private readonly outputs: ReadonlyArray<readonly number[] | undefined>;

  constructor(keywords: readonly string[]) {
    this.keywords = keywords.map((keyword) => keyword.toLowerCase());
    for (const keyword of this.keywords) {
      if (keyword.length === 0) throw new Error('empty keyword');
      for (let i = 0; i < keyword.length; i++) {
        if (keyword.charCodeAt(i) >= ALPHABET) throw new Error(`keyword must be ASCII: ${JSON.stringify(keyword)}`);
      }
    }

    // Trie.
    const goto: number[][] = [[]];
    const own: number[][] = [[]];
    this.keywords.forEach((keyword, id) => {
      let state = 0;
      for (let i = 0; i < keyword.length; i++) {
        const code = keyword.charCodeAt(i);
        let next = goto[state]![code];
        if (next === undefined) {
          next = goto.length;
          goto.push([]);
          own.push([]);
          goto[state]![code] = next;
        }
        state = next;
      }
      own[state]!.push(id);
    });

    // Breadth-first: failure links, then the full transition table.
    const stateCount = goto.length;
    const delta = new Int32Array(stateCount * ALPHABET);
    const failure = new Int32Array(stateCount);
    const outputs: (number[] | undefined)[] = new Array(stateCount);
    const queue: number[] = [];
    for (let code = 0; code < ALPHABET; code++) {
      const next = goto[0]![code];
      if (next !== undefined) {
        delta[code] = next;
        failure[next] = 0;
        queue.push(next);
      }
    }
    outputs[0] = undefined;
    for (let head = 0; head < queue.length; head++) {
      const state = queue[head]!;
      const inherited = outputs[failure[state]!];
      const mine = own[state]!;
      outputs[state] = mine.length || inherited ? [...mine, ...(inherited ?? [])] : undefined;
      for (let code = 0; code < ALPHABET; code++) {
        const next = goto[state]![code];
        if (next !== undefined) {
          failure[next] = delta[failure[state]! * ALPHABET + code]!;
          delta[state * ALPHABET + code] = next;
          queue.push(next);
        } else {
          delta[state * ALPHABET + code] = delta[failure[state]! * ALPHABET + code]!;
        }
      }
    }
    const table = new Int32Array(stateCount * ALPHABET);
    for (let state = 0; state < stateCount; state++) {
      const row = state * ALPHABET;
      for (let code = 0; code < ALPHABET; code++) {
        // Upper-case letters take the lower-case transitions (keywords are lower-cased).
        const from = code >= 65 && code <= 90 ? code + 32 : code;
        const next = delta[row + from]!;
        table[row + code] = outputs[next] === undefined ? next * ALPHABET : -(next * ALPHABET);
      }
    }
    this.table = table;
    this.outputs = outputs;
  }

  /** Calls `onHit` for every keyword occurrence, case-insensitively. */
  scan(text: string, onHit: (keyword: number, start: number) => void): void {
    const table = this.table;
    const outputs = this.outputs;
    const keywords = this.keywords;
    let row = 0;
    for (let i = 0, length = text.length; i < length; i++) {
      const code = text.charCodeAt(i);
      if (code >= ALPHABET) {
        row = 0;
        continue;
      }
      const next = table[row + code]!;
      if (next >= 0) {
        row = next;
        continue;
      }
      row = -next;
      for (const keyword of outputs[row / ALPHABET]!) onHit(keyword, i - keywords[keyword]!.length + 1);
    }
  }
}
