// @vitest-environment happy-dom
/**
 * The content script as a whole, against happy-dom and a fake extension runtime: one snapshot after
 * load with every page-side source, then — on its follow-up schedule and after user interaction —
 * only what was written since, and probe reports relayed once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { PageSnapshotMessage } from '../../src/shared/messages.ts';
import { isPageSnapshot } from '../../src/shared/messages.ts';
import { PROBE_CHANNEL } from '../../src/content/probe-protocol.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';

const sent: unknown[] = [];
const snapshots = () => sent.filter((message): message is PageSnapshotMessage => isPageSnapshot(message));

beforeAll(async () => {
  vi.useFakeTimers();
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      sendMessage: async (message: unknown) => {
        sent.push(message);
        return { ok: true };
      },
    },
  };
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://app.example.test/settings');
  document.head.innerHTML = '<meta name="deploy-token" content="meta-value-0123456789">';
  document.body.innerHTML = `<!-- staging login: password="hunter2-hunter2" -->
    <div id="widget" data-api-key="data-value-0123456789"></div>
    <script type="application/json" id="__NEXT_DATA__">{"props":{}}</script>`;
  localStorage.setItem('auth.session', JSON.stringify({ accessToken: fakeJwt({ sub: 'u' }) }));
  await import('../../src/content/index.ts');
  await vi.advanceTimersByTimeAsync(50);
});

afterAll(() => {
  vi.useRealTimers();
});

describe('content script', () => {
  it('sends one valid snapshot after load with storage, DOM values and data islands', () => {
    expect(snapshots()).toHaveLength(1);
    const [first] = snapshots();
    expect(first!.pageUrl).toBe('https://app.example.test/settings');
    expect(first!.localStorage.map(([key]) => key)).toEqual(['auth.session']);
    expect(first!.dataIslands?.map((island) => island.selector)).toEqual(['script#__NEXT_DATA__']);
    expect(first!.dom?.map((value) => [value.kind, value.selector])).toEqual([
      ['meta', 'meta[name=deploy-token]'],
      ['comment', 'body > #comment'],
      ['data-attribute', '#widget'],
    ]);
  });

  it('catches a token written after load on its next pass, sending only that', async () => {
    const refresh = fakeOpaqueToken();
    localStorage.setItem('acme.refresh', refresh);
    await vi.advanceTimersByTimeAsync(3100);
    const latest = snapshots().at(-1)!;
    expect(snapshots()).toHaveLength(2);
    expect(latest.localStorage).toEqual([['acme.refresh', refresh]]);
    expect(latest.dom).toBeUndefined();
  });

  it('looks again soon after user interaction, and rescans the DOM at most every 8 s', async () => {
    const before = snapshots().length;
    const token = fakeOpaqueToken();
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = 'csrf_like_token';
    input.value = token;
    document.body.appendChild(input);
    const signedIn = fakeOpaqueToken();
    localStorage.setItem('acme.signed-in', signedIn);
    window.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(1600);
    // The pass 1.5 s after the click: storage yes, the DOM not yet (scanned less than 8 s ago).
    expect(snapshots().length).toBe(before + 1);
    expect(snapshots().at(-1)!.localStorage).toEqual([['acme.signed-in', signedIn]]);
    expect(snapshots().at(-1)!.dom).toBeUndefined();
    // The 10 s follow-up: elements were added since the last DOM scan, so it scans again.
    await vi.advanceTimersByTimeAsync(10_500 - 4750);
    expect(snapshots().at(-1)!.dom).toEqual([{ kind: 'hidden-input', selector: 'input[type=hidden][name=csrf_like_token]', name: 'csrf_like_token', value: token }]);
  });

  it('relays a probe report once, and ignores messages that are not probe envelopes', async () => {
    const payload = [['window.__APP_CONFIG__', '{"token":"abcdefghijklmnop"}']];
    const post = (data: unknown) => window.dispatchEvent(new MessageEvent('message', { data, source: window }));
    post({ channel: PROBE_CHANNEL, kind: 'globals', payload });
    post({ channel: PROBE_CHANNEL, kind: 'globals', payload });
    post({ channel: 'other', kind: 'globals', payload });
    post({ channel: PROBE_CHANNEL, kind: 'bogus', payload });
    await vi.advanceTimersByTimeAsync(10);
    const relayed = sent.filter((message) => (message as { type?: string }).type === 'leaklens/probe-report');
    expect(relayed).toEqual([{ type: 'leaklens/probe-report', pageUrl: 'https://app.example.test/settings', kind: 'globals', payload }]);
  });
});
