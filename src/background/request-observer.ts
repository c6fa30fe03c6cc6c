/**
 * webRequest observers. They must be registered synchronously when the service worker's top-level
 * code runs, or events that woke the worker are lost (PLATFORM.md: the readiness race). Each handler
 * only describes the request and hands it to the pure inspectors; storage is the store's business.
 */
import type { Finding } from '../shared/finding.ts';
import { inspectUrl } from '../engine/inspectors/url.ts';

export interface RequestDetailsLike {
  requestId: string;
  url: string;
  method: string;
  tabId: number;
  type: string;
  initiator?: string;
  /** Firefox names the initiator this way. */
  originUrl?: string;
  documentUrl?: string;
}

export interface RequestEventLike<Details> {
  addListener(callback: (details: Details) => void, filter: { urls: string[]; types?: string[] }, extraInfoSpec?: string[]): void;
}

export interface WebRequestLike {
  onBeforeRequest: RequestEventLike<RequestDetailsLike>;
  onCompleted: RequestEventLike<RequestDetailsLike>;
}

export interface RequestObserverSink {
  /** A new top-level document started loading in the tab. */
  onNavigation(tabId: number, url: string): void;
  onFindings(tabId: number, findings: Finding[]): void;
  /** A script finished loading in the tab: fetch and scan it. */
  onScript(tabId: number, url: string): void;
}

const ALL_URLS = { urls: ['http://*/*', 'https://*/*', 'ws://*/*', 'wss://*/*'] };

/** The extension's own requests (script fetches, popup) carry no tab or come from an extension origin. */
export function isOwnOrBackgroundRequest(details: RequestDetailsLike): boolean {
  const initiator = details.initiator ?? details.originUrl ?? '';
  return details.tabId < 0 || /^(?:chrome|moz)-extension:/.test(initiator);
}

export function registerRequestObservers(webRequest: WebRequestLike, sink: RequestObserverSink): void {
  webRequest.onBeforeRequest.addListener((details) => {
    if (isOwnOrBackgroundRequest(details)) return;
    if (details.type === 'main_frame') sink.onNavigation(details.tabId, details.url);
    const findings = inspectUrl(details.url, { source: details.type === 'websocket' ? 'websocket' : 'request-url' });
    if (findings.length > 0) sink.onFindings(details.tabId, findings);
  }, ALL_URLS);

  webRequest.onCompleted.addListener(
    (details) => {
      if (isOwnOrBackgroundRequest(details)) return;
      sink.onScript(details.tabId, details.url);
    },
    { ...ALL_URLS, types: ['script'] },
  );
}
