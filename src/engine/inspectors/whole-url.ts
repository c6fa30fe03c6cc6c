/**
 * Rules that need a URL around the secret: webhook URLs whose secret is the URL itself (Slack, Discord,
 * Teams, Zapier, Make…) and keys recognised only by the endpoint they are sent to (a Google Chat
 * `token` after `chat.googleapis.com/v1/spaces/…`, an Azure Functions `code` after
 * `.azurewebsites.net/api/…`). The URL inspector scans parameter values and path segments one by
 * one, so these rules never see a whole request URL; yet a page that posts to a webhook from the
 * browser hands the webhook to anyone who opens DevTools. So request URLs also go through these rules,
 * and only these: every request pays for one test of their keywords (the scanner runs a rule only
 * near one of its keywords anyway), and the scanner runs only for the rare URL that holds one.
 */
import type { Finding } from '../../shared/finding.ts';
import { getActiveScanner } from '../index.ts';
import { adjustForPlacement } from '../placement.ts';
import { toFindings, type RawMatch, type Scanner } from '../scanner.ts';
import type { Rule, ScanOrigin } from '../types.ts';
import { cloneFinding, LruMemo } from './memo.ts';

/** A scheme the browser requests (`https?:\/\/` in a pattern's source: `/` is escaped there). */
const WEB_SCHEME_IN_PATTERN = /https?\??:\\\/\\\//;
/** A host name followed by a path (`\.com\/`, `\.com(?::443)?\/`). */
const HOST_PATH_IN_PATTERN = /\\\.[a-z]{2,6}(?:\(\?::\d{1,5}\)\?)?\\\//i;
/** Keywords every request URL holds: such a rule would run on every request. */
const SCHEME_KEYWORD = /^(?:https?|wss?):\/\/$/;

/**
 * Whether a rule judges whole URLs. Left out: generic heuristics; rules whose secret is public by
 * design (a PayPal client id in `paypal.com/sdk/js?client-id=`, a Sentry DSN), which are meant to be
 * in the URLs a browser requests and are listed where the page declares them; and rules keyed on a
 * bare scheme (`http-basic-auth-url`), whose only catch in a request URL, `user:password@`, the URL
 * inspector reports itself.
 */
export function isWholeUrlRule(rule: Rule): boolean {
  if (rule.generic || rule.exposure !== 'secret') return false;
  if (rule.keywords.length === 0 || rule.keywords.some((keyword) => SCHEME_KEYWORD.test(keyword.toLowerCase()))) return false;
  const source = rule.pattern.source;
  return WEB_SCHEME_IN_PATTERN.test(source) || HOST_PATH_IN_PATTERN.test(source);
}

interface WholeUrlRules {
  /**
   * Any keyword, case-insensitively: one regular-expression test per URL (measured ~0.2 µs on
   * typical API URLs, against ~1 µs for a loop of `includes` over the lower-cased URL).
   */
  gate: RegExp | undefined;
  /** Lower-case keywords of the whole-URL rules, each once. */
  keywords: string[];
  /** Rule ids per keyword (same index). */
  ruleIds: string[][];
}

const rulesByScanner = new WeakMap<Scanner, WholeUrlRules>();
/** The last answer, checked before the WeakMap: the scanner changes only with the settings. */
let lastScanner: Scanner | undefined;
let lastRules: WholeUrlRules | undefined;

/** The whole-URL rules of a scanner (the active one follows the settings: categories off, custom rules). */
export function wholeUrlRules(scanner: Scanner = getActiveScanner()): WholeUrlRules {
  if (scanner === lastScanner) return lastRules!;
  let known = rulesByScanner.get(scanner);
  if (!known) {
    const byKeyword = new Map<string, string[]>();
    for (const rule of scanner.rules) {
      if (!isWholeUrlRule(rule)) continue;
      for (const keyword of rule.keywords) {
        const lower = keyword.toLowerCase();
        const ids = byKeyword.get(lower);
        if (!ids) byKeyword.set(lower, [rule.id]);
        else if (!ids.includes(rule.id)) ids.push(rule.id);
      }
    }
    const keywords = [...byKeyword.keys()];
    const gate = keywords.length > 0 ? new RegExp(keywords.map((keyword) => keyword.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|'), 'i') : undefined;
    known = { gate, keywords, ruleIds: [...byKeyword.values()] };
    rulesByScanner.set(scanner, known);
  }
  lastScanner = scanner;
  lastRules = known;
  return known;
}

const NONE: readonly RawMatch[] = Object.freeze([]);

/**
 * Matches by URL: a page posts to the same webhook again and again. Holds raw values, in memory only,
 * like the other inspector memos; a scanner change (settings) starts afresh.
 */
let matchMemo = new LruMemo<readonly RawMatch[]>(256);
let findingMemo = new LruMemo<readonly WholeUrlFinding[]>(256);
let memoScanner: Scanner | undefined;

/**
 * Raw matches of the whole-URL rules in `href` (offsets into `href`). Engine-internal: they hold the
 * raw secret. No decoding pass: an encoded URL inside a parameter is the parameter scan's to find.
 */
export function matchWholeUrl(href: string): readonly RawMatch[] {
  const scanner = getActiveScanner();
  const { gate, keywords, ruleIds } = wholeUrlRules(scanner);
  if (!gate?.test(href)) return NONE;
  // A keyword is in the URL: which rules does it call for?
  const lower = href.toLowerCase();
  let hit: Set<string> | undefined;
  for (let i = 0; i < keywords.length; i++) {
    if (!lower.includes(keywords[i]!)) continue;
    hit ??= new Set();
    for (const id of ruleIds[i]!) hit.add(id);
  }
  if (!hit) return NONE;
  if (scanner !== memoScanner) {
    matchMemo = new LruMemo<readonly RawMatch[]>(256);
    findingMemo = new LruMemo<readonly WholeUrlFinding[]>(256);
    memoScanner = scanner;
  }
  const known = matchMemo.get(href);
  if (known) return known;
  const matches = scanner.findMatches(href, { ruleIds: hit, decodeDepth: 0 });
  matchMemo.set(href, matches.length > 0 ? matches : NONE);
  return matches;
}

export interface WholeUrlFinding {
  finding: Finding;
  /** Offsets of the secret in the scanned URL text. */
  start: number;
  end: number;
  /** Raw value, for the cleartext and mixed-content sightings. Never leaves the inspectors. */
  secret: string;
}

/**
 * Findings of the whole-URL rules in `href` (normally `URL.href`, so offsets line up with the parsed
 * URL's parts), placed at `origin`, without line/column: a position inside a URL means nothing to a
 * reader. Severity and placement follow the scanner's path, like values and path segments do. The
 * origin is asked for only when something matched: nearly every request has nothing to place.
 */
export function inspectWholeUrl(href: string, originOf: () => ScanOrigin): WholeUrlFinding[] {
  const matches = matchWholeUrl(href);
  if (matches.length === 0) return [];
  const origin = originOf();
  const key = `${origin.source}\u0000${origin.identity ?? ''}\u0000${JSON.stringify(origin.location)}\u0000${href}`;
  let made = findingMemo.get(key);
  if (!made) {
    const list: WholeUrlFinding[] = [];
    const seen = new Set<string>();
    for (const match of matches) {
      // The same value twice in one URL is one finding, as in any scanned text.
      const once = `${match.rule.id}\u0000${match.secret}`;
      if (seen.has(once)) continue;
      seen.add(once);
      const finding = adjustForPlacement(toFindings(href, [match], origin)[0]!);
      delete finding.location.line;
      delete finding.location.column;
      list.push({ finding, start: match.start, end: match.end, secret: match.secret });
    }
    findingMemo.set(key, (made = list));
  }
  return made.map((entry) => ({ ...entry, finding: cloneFinding(entry.finding) }));
}
