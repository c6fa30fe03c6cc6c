/**
 * Static checks that keep patterns from running away. JavaScript regexes backtrack, so a pattern with
 * an unbounded quantifier can take quadratic or exponential time on hostile input (a page chooses what
 * we scan). Every built-in pattern is bounded; custom rules from the options page go through the same
 * check before they are accepted.
 */

/** The pattern source with escapes and character classes blanked out, so `[+*]` is not a quantifier. */
function stripLiterals(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      i++;
      out += '_';
      continue;
    }
    if (inClass) {
      if (char === ']') {
        inClass = false;
        out += '_';
      }
      continue;
    }
    if (char === '[') {
      inClass = true;
      continue;
    }
    out += char;
  }
  return out;
}

/** Returns a reason when the pattern has an unbounded quantifier (`*`, `+`, `{n,}`), else undefined. */
export function unboundedQuantifier(source: string): string | undefined {
  const structure = stripLiterals(source);
  const found = /[*+]|\{\d+,\}/.exec(structure);
  if (!found) return undefined;
  return `unbounded quantifier "${found[0]}" — use a bounded range such as {1,256}`;
}
