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
