/**
 * Turns a page snapshot from the content script into findings. Runs in the background, off the page's
 * main thread: the content script only copies strings.
 *
 * Where each finding points, and what makes two sightings one finding (same value, same place):
 * - web storage, cookies, IndexedDB: the key (`auth.session`, `acme-cache/tokens/session`) and the
 *   JSON path inside the value; one finding per origin + key;
 * - inline scripts: the script (`script#config`, `inline script #3`) and the line inside it; one
 *   finding per origin (the same config inlined on every page is one leak);
 * - data islands: `script#__NEXT_DATA__` and the JSON path; DOM values: a selector and the attribute
 *   (`#support-widget@data-api-key`); one finding per origin + place;
 * - forms posting to http://: the form's selector, with the action URL.
 *
 * The content script sends the document's markup rather than walking the DOM on the page's main thread;
 * `withMarkupRead` turns it into the same sections (inline scripts, script URLs, islands, DOM values,
 * forms) before anything else looks at the snapshot.
 */
import type { Finding } from '../shared/finding.ts';
import type { DomValue, PageSnapshotMessage } from '../shared/messages.ts';
import { scanText } from '../engine/index.ts';
import { readPageMarkup } from '../engine/markup/page-markup.ts';
import { inspectForm } from '../engine/inspectors/insecure-form.ts';
import { redactUrl } from '../engine/inspectors/url.ts';
import { scanMaybeJson, withoutPosition } from '../engine/structured.ts';
import type { ScanOrigin } from '../engine/types.ts';

/**
 * A stored value (storage entry, cookie, IndexedDB record) is located by its key and JSON path; a
 * line and column inside the value would read as a position in the page, so they are dropped.
 */
function scanStoredValue(value: string, origin: ScanOrigin) {
  return scanMaybeJson(value, origin).map(withoutPosition);
}
import type { SkippedResource } from './findings-store.ts';

/** The snapshot with its markup (if any) read into the sections it describes, and the markup dropped. */
export function withMarkupRead(snapshot: PageSnapshotMessage): PageSnapshotMessage {
  const { markup, ...rest } = snapshot;
  if (markup === undefined) return snapshot;
  const parts = readPageMarkup(markup, snapshot.pageUrl);
  const selectors = snapshot.inlineScripts.map((_, index) => snapshot.inlineScriptSelectors?.[index] ?? `inline script #${index + 1}`);
  return {
    ...rest,
    inlineScripts: [...snapshot.inlineScripts, ...parts.inlineScripts.map((script) => script.text)],
    inlineScriptSelectors: [...selectors, ...parts.inlineScripts.map((script) => script.selector)],
    scriptUrls: [...new Set([...snapshot.scriptUrls, ...parts.scriptUrls])],
    dataIslands: [...(snapshot.dataIslands ?? []), ...parts.dataIslands],
    dom: [...(snapshot.dom ?? []), ...parts.dom],
    insecureForms: [...(snapshot.insecureForms ?? []), ...parts.insecureForms],
    skipped: [...(snapshot.skipped ?? []), ...parts.skipped],
  };
}

export function scanPageSnapshot(snapshot: PageSnapshotMessage): Finding[] {
  const pageUrl = redactUrl(snapshot.pageUrl);
  const origin = safeOrigin(snapshot.pageUrl);
  const findings: Finding[] = [];

  for (const [key, value] of snapshot.localStorage) {
    findings.push(...scanStoredValue(value, { source: 'local-storage', location: { url: pageUrl, keyPath: key }, identity: `${origin}\u0000${key}` }));
  }
  for (const [key, value] of snapshot.sessionStorage) {
    findings.push(...scanStoredValue(value, { source: 'session-storage', location: { url: pageUrl, keyPath: key }, identity: `${origin}\u0000${key}` }));
  }
  for (const [name, value] of parseCookies(snapshot.cookies)) {
    findings.push(...scanStoredValue(safeDecode(value), { source: 'cookie', location: { url: pageUrl, keyPath: name }, identity: `${origin}\u0000${name}` }));
  }
  snapshot.inlineScripts.forEach((text, index) => {
    const keyPath = snapshot.inlineScriptSelectors?.[index] ?? `inline script #${index + 1}`;
    // Identity by origin, not by script index: the same config inlined in two pages is one finding.
    findings.push(...scanText(text, { source: 'inline-script', location: { url: pageUrl, keyPath }, identity: `${origin}\u0000inline` }));
  });
  for (const island of snapshot.dataIslands ?? []) {
    findings.push(...scanMaybeJson(island.text, { source: 'inline-script', location: { url: pageUrl, keyPath: island.selector }, identity: `${origin}\u0000${island.selector}` }));
  }
  for (const value of snapshot.dom ?? []) findings.push(...scanDomValue(value, pageUrl, origin));
  for (const form of snapshot.insecureForms ?? []) findings.push(...inspectForm(form, snapshot.pageUrl));
  for (const record of snapshot.indexedDb ?? []) {
    const keyPath = `${record.database}/${record.store}/${record.key}`;
    findings.push(...scanStoredValue(record.value, { source: 'indexeddb', location: { url: pageUrl, keyPath }, identity: `${origin}\u0000${keyPath}` }));
  }
  return findings;
}

/** What the content script could not copy, for the tab's "skipped" list (never silent). */
export function snapshotSkips(snapshot: PageSnapshotMessage): SkippedResource[] {
  const pageUrl = redactUrl(snapshot.pageUrl);
  return (snapshot.skipped ?? []).map((skip) => ({ url: `${pageUrl} (${skip.what})`, reason: skip.reason }));
}

/** Where a DOM value is: its element, and the attribute when that is not obvious from the kind. */
export function domKeyPath(value: DomValue): string {
  switch (value.kind) {
    case 'comment':
      return value.selector;
    case 'meta':
      return `${value.selector}@content`;
    case 'hidden-input':
      return `${value.selector}@value`;
    case 'data-attribute':
      return `${value.selector}@${value.name}`;
  }
}

/**
 * DOM values are scanned with their name, as `"name": "value"`, because most are only credentials by
 * name (`<input type=hidden name=api_key>`, `data-api-key`): generic assignment rules need to see it.
 * Positions inside that synthetic text mean nothing; the key path locates the value. Comments are
 * prose, scanned as they are, with the line inside the comment.
 */
function scanDomValue(value: DomValue, pageUrl: string, origin: string): Finding[] {
  const keyPath = domKeyPath(value);
  const scanOrigin = { source: 'dom' as const, location: { url: pageUrl, keyPath }, identity: `${origin}\u0000${keyPath}` };
  if (value.kind === 'comment') return scanText(value.value, scanOrigin);
  const trimmed = value.value.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    // data-config='{"apiKey": …}': a JSON value is walked, findings at their JSON path.
    const structured = scanMaybeJson(value.value, scanOrigin);
    if (structured.length > 0) return structured;
  }
  // `data-api-key` reads as `api-key` to a rule: the prefix is HTML's, not the app's naming.
  const name = value.kind === 'data-attribute' ? value.name.replace(/^data-/, '') : value.name;
  const assignment = `${JSON.stringify(name)}: ${JSON.stringify(value.value)}`;
  return scanText(assignment, scanOrigin).map(({ location: { line: _line, column: _column, ...location }, ...finding }) => ({ ...finding, location }));
}

export function parseCookies(cookieHeader: string): [string, string][] {
  const cookies: [string, string][] = [];
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    cookies.push([part.slice(0, separator).trim(), part.slice(separator + 1).trim()]);
  }
  return cookies;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
