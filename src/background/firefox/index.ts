/**
 * What Firefox gives the background beyond Chromium, registered only where it exists. Chromium has no
 * `webRequest.filterResponseData`, so the Chrome build registers nothing here (feature detection,
 * not a build flag: the same background code runs in both).
 */
import { registerResponseBodyReader, supportsResponseFilters, type ResponseBodySink, type ScopeGateLike } from './response-bodies.ts';

export interface FirefoxAdditions {
  responseBodies: boolean;
}

export function registerFirefoxAdditions(webRequest: unknown, sink: ResponseBodySink, gate?: ScopeGateLike): FirefoxAdditions {
  const additions: FirefoxAdditions = { responseBodies: false };
  if (supportsResponseFilters(webRequest)) {
    try {
      registerResponseBodyReader(webRequest, sink, gate ? { gate } : {});
      additions.responseBodies = true;
    } catch {
      // A browser that has the method but refuses the blocking listener (no webRequestBlocking):
      // the other listeners are already registered and keep working.
    }
  }
  return additions;
}
