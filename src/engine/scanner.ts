/**
 * The scanner: one keyword pass (which also finds the base64 candidates for the decoding stage), each
 * rule's bounded pattern only in windows around its keyword hits, full-text confirmation of every
 * windowed match, entropy gates and validators, overlap resolution (a specific rule beats a generic
 * one), then decoded segments scanned again up to a depth limit.
 * It returns redacted findings: the raw value never leaves this module except as a hash.
 */
import type { Finding } from '../shared/finding.ts';
import { BASE64_RUNS, findEncodedSegments, type DecodedSegment } from './decode.ts';
import { shannonEntropy } from './entropy.ts';
import { KeywordIndex } from './keyword-index.ts';
import { maskSecret } from './redact.ts';
import { capByExposure } from './severity.ts';
import { secretHash, sha256Hex } from './sha256.ts';
import { TextPositions } from './text-position.ts';
import type { Rule, ScanOptions, ScanOrigin, ValidationResult } from './types.ts';

/** A confirmed match, still holding the raw value: internal to the engine. */
export interface RawMatch {
  rule: Rule;
  /** Offsets of the secret in the scanned text. */
  start: number;
  end: number;
  secret: string;
  validation: ValidationResult | undefined;
  /** Set when found inside a decoded segment. */
  encoding?: string;
}

/** Largest distance between a keyword hit and either end of a match (rules may not match wider). */
const DEFAULT_WINDOW = 320;
const DEFAULT_DECODE_DEPTH = 2;
const DEFAULT_MAX_DECODE_BYTES = 16 * 1024 * 1024;
/** Between decoded segments scanned together: a line break and a NUL, which no secret contains. */
const SEGMENT_SEPARATOR = '\n\u0000\n';

/** Index of the last element of the sorted `values` that is <= `target` (values[0] is 0). */
function lastIndexAtOrBefore(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (values[mid]! <= target) low = mid;
    else high = mid - 1;
  }
  return low;
}

interface CompiledRule {
  rule: Rule;
  /** Global regex, run inside windows. */
  windowed: RegExp;
  /** Sticky regex, confirms a windowed match against the full text at the same offset. */
  sticky: RegExp;
  window: number;
}

export class Scanner {
  readonly rules: readonly Rule[];
  private readonly compiled: CompiledRule[];
  private readonly keywordIndex: KeywordIndex;
  /** keyword id → indices of the rules that listed it */
  private readonly rulesByKeyword: number[][];

  /**
   * `options.keywordKernel`: 'js' keeps the keyword pass in JavaScript even where WebAssembly is
   * available (tests compare the two; the bench shows the fallback's speed). Findings are the same.
   */
  constructor(rules: readonly Rule[], options: { keywordKernel?: 'auto' | 'js' } = {}) {
    this.rules = rules;
    this.compiled = rules.map((rule) => {
      const flags = rule.pattern.flags.replace(/[gyd]/g, '');
      return {
        rule,
        windowed: new RegExp(rule.pattern.source, `${flags}g`),
        sticky: new RegExp(rule.pattern.source, `${flags}y`),
        window: rule.maxLength ?? DEFAULT_WINDOW,
      };
    });
    const keywordIds = new Map<string, number>();
    const rulesByKeyword: number[][] = [];
    rules.forEach((rule, ruleIndex) => {
      for (const keyword of rule.keywords) {
        const lower = keyword.toLowerCase();
        let id = keywordIds.get(lower);
        if (id === undefined) {
          id = keywordIds.size;
          keywordIds.set(lower, id);
          rulesByKeyword.push([]);
        }
        if (!rulesByKeyword[id]!.includes(ruleIndex)) rulesByKeyword[id]!.push(ruleIndex);
      }
    });
    this.keywordIndex = new KeywordIndex([...keywordIds.keys()], { runs: BASE64_RUNS, kernel: options.keywordKernel ?? 'auto' });
    this.rulesByKeyword = rulesByKeyword;
  }

  /** Which loop runs the keyword pass: 'wasm', or 'js' where WebAssembly is unavailable or declined. */
  get keywordKernel(): 'wasm' | 'js' {
    return this.keywordIndex.kernelKind;
  }

  /** Raw matches in `text`, including those inside decoded segments. Engine-internal. */
  findMatches(text: string, options: ScanOptions = {}, depth = options.decodeDepth ?? DEFAULT_DECODE_DEPTH): RawMatch[] {
    const maxDecodeBytes = options.maxDecodeBytes ?? DEFAULT_MAX_DECODE_BYTES;
    const decode = depth > 0 && text.length <= maxDecodeBytes;
    // The base64 candidates are found in the keyword pass's bytes: one read of the text for both.
    const base64Runs: number[] | undefined = decode ? [] : undefined;
    const matches = resolveOverlaps(this.matchRules(text, options.ruleIds, base64Runs));
    if (decode) {
      const segments = findEncodedSegments(text, base64Runs);
      if (segments.length > 0) this.addDecodedMatches(segments, matches, options, depth);
    }
    return matches.sort((a, b) => a.start - b.start || a.rule.id.localeCompare(b.rule.id));
  }

  /**
   * Scans every decoded segment of a text in one pass: the segments are joined with a separator no
   * match may span, so a bundle with thousands of small escape runs costs one scan, not thousands.
   * Findings are placed at their encoded segment (the decoded text has its own offsets).
   */
  private addDecodedMatches(segments: readonly DecodedSegment[], matches: RawMatch[], options: ScanOptions, depth: number): void {
    const starts: number[] = [];
    let combined = '';
    for (const segment of segments) {
      starts.push(combined.length);
      combined += segment.decoded + SEGMENT_SEPARATOR;
    }
    const seen = new Set(matches.map((match) => `${match.rule.id}\u0000${match.secret}`));
    for (const inner of this.findMatches(combined, options, depth - 1)) {
      const index = lastIndexAtOrBefore(starts, inner.start);
      const segment = segments[index]!;
      // A match that runs into the separator joined two unrelated segments: not a real match.
      if (inner.end > starts[index]! + segment.decoded.length) continue;
      const key = `${inner.rule.id}\u0000${inner.secret}`;
      if (seen.has(key)) continue;
      seen.add(key);
      matches.push({
        ...inner,
        start: segment.start,
        end: segment.start + segment.length,
        encoding: inner.encoding ? `${segment.encoding}+${inner.encoding}` : segment.encoding,
      });
    }
  }

  private matchRules(text: string, onlyRuleIds: ReadonlySet<string> | undefined, base64Runs: number[] | undefined): RawMatch[] {
    // Keyword hits per rule, in text order.
    const hitsByRule: (number[] | undefined)[] = new Array(this.compiled.length);
    const rulesByKeyword = this.rulesByKeyword;
    this.keywordIndex.scan(
      text,
      (keyword, start) => {
        for (const ruleIndex of rulesByKeyword[keyword]!) (hitsByRule[ruleIndex] ??= []).push(start);
      },
      base64Runs,
    );

    const matches: RawMatch[] = [];
    for (let ruleIndex = 0; ruleIndex < hitsByRule.length; ruleIndex++) {
      const hits = hitsByRule[ruleIndex];
      if (!hits) continue;
      const compiled = this.compiled[ruleIndex]!;
      if (onlyRuleIds && !onlyRuleIds.has(compiled.rule.id)) continue;
      this.matchInWindows(text, compiled, hits, matches);
    }
    return matches;
  }

  private matchInWindows(text: string, compiled: CompiledRule, hits: number[], into: RawMatch[]): void {
    const { rule, windowed, sticky, window } = compiled;
    // Hits from several keywords of one rule can arrive out of order.
    if (hits.length > 1) hits.sort((a, b) => a - b);
    const confirmedStarts = new Set<number>();
    let windowStart = -1;
    let windowEnd = -1;
    const flush = () => {
      if (windowEnd <= windowStart) return;
      const slice = text.slice(windowStart, windowEnd);
      windowed.lastIndex = 0;
      let match: RegExpExecArray | null;
      while ((match = windowed.exec(slice)) !== null) {
        if (match[0].length === 0) {
          windowed.lastIndex++;
          continue;
        }
        const absolute = windowStart + match.index;
        if (confirmedStarts.has(absolute)) continue;
        // The window may have cut the match short or hidden context a lookbehind needs: confirm on
        // the full text at the same offset, and use the full-text match.
        sticky.lastIndex = absolute;
        const full = sticky.exec(text);
        if (full === null) {
          // Not a match in context; a real one may start inside it.
          windowed.lastIndex = match.index + 1;
          continue;
        }
        confirmedStarts.add(absolute);
        const accepted = acceptMatch(rule, text, full, absolute);
        if (accepted) into.push(accepted);
      }
    };
    for (const hit of hits) {
      const start = Math.max(0, hit - window);
      const end = Math.min(text.length, hit + window);
      if (start <= windowEnd) {
        windowEnd = Math.max(windowEnd, end);
      } else {
        flush();
        windowStart = start;
        windowEnd = end;
      }
    }
    flush();
  }
}

function acceptMatch(rule: Rule, text: string, match: RegExpExecArray, matchStart: number): RawMatch | undefined {
  const secret = match.groups?.secret ?? match[0];
  if (!secret) return undefined;
  const offsetInMatch = match.groups?.secret === undefined ? 0 : Math.max(0, match[0].indexOf(secret));
  const start = matchStart + offsetInMatch;
  if (rule.minEntropy !== undefined && shannonEntropy(secret) < rule.minEntropy) return undefined;
  let validation: ValidationResult | undefined;
  if (rule.validate) {
    validation = rule.validate(secret, { text, index: start, match });
    if (validation.verdict === 'invalid') return undefined;
  }
  return { rule, start, end: start + secret.length, secret, validation };
}

/**
 * Overlapping matches: a generic rule loses to any specific rule whose secret overlaps it; two generic
 * matches on overlapping spans keep the longer; two specific rules on the very same span keep the
 * first registered (rule order is the priority order within the registry).
 */
export function resolveOverlaps(matches: RawMatch[]): RawMatch[] {
  if (matches.length < 2) return matches;
  const specific = matches.filter((match) => !match.rule.generic);
  const generic = matches.filter((match) => match.rule.generic);
  const overlaps = (a: RawMatch, b: RawMatch) => a.start < b.end && b.start < a.end;

  const keptSpecific: RawMatch[] = [];
  const spans = new Set<string>();
  for (const match of specific) {
    const span = `${match.start}:${match.end}`;
    if (spans.has(span)) continue;
    spans.add(span);
    keptSpecific.push(match);
  }

  generic.sort((a, b) => b.end - b.start - (a.end - a.start));
  const keptGeneric: RawMatch[] = [];
  for (const match of generic) {
    if (keptSpecific.some((other) => overlaps(match, other))) continue;
    if (keptGeneric.some((other) => overlaps(match, other))) continue;
    keptGeneric.push(match);
  }
  return [...keptSpecific, ...keptGeneric];
}

/** Default identity for de-duplication: the place, without line numbers (those move between builds). */
export function defaultIdentity(origin: ScanOrigin): string {
  const { url, file, keyPath, jsonPath, header, parameter } = origin.location;
  return [url ?? file ?? '', keyPath ?? '', jsonPath ?? '', header ?? '', parameter ?? ''].join('\u0000');
}

/** Stable across pages and runs, never reversible to the value: rule + source + place + value, hashed. */
export function makeFingerprint(ruleId: string, source: string, identity: string, secret: string): string {
  return sha256Hex(`leaklens/v1\u0000${ruleId}\u0000${source}\u0000${identity}\u0000${secret}`).slice(0, 32);
}

/** Turns raw matches into findings: positions, masked preview, hashes, severity. */
export function toFindings(text: string, matches: readonly RawMatch[], origin: ScanOrigin): Finding[] {
  const positions = new TextPositions(text);
  const identity = origin.identity ?? defaultIdentity(origin);
  const findings: Finding[] = [];
  const emitted = new Set<string>();
  for (const match of matches) {
    const fingerprint = makeFingerprint(match.rule.id, origin.source, identity, match.secret);
    // The same value twice in one text is one finding (the first place it appears).
    if (emitted.has(fingerprint)) continue;
    emitted.add(fingerprint);
    findings.push(toFinding(match, origin, positions, fingerprint));
  }
  return findings;
}

function toFinding(match: RawMatch, origin: ScanOrigin, positions: TextPositions, fingerprint: string): Finding {
  const { rule, validation } = match;
  const exposure = validation?.exposure ?? rule.exposure;
  const severity = capByExposure(validation?.severity ?? rule.severity, exposure);
  const { line, column } = positions.at(match.start);
  const details = { ...(validation?.details ?? {}) };
  if (match.encoding) details.encoding = match.encoding;
  const finding: Finding = {
    ruleId: rule.id,
    title: validation?.title ?? rule.title,
    severity,
    source: origin.source,
    location: { ...origin.location, line, column },
    preview: maskSecret(match.secret),
    fingerprint,
    secretHash: secretHash(match.secret),
    exposure,
    verification: validation?.verdict === 'valid' ? 'verified' : 'pattern',
    description: validation?.note ? `${rule.description} ${validation.note}` : rule.description,
    remediation: rule.remediation,
  };
  if (Object.keys(details).length > 0) finding.details = details;
  return finding;
}
