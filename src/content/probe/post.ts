import { PROBE_CHANNEL, type ProbeKind, type ProbeMessage } from '../probe-protocol.ts';

/**
 * The window's own postMessage, taken when the probe starts (document_start, before any page script):
 * a page that later replaces `window.postMessage` — with a wrapper that drops what it does not know, or
 * on purpose — cannot stop the probe's reports from reaching the content script. (Without a window at
 * load time, as in unit tests that install a fake one later, it is looked up when posting.)
 */
const nativePostMessage: Window['postMessage'] | undefined = typeof window === 'object' ? window.postMessage.bind(window) : undefined;

/** Same-origin postMessage to the isolated content script (the page can see it too: nothing secret-only goes here that the page does not already hold). */
export function postToContentScript(kind: ProbeKind, payload: unknown): void {
  const message: ProbeMessage = { channel: PROBE_CHANNEL, kind, payload };
  (nativePostMessage ?? window.postMessage.bind(window))(message, window.location.origin);
}
