/**
 * Turns webRequest events into inspected requests and tab attribution.
 *
 * - One request, one inspection: the URL and body arrive with onBeforeRequest, the headers with
 *   onBeforeSendHeaders; cleartext and mixed-content judgements need both, so the first is held
 *   (in memory, bounded, for a few seconds at most) until the second, or until the request ends.
 * - Tabs: a new top-level navigation resets the tab's findings. A redirect chain is one navigation
 *   (`requestId` stays the same): each leg resets the tab to the new URL, so the stored page URL is the
 *   one the user ends up on, and the findings of the earlier legs (a code in an OAuth callback, a
 *   Set-Cookie on the login redirect) are replayed after the reset instead of being lost.
 * - The extension's own requests and out-of-scope pages are ignored.
 */
import type { Finding } from '../../shared/finding.ts';
import { inspectRequest, inspectResponse, type NetworkInspectionOptions, type RequestDescription } from '../../engine/inspectors/exchange.ts';
import { crossSource, type CrossSourceCounter } from './cross-source.ts';
import { describeHeaders, describeRequestBody, type HttpHeaderLike, type RequestBodyLike } from './describe.ts';
import { defaultNetworkScope, type NetworkScope } from './scope.ts';

export interface RequestDetailsLike {
  requestId: string;
  url: string;
  method: string;
  tabId: number;
  type: string;
  /** Chrome: origin of the document that made the request. */
  initiator?: string;
  /** Firefox: URL of the document / of what triggered the request. */
  documentUrl?: string;
  originUrl?: string;
  frameId?: number;
  /** Chrome: 'prerender' for speculative loads, which are not what the user sees. */
  documentLifecycle?: string;
  requestBody?: RequestBodyLike | null;
  requestHeaders?: HttpHeaderLike[];
  responseHeaders?: HttpHeaderLike[];
  statusCode?: number;
}

export interface RequestObserverSink {
  /** A new top-level document started loading in the tab. */
  onNavigation(tabId: number, url: string): void;
  onFindings(tabId: number, findings: Finding[]): void;
  /**
   * The browser saw requests whose findings the page hook had already reported, and that were counted
   * then (CrossSourceCounter): replace the page's copies with these, counting nothing.
   */
  onConfirmations(tabId: number, findings: Finding[]): void;
  /** A script finished loading in the tab: fetch and scan it. */
  onScript(tabId: number, url: string): void;
}

export interface TimersLike {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface RequestTrackerOptions {
  scope?: NetworkScope;
  /** Read at each inspection, so settings (the loopback option) apply at once. */
  inspection?: () => NetworkInspectionOptions;
  /** Hold each request until its headers arrive (only when onBeforeSendHeaders is registered). */
  awaitHeaders?: boolean;
  timers?: TimersLike;
  crossSource?: CrossSourceCounter;
}

interface Pending {
  tabId: number;
  description: RequestDescription;
  timer: unknown;
}

interface Navigation {
  requestId: string;
  /** Findings of this navigation's own requests and responses, replayed after each redirect's reset. */
  findings: Finding[];
}

/** A request without headers after this long (cached, cancelled, blocked by another extension) is inspected as it is. */
const PENDING_TIMEOUT_MS = 3000;
const MAX_PENDING = 2000;
const MAX_NAVIGATION_FINDINGS = 200;

/** The extension's own requests (script fetches, popup) carry no tab or come from an extension origin. */
export function isOwnOrBackgroundRequest(details: Pick<RequestDetailsLike, 'tabId' | 'initiator' | 'originUrl'>): boolean {
  const initiator = details.initiator ?? details.originUrl ?? '';
  return details.tabId < 0 || /^(?:chrome|moz)-extension:/.test(initiator);
}

export class RequestTracker {
  private readonly pending = new Map<string, Pending>();
  private readonly navigations = new Map<number, Navigation>();
  /** Last top-level URL per tab, for the scope check (lost when the worker stops: the initiator then stands in). */
  private readonly pages = new Map<number, string>();
  private readonly scope: NetworkScope;
  private readonly timers: TimersLike;
  private readonly counter: CrossSourceCounter;

  constructor(
    private readonly sink: RequestObserverSink,
    private readonly options: RequestTrackerOptions = {},
  ) {
    this.scope = options.scope ?? defaultNetworkScope;
    this.timers = options.timers ?? { setTimeout: (callback, ms) => setTimeout(callback, ms), clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>) };
    this.counter = options.crossSource ?? crossSource;
  }

  private documentOf(details: RequestDetailsLike): string | undefined {
    return details.documentUrl ?? details.initiator ?? details.originUrl;
  }

  private inScope(details: RequestDetailsLike): boolean {
    const query: Parameters<NetworkScope>[0] = { url: details.url };
    const initiator = this.documentOf(details);
    if (initiator !== undefined) query.initiator = initiator;
    const page = details.type === 'main_frame' ? details.url : this.pages.get(details.tabId);
    if (page !== undefined) query.pageUrl = page;
    return this.scope(query);
  }

  beforeRequest(details: RequestDetailsLike): void {
    if (isOwnOrBackgroundRequest(details)) return;
    // A redirect leg arrives under the same requestId: finish the previous leg first.
    this.flush(details.requestId);
    if (details.type === 'main_frame' && details.documentLifecycle !== 'prerender') this.navigate(details);
    if (!this.inScope(details)) return;
    const description: RequestDescription = { url: details.url, method: details.method, type: details.type };
    const document = this.documentOf(details);
    if (document !== undefined && details.type !== 'main_frame') description.documentUrl = document;
    const body = describeRequestBody(details.requestBody);
    if (body) description.body = body;
    if (!this.options.awaitHeaders) {
      this.emit(details.tabId, details.requestId, details.type, inspectRequest(description, this.inspectionOptions()));
      return;
    }
    if (this.pending.size >= MAX_PENDING) {
      const oldest = this.pending.keys().next().value;
      if (oldest !== undefined) this.flush(oldest);
    }
    const timer = this.timers.setTimeout(() => this.flush(details.requestId), PENDING_TIMEOUT_MS);
    this.pending.set(details.requestId, { tabId: details.tabId, description, timer });
  }

  beforeSendHeaders(details: RequestDetailsLike): void {
    const held = this.take(details.requestId);
    if (!held) return;
    const headers = describeHeaders(details.requestHeaders);
    if (headers.length > 0) held.description.headers = headers;
    this.emit(held.tabId, details.requestId, held.description.type ?? details.type, inspectRequest(held.description, this.inspectionOptions()));
  }

  headersReceived(details: RequestDetailsLike): void {
    this.flush(details.requestId);
    if (isOwnOrBackgroundRequest(details) || !this.inScope(details)) return;
    const headers = describeHeaders(details.responseHeaders);
    if (headers.length === 0) return;
    const document = this.documentOf(details);
    const response = { url: details.url, type: details.type, headers, ...(document !== undefined ? { documentUrl: document } : {}) };
    this.emit(details.tabId, details.requestId, details.type, inspectResponse(response, this.inspectionOptions()));
  }

  /** onCompleted / onErrorOccurred: whatever is still held is inspected without headers. */
  finished(details: RequestDetailsLike): void {
    this.flush(details.requestId);
  }

  private inspectionOptions(): NetworkInspectionOptions {
    return this.options.inspection?.() ?? {};
  }

  private take(requestId: string): Pending | undefined {
    const held = this.pending.get(requestId);
    if (!held) return undefined;
    this.pending.delete(requestId);
    this.timers.clearTimeout(held.timer);
    return held;
  }

  private flush(requestId: string): void {
    const held = this.take(requestId);
    if (held) this.emit(held.tabId, requestId, held.description.type ?? '', inspectRequest(held.description, this.inspectionOptions()));
  }

  private navigate(details: RequestDetailsLike): void {
    const current = this.navigations.get(details.tabId);
    this.pages.set(details.tabId, details.url);
    if (current?.requestId === details.requestId) {
      // A redirect: same navigation, new URL. Reset to it, then bring back what the earlier legs found.
      this.sink.onNavigation(details.tabId, details.url);
      if (current.findings.length > 0) this.sink.onFindings(details.tabId, [...current.findings]);
      return;
    }
    this.navigations.set(details.tabId, { requestId: details.requestId, findings: [] });
    this.counter.forgetTab(details.tabId);
    this.sink.onNavigation(details.tabId, details.url);
  }

  private emit(tabId: number, requestId: string, type: string, findings: Finding[]): void {
    const { kept, confirmations } = this.counter.keep('network', tabId, findings);
    if (confirmations.length > 0) this.sink.onConfirmations(tabId, confirmations);
    if (kept.length === 0) return;
    const navigation = this.navigations.get(tabId);
    if (type === 'main_frame' && navigation?.requestId === requestId && navigation.findings.length < MAX_NAVIGATION_FINDINGS) {
      navigation.findings.push(...kept.slice(0, MAX_NAVIGATION_FINDINGS - navigation.findings.length));
    }
    this.sink.onFindings(tabId, kept);
  }

  /** A closed tab: forget its navigation state and its sightings. */
  forgetTab(tabId: number): void {
    this.navigations.delete(tabId);
    this.pages.delete(tabId);
    this.counter.forgetTab(tabId);
  }
}
