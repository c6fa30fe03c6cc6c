import { PROBE_CHANNEL, type ProbeKind, type ProbeMessage } from '../probe-protocol.ts';

/** Same-origin postMessage to the isolated content script (the page can see it too: nothing secret-only goes here that the page does not already hold). */
export function postToContentScript(kind: ProbeKind, payload: unknown): void {
  const message: ProbeMessage = { channel: PROBE_CHANNEL, kind, payload };
  window.postMessage(message, window.location.origin);
}
