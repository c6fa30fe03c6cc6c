/**
 * The one message protocol between extension contexts, named by direction. Every message a context
 * receives is checked by `isRequest` before it is handled: content scripts relay data from pages,
 * which are hostile input.
 */
import type { Finding } from './finding.ts';

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

/** Content script → background: what the page keeps, collected cheaply on the page and scanned here. */
export interface PageSnapshotMessage {
  type: 'leaklens/page-snapshot';
  /** location.href of the top-level page (unredacted: the background redacts before storing). */
  pageUrl: string;
  localStorage: [string, string][];
  sessionStorage: [string, string][];
  /** document.cookie: only JS-readable cookies, which is the point. */
  cookies: string;
  inlineScripts: string[];
  scriptUrls: string[];
}

/**
 * Content script → background: a MAIN-world probe report, relayed as is. The payload is whatever the
 * page's world posted: the background validates it per kind (src/background/probe-handlers.ts).
 */
export interface ProbeReportMessage {
  type: 'leaklens/probe-report';
  pageUrl: string;
  kind: string;
  payload: unknown;
}

export function isProbeReport(message: unknown): message is ProbeReportMessage {
  if (message === null || typeof message !== 'object') return false;
  const m = message as Record<string, unknown>;
  return m.type === 'leaklens/probe-report' && typeof m.pageUrl === 'string' && typeof m.kind === 'string' && 'payload' in m;
}

/** Limits on what a content script may send: page data is hostile and can be huge. */
export const SNAPSHOT_LIMITS = {
  maxEntries: 2000,
  maxValueLength: 2 * 1024 * 1024,
  maxScripts: 500,
  maxTotalLength: 16 * 1024 * 1024,
} as const;

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
  let total = m.pageUrl.length + m.cookies.length;
  for (const pairs of [m.localStorage, m.sessionStorage]) for (const [key, value] of pairs) total += key.length + value.length;
  for (const text of [...m.inlineScripts, ...m.scriptUrls]) total += text.length;
  return total <= SNAPSHOT_LIMITS.maxTotalLength;
}

export type ExtensionPageRequest = ReportRequest | StatusRequest | FindingsRequest;

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
    default:
      return false;
  }
}
