// @vitest-environment happy-dom
/**
 * The private channel between the MAIN-world probe and the content script (src/content/probe-channel.ts),
 * against happy-dom: the handshake in either order, reports delivered as text, and what a page script
 * that knows the protocol can do once the handshake is over — nothing: it cannot overhear reports, get
 * the shared target, hand the content script one of its own, or stop reports by replacing builtins.
 * Each test uses a fresh document (same realm), as each page load has.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openContentChannel, openProbeChannel, PROBE_CHANNEL_EVENTS } from '../../src/content/probe-channel.ts';

const freshDocument = () => document.implementation.createHTMLDocument('page');

/** Both sides on a fresh document, in the given order; returns the probe's side and what arrived. */
function handshake(order: 'probe first' | 'content script first') {
  const doc = freshDocument();
  const received: string[] = [];
  const openContent = () => openContentChannel(doc, (text) => received.push(text));
  let probe: ReturnType<typeof openProbeChannel>;
  if (order === 'probe first') {
    probe = openProbeChannel(doc);
    expect(probe.connected()).toBe(false);
    openContent();
  } else {
    openContent();
    probe = openProbeChannel(doc);
  }
  return { doc, probe, received };
}

const restore: (() => void)[] = [];
afterEach(() => restore.splice(0).forEach((undo) => undo()));

describe('probe channel: handshake', () => {
  for (const order of ['probe first', 'content script first'] as const) {
    it(`connects when the ${order === 'probe first' ? 'probe' : 'content script'} runs first, and delivers reports as text in order`, () => {
      const { probe, received } = handshake(order);
      expect(probe.connected()).toBe(true);
      probe.send('{"kind":"globals","payload":[]}');
      probe.send('second');
      expect(received).toEqual(['{"kind":"globals","payload":[]}', 'second']);
    });
  }

  it('stays unconnected without a content script, and sending is then a harmless no-op', () => {
    const probe = openProbeChannel(freshDocument());
    expect(probe.connected()).toBe(false);
    expect(() => probe.send('lost')).not.toThrow();
  });

  it('refuses a node of the page, the window, or anything that is not an event target', () => {
    const doc = freshDocument();
    const received: string[] = [];
    openContentChannel(doc, (text) => received.push(text));
    const node = doc.body.appendChild(doc.createElement('div'));
    const detached = doc.createElement('span');
    for (const relatedTarget of [node, detached, window, null]) {
      expect(doc.dispatchEvent(new MouseEvent(PROBE_CHANNEL_EVENTS.hello, { relatedTarget, cancelable: true })), String(relatedTarget)).toBe(true);
      relatedTarget?.dispatchEvent(new CustomEvent(PROBE_CHANNEL_EVENTS.report, { detail: 'forged' }));
    }
    // The real probe still gets through afterwards.
    const probe = openProbeChannel(doc);
    expect(probe.connected()).toBe(true);
    probe.send('real');
    expect(received).toEqual(['real']);
  });
});

describe('probe channel: a page script that knows the protocol, after the handshake', () => {
  it('overhears nothing: no report reaches a listener on the document or the window', () => {
    const { doc, probe, received } = handshake('probe first');
    const overheard: string[] = [];
    for (const type of Object.values(PROBE_CHANNEL_EVENTS)) {
      doc.addEventListener(type, () => overheard.push(type), true);
      window.addEventListener(type, () => overheard.push(type), true);
    }
    probe.send('secret-bearing report');
    expect(received).toEqual(['secret-bearing report']);
    expect(overheard).toEqual([]);
  });

  it('cannot make the probe announce its target again', () => {
    const { doc } = handshake('probe first');
    const announced: unknown[] = [];
    doc.addEventListener(PROBE_CHANNEL_EVENTS.hello, (event) => announced.push((event as MouseEvent).relatedTarget), true);
    doc.dispatchEvent(new Event(PROBE_CHANNEL_EVENTS.request));
    expect(announced).toEqual([]);
  });

  it('cannot hand the content script a target of its own and forge reports on it', () => {
    const { doc, probe, received } = handshake('content script first');
    const mine = new EventTarget();
    const heard = !doc.dispatchEvent(new MouseEvent(PROBE_CHANNEL_EVENTS.hello, { relatedTarget: mine, cancelable: true }));
    mine.dispatchEvent(new CustomEvent(PROBE_CHANNEL_EVENTS.report, { detail: '{"kind":"globals","payload":[["window.forged","x"]]}' }));
    probe.send('real');
    expect(heard).toBe(false);
    expect(received).toEqual(['real']);
  });

  // Replacing EventTarget.prototype.dispatchEvent is covered in real Chromium (test/e2e/hostile-page.test.ts):
  // happy-dom's own dispatch of a bare EventTarget looks it up again, where a browser's never does.
  it('cannot stop reports by replacing CustomEvent', () => {
    const { probe, received } = handshake('probe first');
    const OwnCustomEvent = globalThis.CustomEvent;
    restore.push(() => {
      globalThis.CustomEvent = OwnCustomEvent;
    });
    globalThis.CustomEvent = class {
      constructor() {
        throw new Error('no events for you');
      }
    } as unknown as typeof CustomEvent;
    probe.send('still delivered');
    expect(received).toEqual(['still delivered']);
  });
});
