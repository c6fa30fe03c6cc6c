/**
 * Placeholder detection shared by every rule family: documentation and configuration templates are
 * full of values that look like a credential's shape but are not one (`your_api_key`, `<token>`,
 * `${API_KEY}`, `sk_live_xxxxxxxxxxxx`, `1234567890abcdef`, `REDACTED`). Reporting them is the noise
 * users complain about most, so rules drop them.
 *
 * Stable API (other rule families import it):
 * - `isPlaceholder(value)`: true when the value is a template, a reference or a filler.
 * - `placeholderReason(value)`: the reason (for tests and debugging), or undefined.
 * - `rejectPlaceholders(validate?)`: a `Rule['validate']` that returns verdict 'invalid' for
 *   placeholders and otherwise defers to `validate` (or returns 'unknown').
 *
 * Tuned for token-sized values (up to a few hundred characters). Do not feed it long base64 of binary
 * data (PEM bodies, macaroons): runs like `AAAAAA` are normal there.
 */
import type { MatchContext, ValidationResult } from '../types.ts';

export type Validator = (secret: string, context: MatchContext) => ValidationResult;

/**
 * Words that never occur in a real credential by chance. Matched case-insensitively, but only where
 * the occurrence is in one case (`example`, `EXAMPLE`, not `ExAmPlE`): a mixed-case random token
 * spells a five-letter word by chance about once in a hundred thousand.
 */
const FILLER_WORDS = [
  'example',
  'changeme',
  'change_me',
  'change-me',
  'dummy',
  'redacted',
  'placeholder',
  'sample',
  'your_',
  'your-',
  'yourapi',
  'yourkey',
  'yourtoken',
  'yoursecret',
  'yourpassword',
  'my_api_key',
  'myapikey',
  'replace_me',
  'replaceme',
  'replace-me',
  'insert_',
  'insert-',
  'insertyour',
  'notreal',
  'not_real',
  'not-a-real',
  'fake_',
  'fakekey',
  'faketoken',
  'fakesecret',
  '_here',
  '-here',
  'foobar',
  'secretkey',
  'apikeyhere',
  'tokenhere',
  'qwerty',
  'asdfgh',
];

/** References and template syntax: the value is where a secret would be injected, not the secret. */
const TEMPLATE_PATTERNS: readonly [RegExp, string][] = [
  [/\$\{[^}]{0,200}\}/, 'template ${…}'],
  [/\{\{[^}]{0,200}\}\}/, 'template {{…}}'],
  [/<[^<>]{1,200}>/, 'angle-bracket placeholder'],
  [/%\([A-Za-z_]{1,64}\)s|%s\b/, 'format placeholder'],
  [/\bprocess\.env\b|\bimport\.meta\.env\b|\bDeno\.env\b|\bos\.environ\b|\bgetenv\(/, 'environment reference'],
  [/\.\.\.|…/, 'elided value'],
  [/\*{3,}|•{3,}|#{4,}/, 'masked value'],
  [/^\$[A-Z_][A-Z0-9_]{1,64}$|^\$\{?[A-Za-z_][A-Za-z0-9_]{0,64}\}?$/, 'shell variable'],
];

/** A run of 6+ identical characters (x-fills, 000000) is never chance in a token-sized value. */
function hasRepeatedRun(value: string, minRun = 6): boolean {
  let run = 1;
  for (let i = 1; i < value.length; i++) {
    run = value[i] === value[i - 1] ? run + 1 : 1;
    if (run >= minRun) return true;
  }
  return false;
}

/** The whole value (after an optional provider prefix) filled with one character: `xxxxxxxxxxxx`. */
function isFill(value: string): boolean {
  const body = value.replace(/^[A-Za-z]{1,12}[_-](?:[A-Za-z]{1,12}[_-])?/, '');
  if (body.length < 4) return false;
  return /^(.)\1+$/i.test(body);
}

/** Six characters ascending or descending by one code point: `123456`, `abcdef`, `987654`. */
function hasStraightSequence(value: string, minLength = 6): boolean {
  let up = 1;
  let down = 1;
  for (let i = 1; i < value.length; i++) {
    const prev = value.charCodeAt(i - 1);
    const cur = value.charCodeAt(i);
    const sameClass = classOf(prev) !== 0 && classOf(prev) === classOf(cur);
    up = sameClass && cur === prev + 1 ? up + 1 : 1;
    down = sameClass && cur === prev - 1 ? down + 1 : 1;
    if (up >= minLength || down >= minLength) return true;
  }
  return false;
}

function classOf(code: number): number {
  if (code >= 48 && code <= 57) return 1;
  if (code >= 65 && code <= 90) return 2;
  if (code >= 97 && code <= 122) return 3;
  return 0;
}

/** A short unit repeated over at least 12 characters: `abababababab`, `abcabcabcabc`, `12341234…`. */
function hasShortPeriod(value: string, span = 12): boolean {
  for (let period = 2; period <= 4; period++) {
    let run = 0;
    for (let i = period; i < value.length; i++) {
      run = value[i] === value[i - period] ? run + 1 : 0;
      if (run + period >= span) return true;
    }
  }
  return false;
}

function containsWordInOneCase(value: string, lower: string, word: string): boolean {
  let at = lower.indexOf(word);
  while (at >= 0) {
    const original = value.slice(at, at + word.length);
    if (original === word || original === word.toUpperCase()) return true;
    at = lower.indexOf(word, at + 1);
  }
  return false;
}

export function placeholderReason(value: string): string | undefined {
  if (!value) return 'empty';
  const lower = value.toLowerCase();
  for (const word of FILLER_WORDS) if (containsWordInOneCase(value, lower, word)) return `filler word "${word}"`;
  for (const [pattern, reason] of TEMPLATE_PATTERNS) if (pattern.test(value)) return reason;
  if (isFill(value)) return 'single-character fill';
  if (hasRepeatedRun(value)) return 'repeated characters';
  if (hasStraightSequence(value)) return 'straight sequence';
  if (hasShortPeriod(value)) return 'repeating pattern';
  return undefined;
}

export function isPlaceholder(value: string): boolean {
  return placeholderReason(value) !== undefined;
}

/**
 * Wrap a validator so placeholders are dropped before it runs. Without `validate`, non-placeholders get
 * verdict 'unknown' (the pattern alone decided).
 */
export function rejectPlaceholders(validate?: Validator): Validator {
  return (secret, context) => {
    if (isPlaceholder(secret)) return { verdict: 'invalid' };
    return validate ? validate(secret, context) : { verdict: 'unknown' };
  };
}
