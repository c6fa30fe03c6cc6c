/**
 * One engine pass over many small texts. A request has a dozen short values worth scanning (query
 * parameters, path segments, header values, body fields); `scanText` on each costs several
 * microseconds of fixed overhead, which is the whole per-request budget. Joining them with a separator
 * no pattern crosses and scanning once gives each segment its findings back, with that segment's own
 * origin (source, location, identity), as if it had been scanned alone.
 */
import type { Finding } from '../../shared/finding.ts';
import { getActiveScanner } from '../index.ts';
import { pairAwsCredentials } from '../pairing.ts';
import { adjustForPlacement } from '../placement.ts';
import { toFindings, type RawMatch } from '../scanner.ts';
import type { ScanOptions, ScanOrigin } from '../types.ts';
import { cloneFinding, LruMemo } from './memo.ts';

export interface Segment {
  text: string;
  origin: ScanOrigin;
}

/**
 * NUL cannot occur in headers or decoded URL values in practice, is not whitespace (so `\s*` between a
 * key and its value cannot bridge two segments) and is outside every value character class the rules
 * and decoders use; the newlines keep line-anchored patterns honest.
 */
const SEPARATOR = '\n\u0000\n';

/**
 * Segments that produced findings, by text and origin: the same Authorization header on every API call
 * is recognised once (a JWT costs a decode and two hashes). Scanner-specific: settings that change the
 * rules start a fresh memo.
 */
let memo = new LruMemo<Finding[]>(512);
/** Texts that produced nothing (by text alone: whether a value is a secret does not depend on where it was seen). */
let nothing = new LruMemo<true>(4096);
let memoScanner: unknown;
/** Shorter texts are cheaper to scan than to remember. */
const MIN_REMEMBERED_LENGTH = 8;

function memoKey(segment: Segment): string {
  const { source, identity, location } = segment.origin;
  return `${source}\u0000${identity ?? ''}\u0000${JSON.stringify(location)}\u0000${segment.text}`;
}

function withoutPosition(finding: Finding): Finding {
  delete finding.location.line;
  delete finding.location.column;
  return finding;
}

/** Index of the segment that holds `offset`, by binary search over the segment starts. */
function segmentAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid]! <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * Findings per segment (same order as `segments`), without line/column: positions inside a header value
 * or a URL parameter mean nothing to a reader, the header or parameter name locates them. Segments that
 * span lines (a PEM block in a JSON body) are scanned on their own, since the engine's multi-line rules
 * need their newlines.
 */
export function scanSegments(segments: readonly Segment[], options?: ScanOptions): Finding[][] {
  const results: Finding[][] = segments.map(() => []);
  if (segments.length === 0) return results;
  const scanner = getActiveScanner();
  if (scanner !== memoScanner) {
    memo = new LruMemo<Finding[]>(512);
    nothing = new LruMemo<true>(4096);
    memoScanner = scanner;
  }
  const keys: (string | undefined)[] = [];
  const joinedIndex: number[] = [];
  const starts: number[] = [];
  const parts: string[] = [];
  let offset = 0;
  segments.forEach((segment, index) => {
    if (segment.text.length === 0) return;
    if (!options && segment.text.length >= MIN_REMEMBERED_LENGTH && nothing.get(segment.text)) return;
    const key = options ? undefined : memoKey(segment);
    keys[index] = key;
    const known = key === undefined ? undefined : memo.get(key);
    if (known) {
      results[index] = known.map(cloneFinding);
      return;
    }
    if (segment.text.includes('\n') || segment.text.includes('\u0000')) {
      const matches = pairAwsCredentials(scanner.findMatches(segment.text, options));
      results[index] = toFindings(segment.text, matches, segment.origin).map(adjustForPlacement).map(withoutPosition);
      remember(key, results[index]!);
      return;
    }
    joinedIndex.push(index);
    starts.push(offset);
    parts.push(segment.text);
    offset += segment.text.length + SEPARATOR.length;
  });
  if (parts.length === 0) return results;
  const text = parts.join(SEPARATOR);
  const matches = pairAwsCredentials(scanner.findMatches(text, options));
  const bySegment = new Map<number, RawMatch[]>();
  for (const match of matches) {
    const index = joinedIndex[segmentAt(starts, match.start)]!;
    const list = bySegment.get(index);
    if (list) list.push(match);
    else bySegment.set(index, [match]);
  }
  if (!options) {
    for (const index of joinedIndex) {
      const text = segments[index]!.text;
      if (!bySegment.has(index) && text.length >= MIN_REMEMBERED_LENGTH) nothing.set(text, true);
    }
  }
  for (const [index, segmentMatches] of bySegment) {
    // Positions are computed on the joined text and then dropped, so the text passed here only matters for them.
    results[index] = toFindings(text, segmentMatches, segments[index]!.origin).map(adjustForPlacement).map(withoutPosition);
    remember(keys[index], results[index]!);
  }
  return results;
}

const genericRuleIds = new WeakMap<object, ReadonlySet<string>>();

/**
 * Found by a generic rule (an assignment heuristic such as `password = "…"` or `Bearer <token>`): an
 * inspector that knows what the field or header is judges it better than the heuristic does.
 */
export function isGenericFinding(finding: Finding): boolean {
  const scanner = getActiveScanner();
  let ids = genericRuleIds.get(scanner);
  if (!ids) genericRuleIds.set(scanner, (ids = new Set(scanner.rules.filter((rule) => rule.generic).map((rule) => rule.id))));
  return ids.has(finding.ruleId);
}

/** Only segments with findings: the rest are cheap to scan again and would crowd the memo out. */
function remember(key: string | undefined, findings: Finding[]): void {
  if (key !== undefined && findings.length > 0) memo.set(key, findings.map(cloneFinding));
}

