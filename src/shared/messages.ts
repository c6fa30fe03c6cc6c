/**
 * The one message protocol between extension contexts, named by direction. Every message a context
 * receives is checked by `isRequest` before it is handled: content scripts relay data from pages,
 * which are hostile input.
 *
 * Messages and answers are plain data (strings, numbers, booleans, arrays, plain objects): they cross
 * as structured clones in Firefox and in Chrome 148+ (manifest.json's `message_serialization`), and
 * as JSON in older Chrome, so a Map, a Date or an `undefined` field would arrive differently.
 */
import type { Finding } from './finding.ts';
import type { IgnoreEntry, Settings } from './settings.ts';

export type ReportFormat = 'json' | 'sarif' | 'markdown';

/** Extension page (popup, CLI/e2e automation) → background. */
export interface ReportRequest {
  type: 'leaklens/report';
  format: ReportFormat;
  /** Only this tab's findings; all tabs when absent. */
  tabId?: number;
}
/** Answer: the document as a string (JSON and SARIF are JSON text). */
export interface ReportResponse {
  ok: true;
  format: ReportFormat;
  document: string;
}

/** Extension page → background: is scanning quiet? Used by `leaklens browse` and e2e to wait. */
export interface StatusRequest {
  type: 'leaklens/status';
}
export interface StatusResponse {
  ok: true;
  /** Scans queued or running in the background. */
  pending: number;
  /** ms since epoch of the last finding stored or scan finished. */
  lastActivity: number;
  /** Findings stored, all tabs. */
  findings: number;
}

/** Popup → background: findings for one tab. */
export interface FindingsRequest {
  type: 'leaklens/findings';
  tabId: number;
}
export interface FindingsResponse {
  ok: true;
  findings: Finding[];
}

export type ErrorResponse = { ok: false; error: string };

/**
 * A DOM value worth scanning: what kind of node holds it, where (a short CSS selector), its name (the
 * attribute, field or meta name, which generic assignment rules need) and the text.
 */
export type DomValueKind = 'comment' | 'meta' | 'hidden-input' | 'data-attribute';
export const DOM_VALUE_KINDS: readonly DomValueKind[] = ['comment', 'meta', 'hidden-input', 'data-attribute'];
export interface DomValue {
  kind: DomValueKind;
  selector: string;
  name: string;
  value: string;
}
/** A JSON data island: `<script type="application/json">`, `application/ld+json`, `#__NEXT_DATA__`, import maps. */
export interface DataIsland {
  selector: string;
  type: string;
  text: string;
}
/** A form (or a button's `formaction`) whose resolved action is a plain-HTTP URL. */
export interface InsecureForm {
  selector: string;
  /** Absolute action URL (unredacted: the background redacts before storing). */
  action: string;
  method: string;
  /** The form has a password field: submitting it sends a credential in cleartext. */
  hasPassword: boolean;
}
/** One sampled IndexedDB record, its value serialised (strings kept, bounded) by the content script. */
export interface IndexedDbRecord {
  database: string;
  store: string;
  /** The record's primary key, formatted for display. */
  key: string;
  value: string;
}
/** Something the content script did not copy, and why (too large, too many): reported, never silent. */
export interface SnapshotSkip {
  what: string;
  reason: string;
}

/**
 * Content script → background: what the page keeps, collected cheaply on the page and scanned here.
 * The fields after `scriptUrls` are optional (absent = nothing new of that kind).
 */
export interface PageSnapshotMessage {
  type: 'leaklens/page-snapshot';
  /** location.href of the top-level page (unredacted: the background redacts before storing). */
  pageUrl: string;
  localStorage: [string, string][];
  sessionStorage: [string, string][];
  /** document.cookie: only JS-readable cookies, which is the point. */
  cookies: string;
  inlineScripts: string[];
  /** Where each of `inlineScripts` is (`script#id`, `inline script #3`); same length when present. */
  inlineScriptSelectors?: string[];
  /** Classic and module scripts, modulepreload/preload links, lazy chunks and workers seen loading. */
  scriptUrls: string[];
  dataIslands?: DataIsland[];
  dom?: DomValue[];
  insecureForms?: InsecureForm[];
  indexedDb?: IndexedDbRecord[];
  skipped?: SnapshotSkip[];
  /**
   * The document's serialised HTML (`outerHTML`, possibly cut): the background reads inline scripts,
   * script URLs, data islands, DOM values and forms out of it (src/engine/markup/page-markup.ts).
   */
  markup?: string;
}

/**
 * Content script → background: a MAIN-world probe report, relayed as the JSON text the probe wrote.
 * Nothing in it is trusted: the background parses and validates it (src/shared/probe-protocol.ts,
 * src/background/probe-handlers.ts).
 */
export interface ProbeReportMessage {
  type: 'leaklens/probe-report';
  pageUrl: string;
  report: string;
}

export function isProbeReport(message: unknown): message is ProbeReportMessage {
  if (message === null || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  return m.type === 'leaklens/probe-report' && typeof m.pageUrl === 'string' && typeof m.report === 'string';
}

/** Limits on what a content script may send: page data is hostile and can be huge. */
export const SNAPSHOT_LIMITS = {
  maxEntries: 2000,
  maxValueLength: 2 * 1024 * 1024,
  maxScripts: 500,
  maxTotalLength: 16 * 1024 * 1024,
  maxDataIslands: 200,
  maxDomValues: 2000,
  maxDomValueLength: 64 * 1024,
  maxForms: 200,
  maxIndexedDbRecords: 1000,
  maxIndexedDbValueLength: 256 * 1024,
  maxSkipped: 100,
  /** Selectors, names, keys, types, methods, reasons. */
  maxLabelLength: 512,
  maxUrlLength: 8192,
  /** The document's serialised markup (the content script cuts it here and says so). */
  maxMarkupLength: 8 * 1024 * 1024,
} as const;

/** A script URL worth fetching: web URLs only (`data:` and `blob:` scripts are inline in all but name). */
export function isFetchableScriptUrl(url: string): boolean {
  return (url.startsWith('https://') || url.startsWith('http://')) && url.length <= SNAPSHOT_LIMITS.maxUrlLength;
}

function isLabel(value: unknown): value is string {
  return typeof value === 'string' && value.length <= SNAPSHOT_LIMITS.maxLabelLength;
}

/** An array of at most `max` plain objects with exactly `fields` as keys, each checked by its test. */
function isRecords<T>(value: unknown, max: number, fields: Record<string, (field: unknown) => boolean>): value is T[] {
  if (!Array.isArray(value) || value.length > max) return false;
  const names = Object.keys(fields);
  return value.every((entry: unknown) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return false;
    const record = entry as Record<string, unknown>;
    const keys = Object.keys(record);
    return keys.length === names.length && names.every((name) => Object.hasOwn(record, name) && fields[name]!(record[name]));
  });
}

const textUpTo = (max: number) => (value: unknown) => typeof value === 'string' && value.length <= max;

/** The optional snapshot sections: each absent, or well-formed and within its bounds. Returns their total text length, or -1. */
function optionalSectionsLength(m: Record<string, unknown>, inlineScripts: number): number {
  const L = SNAPSHOT_LIMITS;
  let total = 0;
  if (m.inlineScriptSelectors !== undefined) {
    if (!isStrings(m.inlineScriptSelectors, L.maxScripts) || m.inlineScriptSelectors.length !== inlineScripts) return -1;
    if (!m.inlineScriptSelectors.every(isLabel)) return -1;
  }
  if (m.dataIslands !== undefined) {
    if (!isRecords<DataIsland>(m.dataIslands, L.maxDataIslands, { selector: isLabel, type: isLabel, text: textUpTo(L.maxValueLength) })) return -1;
    for (const island of m.dataIslands) total += island.text.length;
  }
  if (m.dom !== undefined) {
    const isKind = (value: unknown) => (DOM_VALUE_KINDS as readonly unknown[]).includes(value);
    if (!isRecords<DomValue>(m.dom, L.maxDomValues, { kind: isKind, selector: isLabel, name: isLabel, value: textUpTo(L.maxDomValueLength) })) return -1;
    for (const value of m.dom) total += value.value.length;
  }
  if (m.insecureForms !== undefined) {
    const isFlag = (value: unknown) => typeof value === 'boolean';
    if (!isRecords<InsecureForm>(m.insecureForms, L.maxForms, { selector: isLabel, action: textUpTo(L.maxUrlLength), method: isLabel, hasPassword: isFlag })) return -1;
  }
  if (m.indexedDb !== undefined) {
    const fields = { database: isLabel, store: isLabel, key: isLabel, value: textUpTo(L.maxIndexedDbValueLength) };
    if (!isRecords<IndexedDbRecord>(m.indexedDb, L.maxIndexedDbRecords, fields)) return -1;
    for (const record of m.indexedDb) total += record.value.length;
  }
  if (m.skipped !== undefined && !isRecords<SnapshotSkip>(m.skipped, L.maxSkipped, { what: textUpTo(L.maxUrlLength), reason: isLabel })) return -1;
  return total;
}

function isStringPairs(value: unknown): value is [string, string][] {
  return (
    Array.isArray(value) &&
    value.length <= SNAPSHOT_LIMITS.maxEntries &&
    value.every((entry) => Array.isArray(entry) && entry.length === 2 && typeof entry[0] === 'string' && typeof entry[1] === 'string')
  );
}

function isStrings(value: unknown, max: number): value is string[] {
  return Array.isArray(value) && value.length <= max && value.every((entry) => typeof entry === 'string');
}

/** Shape and size check for a snapshot; anything else is dropped. */
export function isPageSnapshot(message: unknown): message is PageSnapshotMessage {
  if (message === null || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  if (m.type !== 'leaklens/page-snapshot' || typeof m.pageUrl !== 'string' || typeof m.cookies !== 'string') return false;
  if (!isStringPairs(m.localStorage) || !isStringPairs(m.sessionStorage)) return false;
  if (!isStrings(m.inlineScripts, SNAPSHOT_LIMITS.maxScripts) || !isStrings(m.scriptUrls, SNAPSHOT_LIMITS.maxScripts)) return false;
  if (!m.scriptUrls.every((url) => url.length <= SNAPSHOT_LIMITS.maxUrlLength)) return false;
  const optional = optionalSectionsLength(m, m.inlineScripts.length);
  if (optional < 0) return false;
  if (m.markup !== undefined && (typeof m.markup !== 'string' || m.markup.length > SNAPSHOT_LIMITS.maxMarkupLength)) return false;
  let total = m.pageUrl.length + m.cookies.length + optional + (typeof m.markup === 'string' ? m.markup.length : 0);
  for (const pairs of [m.localStorage, m.sessionStorage]) for (const [key, value] of pairs) total += key.length + value.length;
  for (const text of [...m.inlineScripts, ...m.scriptUrls]) total += text.length;
  return total <= SNAPSHOT_LIMITS.maxTotalLength;
}

/** Popup / DevTools panel → background: everything shown for one tab. */
export interface TabStateRequest {
  type: 'leaklens/tab-state';
  tabId: number;
  /** The tab's URL as the page asking knows it: used when the background has not seen the tab yet. */
  url?: string;
}
export interface IgnoredFindingView {
  finding: Finding;
  /** The ignore-list entry hiding it (remove it to show the finding again). */
  entry: IgnoreEntry;
}
export interface TabState {
  tabId: number;
  /** Host of the tab's top-level page, when it is a web page. */
  site?: string;
  /** Redacted URL of the top-level page. */
  pageUrl: string;
  /** False: the site is out of scope, nothing is scanned, fetched or stored for it. */
  inScope: boolean;
  /** "Never scan" patterns that match the site (bringing it into scope removes them). */
  excludedBy: string[];
  /** Shown findings: not ignored, rule enabled. */
  findings: Finding[];
  ignored: IgnoredFindingView[];
  /** Findings dropped by the per-tab cap (the UI says "N more"). */
  evicted: number;
  skipped: { url: string; reason: string }[];
  /** Scans still running in the background (all tabs). */
  pending: number;
  disabledCategories: string[];
  customRules: number;
}
export interface TabStateResponse {
  ok: true;
  state: TabState;
}

/** Options page → background: the settings, the rule categories and what is stored. */
export interface SettingsRequest {
  type: 'leaklens/settings';
}
export interface SettingsResponse {
  ok: true;
  settings: Settings;
  categories: { id: string; rules: number; providers: string[]; providerCount: number }[];
  stored: { tabs: number; findings: number };
}

/** Options page → background: replace these sections of the settings (each validated in full). */
export interface SettingsUpdateRequest {
  type: 'leaklens/settings-update';
  scope?: unknown;
  disabledCategories?: unknown;
  customRules?: unknown;
}

/** Popup → background: hide one finding (by fingerprint) or its rule on the tab's site. */
export interface IgnoreRequest {
  type: 'leaklens/ignore';
  kind: 'finding' | 'rule';
  tabId: number;
  fingerprint: string;
}
/** Popup / options page → background: remove an ignore-list entry. */
export interface UnignoreRequest {
  type: 'leaklens/unignore';
  id: string;
}
/** Popup → background: bring a site into scope (the out-of-scope state's one click). */
export interface IncludeSiteRequest {
  type: 'leaklens/include-site';
  site: string;
}
/** Options page / popup → background: forget stored findings (one tab, or all). */
export interface ClearFindingsRequest {
  type: 'leaklens/clear';
  tabId?: number;
}
/** Answer to the settings-changing requests. */
export interface SettingsChangedResponse {
  ok: true;
  settings: Settings;
}

export type ExtensionPageRequest =
  | ReportRequest
  | StatusRequest
  | FindingsRequest
  | TabStateRequest
  | SettingsRequest
  | SettingsUpdateRequest
  | IgnoreRequest
  | UnignoreRequest
  | IncludeSiteRequest
  | ClearFindingsRequest;

const REPORT_FORMATS: readonly string[] = ['json', 'sarif', 'markdown'];

export function isExtensionPageRequest(message: unknown): message is ExtensionPageRequest {
  if (message === null || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  switch (m.type) {
    case 'leaklens/report':
      return typeof m.format === 'string' && REPORT_FORMATS.includes(m.format) && (m.tabId === undefined || Number.isInteger(m.tabId));
    case 'leaklens/status':
      return true;
    case 'leaklens/findings':
      return Number.isInteger(m.tabId);
    case 'leaklens/tab-state':
      return Number.isInteger(m.tabId) && (m.url === undefined || (typeof m.url === 'string' && m.url.length <= 8192));
    case 'leaklens/settings':
      return true;
    case 'leaklens/settings-update':
      // Shape and bounds of each section are checked in full by the background's validators.
      return ['scope', 'disabledCategories', 'customRules'].some((key) => m[key] !== undefined);
    case 'leaklens/ignore':
      return (m.kind === 'finding' || m.kind === 'rule') && Number.isInteger(m.tabId) && typeof m.fingerprint === 'string' && /^[0-9a-f]{8,64}$/.test(m.fingerprint);
    case 'leaklens/unignore':
      return typeof m.id === 'string' && m.id.length > 0 && m.id.length <= 512;
    case 'leaklens/include-site':
      return typeof m.site === 'string' && m.site.length > 0 && m.site.length <= 253;
    case 'leaklens/clear':
      return m.tabId === undefined || Number.isInteger(m.tabId);
    default:
      return false;
  }
}
