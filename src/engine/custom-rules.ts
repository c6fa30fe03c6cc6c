/**
 * Custom rules from the options page: the user's own token formats (an internal API key prefix, a
 * partner's key). They run inside the same scanner as the built-in rules, on text a hostile page
 * chooses, so a custom pattern must not be able to hang it. Three layers keep it bounded:
 *
 * 1. static checks here (length caps, no unbounded or nested variable quantifiers, no
 *    backreferences, no empty match, distinctive keywords so the pattern only runs near them);
 * 2. a timed trial against pathological inputs (`trialInputs` + `runPatternTrial`), run at save time
 *    in a worker the options page can terminate — a regex cannot be interrupted from its own thread;
 * 3. the scanner itself only runs patterns in windows around keyword hits.
 *
 * Pure TypeScript like the rest of the engine: the clock is passed in.
 */
import { SEVERITIES, type Severity } from '../shared/finding.ts';
import { unboundedQuantifier } from './pattern-safety.ts';
import { Scanner } from './scanner.ts';
import type { Rule } from './types.ts';

export interface CustomRuleSpec {
  /** `custom-…`, unique among custom rules. */
  id: string;
  title: string;
  /** Regex source. The named group `secret`, when present, is the value; else the whole match. */
  pattern: string;
  caseInsensitive: boolean;
  /** Lower-case literals; the pattern runs only near them. */
  keywords: string[];
  severity: Severity;
}

export const CUSTOM_RULE_LIMITS = {
  maxRules: 50,
  maxTitleLength: 80,
  maxPatternLength: 256,
  maxKeywords: 10,
  minKeywordLength: 3,
  maxKeywordLength: 64,
  /** Total time the trial may take over every pathological input, in ms. */
  trialBudgetMs: 150,
} as const;

export const CUSTOM_RULE_PREFIX = 'custom-';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: string; field?: keyof CustomRuleSpec };

/** The pattern source tokenised just enough to see groups, quantifiers, alternation and escapes. */
function structuralProblem(source: string): string | undefined {
  // Per open group: did it contain a quantifier?
  const groups: { quantified: boolean }[] = [];
  let lastGroupQuantifiedInside: boolean | undefined;
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const next = source[i + 1] ?? '';
      if (/[1-9]/.test(next) || next === 'k') return 'backreferences are not allowed (they make matching slow)';
      i++;
      lastGroupQuantifiedInside = undefined;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      continue;
    }
    if (char === '[') {
      inClass = true;
      lastGroupQuantifiedInside = undefined;
      continue;
    }
    if (char === '(') {
      groups.push({ quantified: false });
      lastGroupQuantifiedInside = undefined;
      continue;
    }
    if (char === ')') {
      const closed = groups.pop();
      if (!closed) return 'unbalanced parenthesis';
      lastGroupQuantifiedInside = closed.quantified;
      // A quantified group makes its parent "contain a quantifier" only if it is quantified itself;
      // mark the parent now when the inner group had quantifiers.
      if (closed.quantified && groups.length > 0) groups[groups.length - 1]!.quantified = true;
      continue;
    }
    const quantifier = /^(?:\?|\{(\d+)(?:,(\d*))?\})/.exec(source.slice(i));
    if (quantifier && (char === '?' || char === '{')) {
      const min = quantifier[1] === undefined ? 0 : Number(quantifier[1]);
      const max = quantifier[1] === undefined ? 1 : quantifier[2] === undefined ? min : quantifier[2] === '' ? Infinity : Number(quantifier[2]);
      if (max > 1000) return 'quantifier bounds above 1000 are not allowed';
      if (min > max) return 'quantifier range is reversed';
      // `(?:` and lazy `??`/`}?` are not quantifiers of a group.
      const previous = source[i - 1];
      const isLazyMarker = char === '?' && (previous === '?' || previous === '}' || previous === '(');
      if (!isLazyMarker) {
        const variable = max > min && !(min === 0 && max === 1);
        if (variable && lastGroupQuantifiedInside === true && previous === ')') {
          return 'nested quantifiers such as (a{1,9}){1,9} are not allowed (they can take exponential time)';
        }
        if (groups.length > 0) groups[groups.length - 1]!.quantified = true;
      }
      i += quantifier[0].length - 1;
      lastGroupQuantifiedInside = undefined;
      continue;
    }
    lastGroupQuantifiedInside = undefined;
  }
  if (inClass) return 'unterminated character class';
  if (groups.length > 0) return 'unbalanced parenthesis';
  return undefined;
}

/** Lower-cased, trimmed, de-duplicated keywords, or the reason they cannot be used. */
export function normalizeKeywords(keywords: readonly string[]): Checked<string[]> {
  const cleaned = [...new Set(keywords.map((keyword) => keyword.trim().toLowerCase()).filter(Boolean))];
  if (cleaned.length === 0) return { ok: false, field: 'keywords', error: 'at least one keyword is needed: the pattern only runs near its keywords' };
  if (cleaned.length > CUSTOM_RULE_LIMITS.maxKeywords) return { ok: false, field: 'keywords', error: `at most ${CUSTOM_RULE_LIMITS.maxKeywords} keywords` };
  for (const keyword of cleaned) {
    if (keyword.length < CUSTOM_RULE_LIMITS.minKeywordLength) {
      return { ok: false, field: 'keywords', error: `keyword "${keyword}" is too short: use a distinctive prefix of at least ${CUSTOM_RULE_LIMITS.minKeywordLength} characters` };
    }
    if (keyword.length > CUSTOM_RULE_LIMITS.maxKeywordLength) return { ok: false, field: 'keywords', error: `keyword "${keyword.slice(0, 20)}…" is longer than ${CUSTOM_RULE_LIMITS.maxKeywordLength} characters` };
  }
  return { ok: true, value: cleaned };
}

/** Static checks on a pattern: the reason it is refused, or undefined when it may go to the trial. */
export function patternProblem(pattern: string, caseInsensitive = false): string | undefined {
  if (pattern.length === 0) return 'the pattern is empty';
  if (pattern.length > CUSTOM_RULE_LIMITS.maxPatternLength) return `the pattern is longer than ${CUSTOM_RULE_LIMITS.maxPatternLength} characters`;
  let regex: RegExp;
  try {
    regex = new RegExp(pattern, caseInsensitive ? 'i' : '');
  } catch (error) {
    return `not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`;
  }
  const unbounded = unboundedQuantifier(pattern);
  if (unbounded) return unbounded;
  const structural = structuralProblem(pattern);
  if (structural) return structural;
  if (regex.test('')) return 'the pattern matches the empty string';
  return undefined;
}

/** Full validation of a spec as it arrives from the options page (or from storage). */
export function validateCustomRule(input: unknown): Checked<CustomRuleSpec> {
  if (input === null || typeof input !== 'object') return { ok: false, error: 'not a rule' };
  const raw = input as Record<string, unknown>;
  const title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (!title) return { ok: false, field: 'title', error: 'a title is needed' };
  if (title.length > CUSTOM_RULE_LIMITS.maxTitleLength) return { ok: false, field: 'title', error: `the title is longer than ${CUSTOM_RULE_LIMITS.maxTitleLength} characters` };
  if (typeof raw.pattern !== 'string') return { ok: false, field: 'pattern', error: 'a pattern is needed' };
  const caseInsensitive = raw.caseInsensitive === true;
  const problem = patternProblem(raw.pattern, caseInsensitive);
  if (problem) return { ok: false, field: 'pattern', error: problem };
  if (!Array.isArray(raw.keywords) || !raw.keywords.every((keyword) => typeof keyword === 'string')) {
    return { ok: false, field: 'keywords', error: 'keywords must be a list of strings' };
  }
  const keywords = normalizeKeywords(raw.keywords as string[]);
  if (!keywords.ok) return keywords;
  if (typeof raw.severity !== 'string' || !(SEVERITIES as readonly string[]).includes(raw.severity)) {
    return { ok: false, field: 'severity', error: `severity must be one of ${SEVERITIES.join(', ')}` };
  }
  const id = typeof raw.id === 'string' && /^custom-[a-z0-9-]{1,60}$/.test(raw.id) ? raw.id : customRuleId(title, []);
  return { ok: true, value: { id, title, pattern: raw.pattern, caseInsensitive, keywords: keywords.value, severity: raw.severity as Severity } };
}

/** `custom-<slug>`, made unique against `taken`. */
export function customRuleId(title: string, taken: readonly string[]): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 48) || 'rule';
  let id = `${CUSTOM_RULE_PREFIX}${slug}`;
  for (let n = 2; taken.includes(id); n++) id = `${CUSTOM_RULE_PREFIX}${slug}-${n}`;
  return id;
}

/** An engine rule from a validated spec. */
export function compileCustomRule(spec: CustomRuleSpec): Rule {
  return {
    id: spec.id,
    title: spec.title,
    provider: 'Custom rule',
    category: 'generic',
    keywords: spec.keywords,
    pattern: new RegExp(spec.pattern, spec.caseInsensitive ? 'i' : ''),
    severity: spec.severity,
    exposure: 'secret',
    description: `Matched your custom rule "${spec.title}". A credential delivered to the browser can be read by anyone who opens the app.`,
    remediation:
      'Keep the credential on the server (call the provider from your backend, or issue a short-lived, narrowly scoped token), rotate the exposed value, and remove it from the bundle, storage or request.',
    samples: { positives: [], negatives: [] },
  };
}

/**
 * Inputs that make backtracking patterns slow: long runs of the characters the pattern and its
 * keywords use, right after a keyword (so the scanner's keyword window covers them) and dense
 * keyword repetition (so the windows merge into one long slice).
 */
export function trialInputs(spec: Pick<CustomRuleSpec, 'pattern' | 'keywords'>): string[] {
  const alphabet = new Set<string>(['a', 'A', '0', '-', '_', '=', '"', ' ', '.', '/']);
  for (const char of spec.pattern + spec.keywords.join('')) {
    if (alphabet.size >= 24) break;
    if (/[\x21-\x7e]/.test(char) && !'\\()[]{}|?*+^$'.includes(char)) alphabet.add(char);
  }
  const keyword = spec.keywords[0] ?? '';
  const inputs: string[] = [];
  const chars = [...alphabet];
  for (const char of chars) inputs.push(`${keyword}${char.repeat(1500)}\u0001`);
  for (let i = 0; i + 1 < chars.length; i += 2) inputs.push(`${keyword}${(chars[i]! + chars[i + 1]!).repeat(750)}\u0001`);
  inputs.push(`${keyword} `.repeat(Math.ceil(2000 / (keyword.length + 1))));
  inputs.push(`${keyword}${'a'.repeat(40)} `.repeat(50));
  return inputs;
}

export interface TrialResult {
  ok: boolean;
  /** Time taken over every input. */
  elapsedMs: number;
  /** Matches found in the trial inputs (a pattern matching everything is suspicious, not fatal). */
  matches: number;
  error?: string;
}

/**
 * Runs the rule the way the scanner does over every pathological input; stops early once over budget.
 * The caller runs this where it can be killed (a worker) and treats "no answer in time" as a failure.
 */
export function runPatternTrial(spec: CustomRuleSpec, now: () => number, budgetMs: number = CUSTOM_RULE_LIMITS.trialBudgetMs): TrialResult {
  const scanner = new Scanner([compileCustomRule(spec)]);
  const started = now();
  let matches = 0;
  for (const input of trialInputs(spec)) {
    matches += scanner.findMatches(input, { decodeDepth: 0 }).length;
    const elapsedMs = now() - started;
    if (elapsedMs > budgetMs) {
      return { ok: false, elapsedMs, matches, error: `the pattern is too slow on pathological input (over ${budgetMs} ms): simplify it or tighten its ranges` };
    }
  }
  return { ok: true, elapsedMs: now() - started, matches };
}
