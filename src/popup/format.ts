/**
 * What the popup and the DevTools panel say about findings, as pure functions (tested without a DOM):
 * grouping, ordering, counts, locations, "open the source" targets, file names for exports.
 */
import { AREA_OF_SOURCE, AREAS, type Area } from '../shared/areas.ts';
import { SEVERITIES, type Finding, type FindingDetails, type FindingSource, type Severity } from '../shared/finding.ts';
import type { ReportFormat } from '../shared/messages.ts';
import { compareFindings } from '../reports/order.ts';
import { describeWhere } from '../reports/where.ts';

export { describeWhere };

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as SeverityCounts;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** Findings by where they were seen (Requests, Storage, Code, Page), each group most severe first. */
export function groupByArea(findings: readonly Finding[]): { area: Area; findings: Finding[] }[] {
  return AREAS.map((area) => ({
    area,
    findings: findings.filter((finding) => AREA_OF_SOURCE[finding.source] === area).sort(compareFindings),
  })).filter((group) => group.findings.length > 0);
}

const SOURCE_LABELS: Record<FindingSource, string> = {
  'request-url': 'request URL',
  'request-body': 'request body',
  'request-header': 'request header',
  referer: 'Referer header',
  websocket: 'WebSocket handshake',
  cleartext: 'plain-HTTP request',
  'mixed-content': 'mixed-content request',
  'local-storage': 'localStorage',
  'session-storage': 'sessionStorage',
  cookie: 'cookie',
  indexeddb: 'IndexedDB',
  'inline-script': 'inline script',
  script: 'script bundle',
  'source-map': 'source map',
  'window-global': 'window global',
  dom: 'page DOM',
  'response-body': 'response body',
  file: 'file',
};

export function sourceLabel(source: FindingSource): string {
  return SOURCE_LABELS[source];
}

/**
 * The short "where" for a collapsed card: the most specific name first (parameter, header, key and
 * JSON path, or file:line:col), since the full URL is in the expanded card.
 */
export function shortWhere(finding: Finding): string {
  const { url, file, line, column, keyPath, jsonPath, header, parameter, originalFile, originalLine } = finding.location;
  const parts: string[] = [sourceLabel(finding.source)];
  if (originalFile) parts.push(`${lastSegment(originalFile)}${originalLine ? `:${originalLine}` : ''}`);
  else if ((finding.source === 'script' || finding.source === 'file' || finding.source === 'source-map') && (url ?? file)) {
    parts.push(`${lastSegment(url ?? file ?? '')}${line ? `:${line}${column ? `:${column}` : ''}` : ''}`);
  } else if (url && (finding.source === 'request-url' || finding.source === 'websocket' || finding.source === 'request-body' || finding.source === 'request-header' || finding.source === 'referer' || finding.source === 'cleartext')) {
    parts.push(hostOf(url));
  }
  if (keyPath) parts.push(keyPath);
  if (jsonPath && jsonPath !== '$') parts.push(jsonPath);
  if (header) parts.push(`header ${header}`);
  if (parameter) parts.push(`param ${parameter}`);
  return parts.join(' · ');
}

function lastSegment(path: string): string {
  try {
    const parsed = new URL(path);
    return parsed.pathname.split('/').filter(Boolean).pop() ?? parsed.host;
  } catch {
    return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/**
 * Where "view source" can take the user: a script or page fetched over http(s) whose URL holds no
 * redacted credential (re-requesting a URL with `[redacted]` in it would fetch something else, and a
 * request URL is never replayed). Chromium's view-source page shows line numbers but has no line
 * anchor, so the line is returned for the label.
 */
export function sourceTarget(finding: Finding): { url: string; line?: number; column?: number } | undefined {
  if (finding.source !== 'script' && finding.source !== 'inline-script') return undefined;
  const url = finding.location.url;
  if (!url || !/^https?:\/\//.test(url) || url.includes('[redacted]')) return undefined;
  if (finding.source === 'inline-script') return { url }; // line/column are inside the script, not the page
  return { url, ...(finding.location.line ? { line: finding.location.line } : {}), ...(finding.location.column ? { column: finding.location.column } : {}) };
}

/** "14:05:09" today, "3 Mar 14:05" otherwise; empty for a missing or bad timestamp. */
export function formatSeen(iso: string | undefined, now = new Date()): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  if (date.toDateString() === now.toDateString()) return time;
  return `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })} ${time}`;
}

/** Validator facts worth showing, as "label: value" (never secret material). */
export function describeDetails(details: FindingDetails | undefined): string[] {
  if (!details) return [];
  return Object.entries(details)
    .slice(0, 12)
    .map(([key, value]) => `${humanize(key)}: ${typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value)}`);
}

function humanize(key: string): string {
  return key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export const EXPORT_FORMATS: { format: ReportFormat; label: string; extension: string; mime: string }[] = [
  { format: 'json', label: 'JSON', extension: 'json', mime: 'application/json' },
  { format: 'sarif', label: 'SARIF', extension: 'sarif', mime: 'application/sarif+json' },
  { format: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown' },
];

/** `leaklens-app.example.com-20250301-1405.sarif`; only safe file-name characters. */
export function exportFileName(scope: string | undefined, extension: string, now = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
  const name = (scope ?? 'all-tabs').replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 80) || 'all-tabs';
  return `leaklens-${name}-${stamp}.${extension}`;
}

/** What LeakLens looks at on a page, for the empty state ("what was scanned"). */
export const SCANNED_PLACES: readonly string[] = [
  'requests the tab made: URLs and query parameters, WebSocket handshakes',
  'localStorage, sessionStorage and JavaScript-readable cookies (JSON values walked)',
  'inline scripts and every script bundle the page loaded',
  'well-known configuration globals on window (reported by the page)',
];
