/** The scope gate in isolation: every event of the wrapped API is gated, held until ready, in order. */
import { describe, expect, it } from 'vitest';
import { gateWebRequest, MAX_HELD_EVENTS, type RequestGate } from '../../src/background/scope-gate.ts';

type Details = { tabId: number; url: string };

function fakeEvent() {
  const callbacks: ((details: Details) => void)[] = [];
  const extras: unknown[][] = [];
  return {
    callbacks,
    extras,
    addListener(callback: (details: Details) => void, ...rest: unknown[]) {
      callbacks.push(callback);
      extras.push(rest);
    },
    hasListeners: () => callbacks.length > 0,
    fire: (details: Details) => callbacks.forEach((callback) => callback(details)),
  };
}

function gate(admitted: (event: string, details: Details) => boolean) {
  let resolve: () => void = () => undefined;
  let ready = false;
  const readyPromise = new Promise<void>((done) => (resolve = done));
  const decisions: string[] = [];
  const value: RequestGate = {
    isReady: () => ready,
    ready: readyPromise,
    admitRequest: ((event: string, details: Details) => {
      decisions.push(`${event}:${details.url}`);
      return admitted(event, details);
    }) as RequestGate['admitRequest'],
  };
  return {
    value,
    decisions,
    open: async () => {
      ready = true;
      resolve();
      await readyPromise;
      await Promise.resolve();
    },
  };
}

describe('gateWebRequest', () => {
  it('gates every event the observers register, including ones added later, and passes filters through', async () => {
    const api = { onBeforeRequest: fakeEvent(), onBeforeSendHeaders: fakeEvent(), notAnEvent: 7 };
    const g = gate((_, details) => details.tabId !== 2);
    await g.open();
    const scoped = gateWebRequest(api, g.value);
    const seen: string[] = [];
    scoped.onBeforeRequest.addListener((details: Details) => seen.push(`req ${details.url}`), { urls: ['<all_urls>'] }, ['requestBody']);
    scoped.onBeforeSendHeaders.addListener((details: Details) => seen.push(`hdr ${details.url}`), { urls: ['<all_urls>'] });
    expect(api.onBeforeRequest.extras[0]).toEqual([{ urls: ['<all_urls>'] }, ['requestBody']]);
    expect(scoped.notAnEvent).toBe(7);
    expect(scoped.onBeforeRequest.hasListeners()).toBe(true);

    api.onBeforeRequest.fire({ tabId: 1, url: 'a' });
    api.onBeforeRequest.fire({ tabId: 2, url: 'b' });
    api.onBeforeSendHeaders.fire({ tabId: 2, url: 'c' });
    api.onBeforeSendHeaders.fire({ tabId: 1, url: 'd' });
    expect(seen).toEqual(['req a', 'hdr d']);
    expect(g.decisions).toEqual(['onBeforeRequest:a', 'onBeforeRequest:b', 'onBeforeSendHeaders:c', 'onBeforeSendHeaders:d']);
  });

  it('holds events until ready and then delivers them in order, deciding only then', async () => {
    const api = { onBeforeRequest: fakeEvent() };
    const g = gate(() => true);
    const seen: string[] = [];
    gateWebRequest(api, g.value).onBeforeRequest.addListener((details: Details) => seen.push(details.url));
    for (const url of ['1', '2', '3']) api.onBeforeRequest.fire({ tabId: 1, url });
    expect(seen).toEqual([]);
    expect(g.decisions).toEqual([]);
    await g.open();
    expect(seen).toEqual(['1', '2', '3']);
    api.onBeforeRequest.fire({ tabId: 1, url: '4' });
    expect(seen).toEqual(['1', '2', '3', '4']);
  });

  it('keeps the held queue bounded (oldest dropped)', async () => {
    const api = { onBeforeRequest: fakeEvent() };
    const g = gate(() => true);
    const seen: string[] = [];
    gateWebRequest(api, g.value).onBeforeRequest.addListener((details: Details) => seen.push(details.url));
    for (let i = 0; i < MAX_HELD_EVENTS + 5; i++) api.onBeforeRequest.fire({ tabId: 1, url: String(i) });
    await g.open();
    expect(seen).toHaveLength(MAX_HELD_EVENTS);
    expect(seen[0]).toBe('5');
  });
});
