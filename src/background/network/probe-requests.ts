/**
 * `requests` reports from the MAIN-world network hook (src/content/probe/network-hook.ts): requests the
 * page attempted that webRequest may not show (mixed content Chromium blocked or upgraded, headers on
 * browsers that hide them), the page's own URL (fragment tokens) and its `<meta name="referrer">`. The
 * page can forge all of it: shapes and sizes are checked, `page` entries must be about the page's own
 * origin, and findings are labelled "reported by the page" by the caller. What webRequest already
 * reported for the same request is dropped, so one request counts once.
 */
import type { Finding } from '../../shared/finding.ts';
import { NETWORK_HOOK_LIMITS, type NetworkHookApi, type ProbeRequestEntry } from '../../content/probe/network-hook.ts';
import { inspectPageUrl, inspectRequest, type RequestDescription } from '../../engine/inspectors/exchange.ts';
import { isPlainScheme, isSecureScheme, parseUrl } from '../../engine/inspectors/transport.ts';
import type { ProbeContext } from '../probe-handlers.ts';
import { crossSource } from './cross-source.ts';

const APIS: ReadonlySet<string> = new Set<NetworkHookApi>(['fetch', 'xhr', 'websocket', 'beacon', 'form', 'element', 'page']);

const isString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;
const isOptionalString = (value: unknown, max: number) => value === undefined || isString(value, max);

function isEntry(value: unknown): value is ProbeRequestEntry {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  if (!isString(entry.api, 16) || !APIS.has(entry.api) || !isString(entry.url, NETWORK_HOOK_LIMITS.maxUrlLength)) return false;
  if (!isOptionalString(entry.method, 16) || !isOptionalString(entry.body, NETWORK_HOOK_LIMITS.maxBodyLength)) return false;
  if (!isOptionalString(entry.tag, 20) || !isOptionalString(entry.referrerPolicy, 200)) return false;
  if (entry.passwordField !== undefined && typeof entry.passwordField !== 'boolean') return false;
  if (entry.headers === undefined) return true;
  return (
    Array.isArray(entry.headers) &&
    entry.headers.length <= NETWORK_HOOK_LIMITS.maxHeaders &&
    entry.headers.every((pair) => Array.isArray(pair) && pair.length === 2 && isString(pair[0], 200) && isString(pair[1], NETWORK_HOOK_LIMITS.maxHeaderLength))
  );
}

export function isRequestsPayload(payload: unknown): payload is ProbeRequestEntry[] {
  return Array.isArray(payload) && payload.length <= NETWORK_HOOK_LIMITS.maxEntries && payload.every(isEntry);
}

/** The webRequest-style type of what the page did, so findings read the same whoever saw the request. */
function typeOf(entry: ProbeRequestEntry): string {
  switch (entry.api) {
    case 'xhr':
      return 'xmlhttprequest';
    case 'beacon':
      return 'ping';
    case 'element':
      return entry.tag ?? 'element';
    default:
      return entry.api;
  }
}

export function scanProbeRequests(payload: unknown, { tabId, pageUrl }: ProbeContext): Finding[] | undefined {
  if (!isRequestsPayload(payload)) return undefined;
  const page = parseUrl(pageUrl);
  if (!page) return undefined;
  const findings: Finding[] = [];
  for (const entry of payload) {
    if (entry.api === 'page') {
      // Only the page's own URL: a page cannot make findings appear for another site.
      if (parseUrl(entry.url)?.origin !== page.origin) continue;
      findings.push(...inspectPageUrl(entry.url, entry.referrerPolicy ? { referrerPolicy: entry.referrerPolicy } : {}));
      continue;
    }
    const target = parseUrl(entry.url);
    if (!target) continue;
    const description: RequestDescription = { url: entry.url, type: typeOf(entry), documentUrl: page.href, attempted: true };
    if (entry.method) description.method = entry.method;
    if (entry.headers) description.headers = entry.headers.map(([name, value]) => ({ name, value }));
    if (entry.passwordField) description.passwordField = true;
    if (isSecureScheme(page.protocol) && isPlainScheme(target.protocol)) {
      // Mixed content: the browser most likely blocked it, so nobody else saw its URL or body.
      if (entry.body) description.body = { kind: 'text', text: entry.body, ...(entry.api === 'form' ? { contentType: 'application/x-www-form-urlencoded' } : {}) };
    } else {
      // webRequest saw this request's URL and body; only the headers can be new.
      if (!description.headers) continue;
      description.skipUrl = true;
    }
    findings.push(...inspectRequest(description));
  }
  // Only the browser confirms: the page side's `confirmations` is always empty.
  return crossSource.keep('page', tabId, findings).kept;
}
