/**
 * Types of the pure detection engine. No browser APIs, no DOM, no console, no network: text in,
 * findings out. See DESIGN.md.
 */
import type { Exposure, FindingDetails, FindingLocation, FindingSource, Severity } from '../shared/finding.ts';

export type RuleCategory =
  | 'cloud'
  | 'source-control'
  | 'payment'
  | 'ai'
  | 'messaging'
  | 'email'
  | 'database'
  | 'observability'
  | 'ci-cd'
  | 'package-registry'
  | 'private-key'
  | 'jwt'
  | 'connection-string'
  | 'saas'
  | 'generic';

/** What a validator concluded about one match. */
export interface ValidationResult {
  /**
   * 'valid': the structure check passed (checksum, decodable JWT, PEM…) → verification 'verified'.
   * 'invalid': the structure is wrong → the match is dropped (a false positive).
   * 'unknown': nothing could be checked → verification 'pattern'.
   */
  verdict: 'valid' | 'invalid' | 'unknown';
  /** Override the rule's exposure (e.g. a test-mode key, a documented example, a Supabase anon JWT). */
  exposure?: Exposure;
  /** Override the rule's severity (before exposure capping). */
  severity?: Severity;
  /** Override the title (e.g. "Supabase service_role JWT"). */
  title?: string;
  /** Extra facts to show: decoded account id, JWT alg/exp/iss, key type… Never secret material. */
  details?: FindingDetails;
  /** Extra note appended to the description (why this particular match matters more or less). */
  note?: string;
}

export interface MatchContext {
  /** The full text being scanned (read only). */
  text: string;
  /** Offset of the secret in `text`. */
  index: number;
  /** The whole regex match (may be wider than the secret). */
  match: RegExpExecArray;
}

/**
 * A sample for the rule's own tests. Positives are templates expanded at test time (see
 * `test/support/sample-generator.ts`): `{{alnum:24}}`, `{{hex:40}}`, `{{base64:40}}`, … so the
 * repository never holds a live-looking credential. A function gets the generator for anything the
 * template language cannot say (checksummed tokens, signed JWTs).
 */
export type SampleTemplate = string | ((gen: SampleGenerator) => string);

export interface SampleGenerator {
  /** Expand a template string. */
  expand(template: string): string;
  /** `length` characters from `alphabet`, deterministic per generator seed. */
  chars(alphabet: string, length: number): string;
  alnum(length: number): string;
  hex(length: number): string;
  base64(length: number): string;
  base64url(length: number): string;
  digits(length: number): string;
}

export interface RuleSamples {
  /** Each must produce at least one finding of this rule. */
  positives: SampleTemplate[];
  /** Each must produce no finding of this rule. */
  negatives: SampleTemplate[];
}

export interface Rule {
  /** kebab-case, unique, e.g. `stripe-secret-key`. */
  id: string;
  title: string;
  /** Provider or family name, e.g. `Stripe`. */
  provider: string;
  category: RuleCategory;
  /**
   * Lower-case literals; the rule's pattern runs only in windows around a keyword hit. Every
   * positive sample must contain at least one keyword (meta-test). Prefer distinctive prefixes
   * (`sk_live_`, `ghp_`) over words.
   */
  keywords: string[];
  /**
   * Bounded pattern (no unbounded `.*`, every quantifier with an upper bound). Flags: the scanner adds
   * `g` (and keeps `i`, `m`, `s`, `u` as given). The secret is the named group `secret`, or the whole
   * match when absent.
   */
  pattern: RegExp;
  /**
   * Longest distance from a keyword hit to either end of a match; the pattern runs in windows of this
   * radius around each hit. Default 320; private-key blocks need more.
   */
  maxLength?: number;
  /** Shannon entropy gate (bits per char) on the secret; skip low-entropy strings like `xxxxxxxx`. */
  minEntropy?: number;
  /** Offline structure check. Must be pure and fast. */
  validate?: (secret: string, context: MatchContext) => ValidationResult;
  severity: Severity;
  exposure: Exposure;
  /** Why it matters. */
  description: string;
  /** How to fix it. */
  remediation: string;
  /**
   * Generic rules (assignment heuristics) lose to any specific rule on an overlapping span.
   * Specific provider rules leave this unset.
   */
  generic?: boolean;
  samples: RuleSamples;
}

/** Where a text came from, given by the caller; the engine fills in line/column. */
export interface ScanOrigin {
  source: FindingSource;
  location: FindingLocation;
  /**
   * What makes two sightings "the same place" for de-duplication. Defaults to url/file + keyPath +
   * header + parameter. A request inspector passes e.g. host + parameter name so the same token in 50
   * requests is one finding.
   */
  identity?: string;
}

export interface ScanOptions {
  /** Only run these rule ids (default: all enabled). */
  ruleIds?: ReadonlySet<string>;
  /** Max depth for decoding nested encodings (percent, escapes, base64). Default 2. */
  decodeDepth?: number;
  /** Texts longer than this are scanned in full but decoding passes are skipped. */
  maxDecodeBytes?: number;
}

export type { Exposure, FindingDetails, FindingLocation, FindingSource, Severity };
