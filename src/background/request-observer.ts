/**
 * webRequest observers. They must be registered synchronously when the service worker's top-level
 * code runs, or events that woke the worker are lost (PLATFORM.md: the readiness race). Each
 * registration is guarded on its own: Firefox throws synchronously on `'extraHeaders'`, and an
 * exception here would abort the worker's top level and every listener after it. Handlers only
 * describe what they saw (network/request-tracker.ts); the inspectors judge, the store keeps.
 *
 * What Chromium shows (PLATFORM.md): request bodies (`formData`, or `raw` bytes for JSON), request
 * headers including Authorization, and — only with `'extraHeaders'` — Cookie, Referer and the
 * response's Set-Cookie. WebSocket handshakes are requests of type `websocket`.
 */
import type { NetworkInspectionOptions } from '../engine/inspectors/exchange.ts';
import { isOwnOrBackgroundRequest, RequestTracker, type RequestDetailsLike, type RequestObserverSink, type TimersLike } from './network/request-tracker.ts';
import type { NetworkScope } from './network/scope.ts';

export { isOwnOrBackgroundRequest } from './network/request-tracker.ts';
export type { RequestDetailsLike, RequestObserverSink } from './network/request-tracker.ts';

export interface RequestEventLike<Details> {
  addListener(callback: (details: Details) => void, filter: { urls: string[]; types?: string[] }, extraInfoSpec?: string[]): void;
}

export interface WebRequestLike {
  onBeforeRequest: RequestEventLike<RequestDetailsLike>;
  onCompleted: RequestEventLike<RequestDetailsLike>;
  onBeforeSendHeaders?: RequestEventLike<RequestDetailsLike>;
  onHeadersReceived?: RequestEventLike<RequestDetailsLike>;
  onErrorOccurred?: RequestEventLike<RequestDetailsLike>;
  /** Chrome's enums; `EXTRA_HEADERS` exists only where `'extraHeaders'` is accepted. */
  OnBeforeSendHeadersOptions?: Record<string, string | undefined>;
  OnHeadersReceivedOptions?: Record<string, string | undefined>;
}

export interface RequestObserverOptions {
  scope?: NetworkScope;
  inspection?: () => NetworkInspectionOptions;
  timers?: TimersLike;
}

/** Which listeners are in place: the background can say what it cannot see. */
export interface RegisteredObservers {
  requests: boolean;
  completions: boolean;
  requestHeaders: boolean;
  responseHeaders: boolean;
  errors: boolean;
  /** Drop a closed tab's navigation state. */
  forgetTab(tabId: number): void;
  /** 'extraHeaders' was accepted (Chrome: Cookie, Referer, Set-Cookie visible). Firefox refuses it and shows them anyway. */
  extraHeaders: boolean;
}

const ALL_URLS = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };

function supportsExtraHeaders(options: Record<string, string | undefined> | undefined): boolean {
  try {
    return options?.EXTRA_HEADERS === 'extraHeaders';
  } catch {
    return false;
  }
}

/** A listener that never throws into the browser's event dispatch. */
function guarded(handler: (details: RequestDetailsLike) => void): (details: RequestDetailsLike) => void {
  return (details) => {
    try {
      handler(details);
    } catch {
      // One malformed event must not stop the next: nothing else to do with it.
    }
  };
}

/**
 * Adds a listener; when the spec with 'extraHeaders' is refused, tries again without it. Returns the
 * spec that was accepted, or undefined when the event could not be observed at all.
 */
function register(
  event: RequestEventLike<RequestDetailsLike> | undefined,
  handler: (details: RequestDetailsLike) => void,
  filter: { urls: string[]; types?: string[] },
  spec?: string[],
): string[] | undefined {
  if (!event) return undefined;
  const listener = guarded(handler);
  const attempts = spec?.includes('extraHeaders') ? [spec, spec.filter((item) => item !== 'extraHeaders')] : [spec];
  for (const attempt of attempts) {
    try {
      if (attempt) event.addListener(listener, filter, attempt);
      else event.addListener(listener, filter);
      return attempt ?? [];
    } catch {
      // Refused (unknown extraInfoSpec value, missing permission): try the next form.
    }
  }
  return undefined;
}

export function registerRequestObservers(webRequest: WebRequestLike, sink: RequestObserverSink, options: RequestObserverOptions = {}): RegisteredObservers {
  const extraRequest = supportsExtraHeaders(webRequest.OnBeforeSendHeadersOptions);
  const extraResponse = supportsExtraHeaders(webRequest.OnHeadersReceivedOptions);
  // Without a headers event there is nothing to wait for: requests are inspected as they start.
  const headersAvailable = webRequest.onBeforeSendHeaders !== undefined;
  const tracker = new RequestTracker(sink, { ...options, awaitHeaders: headersAvailable });

  const requests = register(webRequest.onBeforeRequest, (details) => tracker.beforeRequest(details), ALL_URLS, ['requestBody']) !== undefined
    || register(webRequest.onBeforeRequest, (details) => tracker.beforeRequest(details), ALL_URLS) !== undefined;
  const completions =
    register(
      webRequest.onCompleted,
      (details) => {
        tracker.finished(details);
        if (details.type === 'script' && !isOwnOrBackgroundRequest(details)) sink.onScript(details.tabId, details.url);
      },
      ALL_URLS,
    ) !== undefined;
  const requestSpec = register(webRequest.onBeforeSendHeaders, (details) => tracker.beforeSendHeaders(details), ALL_URLS, ['requestHeaders', ...(extraRequest ? ['extraHeaders'] : [])]);
  const responseSpec = register(webRequest.onHeadersReceived, (details) => tracker.headersReceived(details), ALL_URLS, ['responseHeaders', ...(extraResponse ? ['extraHeaders'] : [])]);
  const errors = register(webRequest.onErrorOccurred, (details) => tracker.finished(details), ALL_URLS) !== undefined;
  return {
    requests,
    completions,
    requestHeaders: requestSpec !== undefined,
    responseHeaders: responseSpec !== undefined,
    errors,
    extraHeaders: requestSpec?.includes('extraHeaders') === true,
    forgetTab: (tabId) => tracker.forgetTab(tabId),
  };
}
