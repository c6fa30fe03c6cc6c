/**
 * Firefox only: read the bodies of JSON responses to the page's fetch/XHR calls in the background,
 * with `webRequest.filterResponseData`, and scan them as `response-body` findings.
 *
 * Why: config endpoints (`/api/config`, `/env.json`, `/settings`) hand the browser server-side keys.
 * Chromium shows the background no response body, so there only the MAIN-world fetch/XHR hook sees
 * them, and that hook lives in the page's world: page scripts can run before it, bypass it (workers,
 * iframes, a saved `fetch`), or forge what it reports. Here the browser itself hands over the bytes.
 *
 * Bounded on purpose, because the filter sits in the response path:
 * - only `xmlhttprequest` responses (fetch and XHR) with a 2xx status and a JSON content type, in tabs
 *   the user's scope admits;
 * - every chunk is passed on to the page as it arrives (a copy is kept), so the page never waits on
 *   a scan; the scan runs after the response has been handed over in full;
 * - at most `maxBytes` are copied per response (a larger declared length is not filtered at all; a
 *   longer stream is let go with `disconnect()` and not scanned) and at most `maxActive` responses
 *   are filtered at once, so memory stays bounded whatever the page does;
 * - any error in the filter disconnects it, which hands the rest of the response back to Firefox.
 * Scripts are not filtered: the background already fetches each script by URL (script-scan.ts), and
 * routing every script of every page through the extension would slow page loads for little gain.
 */
import { crossSource, type CrossSourceCounter } from '../network/cross-source.ts';
import type { Finding } from '../../shared/finding.ts';
import { inspectResponseBody } from '../../engine/inspectors/exchange.ts';

export const RESPONSE_BODY_LIMITS = { maxBytes: 1024 * 1024, maxActive: 16 } as const;

/** The part of Firefox's `webRequest.StreamFilter` used here. */
export interface StreamFilterLike {
  ondata: ((event: { data: ArrayBuffer }) => void) | null;
  onstop: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
  write(data: ArrayBuffer | Uint8Array): void;
  close(): void;
  disconnect(): void;
}

export interface ResponseDetailsLike {
  requestId: string;
  url: string;
  tabId: number;
  type: string;
  statusCode: number;
  /** Firefox names the initiator this way. */
  originUrl?: string;
  responseHeaders?: { name: string; value?: string }[];
}

export interface FilteringWebRequestLike {
  onHeadersReceived: {
    addListener(callback: (details: ResponseDetailsLike) => undefined, filter: { urls: string[]; types?: string[] }, extraInfoSpec?: string[]): void;
  };
  filterResponseData(requestId: string): StreamFilterLike;
}

export interface ResponseBodySink {
  onFindings(tabId: number, findings: Finding[]): void;
  /** The browser's own read of a response the page hook already reported (see cross-source.ts). */
  onConfirmations(tabId: number, findings: Finding[]): void;
}

/** The user's scope (scope-gate.ts / BackgroundController): out-of-scope tabs' bodies are never read. */
export interface ScopeGateLike {
  /** Settings loaded. Until then nothing is read: a blocking listener cannot wait for them. */
  isReady(): boolean;
  admitRequest(event: string, details: ResponseDetailsLike): boolean;
}

export interface ResponseBodyOptions {
  maxBytes?: number;
  maxActive?: number;
  gate?: ScopeGateLike;
  /** Shared with the page hook's response reports, so a response both read counts once. */
  crossSource?: CrossSourceCounter;
}

/** True only where response filtering exists: Firefox with the permission; never Chromium. */
export function supportsResponseFilters(webRequest: unknown): webRequest is FilteringWebRequestLike {
  const candidate = webRequest as Partial<FilteringWebRequestLike> | undefined;
  return typeof candidate?.filterResponseData === 'function' && typeof candidate.onHeadersReceived?.addListener === 'function';
}

function header(details: ResponseDetailsLike, name: string): string | undefined {
  return details.responseHeaders?.find((entry) => entry.name.toLowerCase() === name)?.value;
}

/** `application/json`, `application/problem+json`, `text/json`…: what config endpoints answer with. */
export function isJsonContentType(value: string | undefined): boolean {
  return value !== undefined && /^\s*(?:application|text)\/(?:[\w.-]+\+)?json\s*(?:;|$)/i.test(value);
}

/** Whether a response is worth filtering; everything else flows past untouched. */
export function shouldReadBody(details: ResponseDetailsLike, maxBytes: number = RESPONSE_BODY_LIMITS.maxBytes): boolean {
  if (details.tabId < 0 || details.type !== 'xmlhttprequest') return false;
  if ((details.originUrl ?? '').startsWith('moz-extension:')) return false;
  if (details.statusCode < 200 || details.statusCode > 299 || details.statusCode === 204) return false;
  if (!/^https?:/.test(details.url)) return false;
  if (!isJsonContentType(header(details, 'content-type'))) return false;
  const declared = Number(header(details, 'content-length') ?? '0');
  return !(declared > maxBytes);
}

/**
 * The same inspector as HAR responses and the page hook's reports, so a body seen both here and by the
 * hook is one finding (same fingerprint), and the same rules apply (a token endpoint answering with a
 * bearer token is how sign-in works, not a leak).
 */
export function scanResponseBody(url: string, text: string): Finding[] {
  return inspectResponseBody(text, url);
}

export function registerResponseBodyReader(webRequest: FilteringWebRequestLike, sink: ResponseBodySink, options: ResponseBodyOptions = {}): void {
  const maxBytes = options.maxBytes ?? RESPONSE_BODY_LIMITS.maxBytes;
  const maxActive = options.maxActive ?? RESPONSE_BODY_LIMITS.maxActive;
  const gate = options.gate;
  const counter = options.crossSource ?? crossSource;
  let active = 0;

  const read = (details: ResponseDetailsLike) => {
    let filter: StreamFilterLike;
    try {
      filter = webRequest.filterResponseData(details.requestId);
    } catch {
      // Refused (the event page is suspending, or the permission was withdrawn): nothing to read.
      return;
    }
    active++;
    let chunks: Uint8Array[] = [];
    let size = 0;
    let released = false;
    /** Ends our part exactly once, whichever of stop, error or overflow comes first. */
    const release = (): boolean => {
      if (released) return false;
      released = true;
      active--;
      chunks = [];
      return true;
    };
    const letGo = () => {
      if (!release()) return;
      try {
        filter.disconnect();
      } catch {
        // Already closed by Firefox: the page has its response either way.
      }
    };

    filter.ondata = (event) => {
      try {
        const bytes = new Uint8Array(event.data);
        if (released || size + bytes.byteLength > maxBytes) {
          // Too long to scan: hand this chunk and the rest of the stream back to Firefox untouched.
          filter.write(bytes);
          letGo();
          return;
        }
        chunks.push(bytes.slice());
        size += bytes.byteLength;
        filter.write(bytes);
      } catch {
        letGo();
      }
    };
    filter.onstop = () => {
      const body = chunks;
      const bodySize = size;
      if (!release()) return;
      try {
        filter.close();
      } catch {
        // Nothing left to hand over.
      }
      // The page already has the whole response; the scan runs in the background only.
      const text = decode(body, bodySize);
      if (text === undefined) return;
      // The page hook may have reported the same body: one response counts once, and the browser's
      // read confirms the page's report rather than adding to it.
      const { kept, confirmations } = counter.keep('network', details.tabId, scanResponseBody(details.url, text));
      if (confirmations.length > 0) sink.onConfirmations(details.tabId, confirmations);
      if (kept.length > 0) sink.onFindings(details.tabId, kept);
    };
    filter.onerror = () => {
      release();
    };
  };

  webRequest.onHeadersReceived.addListener(
    (details) => {
      // Synchronous and cheap: this is a blocking listener, so the response waits until it returns.
      if (active >= maxActive || !shouldReadBody(details, maxBytes)) return undefined;
      // A restricted scope is never bypassed, not even in the moment after the worker woke up.
      if (gate && !(gate.isReady() && gate.admitRequest('onHeadersReceived', details))) return undefined;
      read(details);
      return undefined;
    },
    { urls: ['http://*/*', 'https://*/*'], types: ['xmlhttprequest'] },
    ['blocking', 'responseHeaders'],
  );
}

function decode(chunks: Uint8Array[], size: number): string | undefined {
  if (size === 0) return undefined;
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder('utf-8').decode(joined);
}
