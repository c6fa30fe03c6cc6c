/**
 * The private channel from the MAIN-world probe to the isolated content script: page scripts can
 * neither read it nor write to it.
 *
 * Why not `window.postMessage` (what this replaced): every `message` listener on the page receives
 * what is posted there — third-party widgets that log messages they do not know, session-replay and
 * error-tracking SDKs that keep them as breadcrumbs and upload them — so the probe's reports (response
 * bodies and config globals, secrets included) were handed to code that ships data off the machine.
 * And any page script could forge reports and flood the relay.
 *
 * How: the two worlds share the browser's platform objects (the DOM, event targets) but no JavaScript
 * objects, and listeners of both worlds see the same events. At document_start, before any page script
 * has run, the probe creates a bare `EventTarget` (cheaper than an element: no element interface to
 * set up while the page waits) and dispatches a cancelable event on `document` whose `relatedTarget`
 * is that target. The content script's listener keeps the target and cancels the event, which tells
 * the probe it was heard. From then on each report is a `CustomEvent` dispatched on that target, its
 * `detail` the report's JSON text (a string crosses worlds as is, in Chromium and Firefox alike). No
 * page-visible object refers to the target, so page scripts cannot listen on it or dispatch to it.
 *
 * Both scripts run at document_start, in either order; whichever comes second completes the handshake
 * (the content script asks with a `request` event, the probe answers it), still before any page
 * script. Each side stops listening once the handshake is done, so a page cannot ask for the target
 * later or hand the content script one of its own. (Only if the probe never ran at all does the
 * content script's hello listener stay — reports then come from nowhere but the page, and are
 * labelled "reported by the page", as every probe report is.)
 *
 * The manifest lists the content script first: the probe's first announcement is then heard, which
 * saves the page a second announcement while its parser waits (both scripts' time before the page's
 * first script: 3.75–3.87 → 3.54–3.57 ms, medians of 24 paired loads, measured twice).
 */

export const PROBE_CHANNEL_EVENTS = {
  /** probe → document: "here is the target", cancelled by the content script when heard. */
  hello: 'leaklens:probe-hello',
  /** content script → document: "announce yourself" (the probe ran first). */
  request: 'leaklens:probe-request',
  /** probe → the shared target: one report, as JSON text. */
  report: 'leaklens:probe-report',
} as const;

/** The probe's side: `send` delivers one report's text; `connected` is false until the handshake is done (send is then a no-op). */
export interface ProbeChannel {
  send(text: string): void;
  connected(): boolean;
}

/**
 * Opens the probe's side. Call at document_start, before any page script: the natives it uses are
 * taken now, so a page that later replaces `dispatchEvent`, `MouseEvent` or `CustomEvent` cannot
 * see or stop the reports.
 */
export function openProbeChannel(doc: Document): ProbeChannel {
  const MouseEventClass = MouseEvent;
  const CustomEventClass = CustomEvent;
  // A bound `call`: later changes to Function.prototype.call or EventTarget.prototype do not reach it.
  // (Only dispatching outlives document_start; the listener below comes and goes before any page script.)
  const dispatch = Function.prototype.call.bind(EventTarget.prototype.dispatchEvent) as (target: EventTarget, event: Event) => boolean;
  const target = new EventTarget();
  let connected = false;

  const announce = (): boolean => {
    // Not cancelled = nobody heard it (yet).
    connected = !dispatch(doc, new MouseEventClass(PROBE_CHANNEL_EVENTS.hello, { relatedTarget: target, cancelable: true }));
    return connected;
  };
  if (!announce()) {
    const onRequest = () => {
      if (announce()) doc.removeEventListener(PROBE_CHANNEL_EVENTS.request, onRequest, true);
    };
    doc.addEventListener(PROBE_CHANNEL_EVENTS.request, onRequest, true);
  }
  return {
    send(text: string): void {
      if (connected) dispatch(target, new CustomEventClass(PROBE_CHANNEL_EVENTS.report, { detail: text }));
    },
    connected: () => connected,
  };
}

/**
 * Opens the content script's side: `onReport` gets each report's text. Call at document_start.
 * Accepts one target only, and only a bare one: not a node of the page, not the window.
 */
export function openContentChannel(doc: Document, onReport: (text: string) => void): void {
  const onHello = (event: Event) => {
    const target = (event as MouseEvent).relatedTarget;
    if (!(target instanceof EventTarget) || target instanceof Node || target === doc.defaultView) return;
    event.preventDefault();
    doc.removeEventListener(PROBE_CHANNEL_EVENTS.hello, onHello, true);
    target.addEventListener(PROBE_CHANNEL_EVENTS.report, (report) => {
      const text = (report as CustomEvent<unknown>).detail;
      if (typeof text === 'string') onReport(text);
    });
  };
  doc.addEventListener(PROBE_CHANNEL_EVENTS.hello, onHello, true);
  doc.dispatchEvent(new Event(PROBE_CHANNEL_EVENTS.request));
}
