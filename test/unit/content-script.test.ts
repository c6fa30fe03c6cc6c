// @vitest-environment happy-dom
/**
 * The content script as a whole, against happy-dom and a fake extension runtime: one snapshot after
 * load with storage and the document's markup (which the background reads), then — on its follow-up
 * schedule and after user interaction — only what changed: storage written since, and the markup
 * again only after the DOM changed, at most every 8 s, and only when it differs. Probe reports arrive
 * over the private channel only, and are relayed once.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { withMarkupRead } from '../../src/background/page-scan.ts';
import type { PageSnapshotMessage } from '../../src/shared/messages.ts';
import { isPageSnapshot } from '../../src/shared/messages.ts';
import { PROBE_MAX_BYTES } from '../../src/shared/probe-protocol.ts';
import { openProbeChannel, type ProbeChannel } from '../../src/content/probe-channel.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';

const sent: unknown[] = [];
/** The probe's side of the channel, opened by the relay test. */
let probe: ProbeChannel;
/** What the fake background answers a snapshot with (the last test takes the site out of scope). */
let answer: { ok: true; inScope?: boolean } = { ok: true };
const snapshots = () => sent.filter((message): message is PageSnapshotMessage => isPageSnapshot(message));
const withMarkup = () => snapshots().filter((message) => message.markup !== undefined);

const metaToken = fakeOpaqueToken(24);
const commentPassword = fakeOpaqueToken(16);
const widgetKey = fakeOpaqueToken(32);

/** How often the document was serialised (the one main-thread read of the DOM). */
let markupReads = 0;
let restoreOuterHtml: (() => void) | undefined;

function countMarkupReads(): void {
  let prototype: object | null = document.documentElement;
  while (prototype && !Object.getOwnPropertyDescriptor(prototype, 'outerHTML')) prototype = Object.getPrototypeOf(prototype);
  const owner = prototype!;
  const descriptor = Object.getOwnPropertyDescriptor(owner, 'outerHTML')!;
  Object.defineProperty(owner, 'outerHTML', {
    ...descriptor,
    get(this: Element) {
      if (this === document.documentElement) markupReads++;
      return descriptor.get!.call(this);
    },
  });
  restoreOuterHtml = () => Object.defineProperty(owner, 'outerHTML', descriptor);
}

beforeAll(async () => {
  vi.useFakeTimers();
  (globalThis as unknown as { chrome: unknown }).chrome = {
    runtime: {
      sendMessage: async (message: unknown) => {
        sent.push(message);
        return answer;
      },
    },
  };
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://app.example.test/settings');
  document.head.innerHTML = `<meta name="deploy-token" content="${metaToken}">`;
  document.body.innerHTML = `<!-- staging login: password="${commentPassword}" -->
    <div id="widget" data-api-key="${widgetKey}"></div>
    <script type="application/json" id="__NEXT_DATA__">{"props":{}}</script>`;
  localStorage.setItem('auth.session', JSON.stringify({ accessToken: fakeJwt({ sub: 'u' }) }));
  countMarkupReads();
  await import('../../src/content/index.ts');
  await vi.advanceTimersByTimeAsync(50);
});

afterAll(() => {
  restoreOuterHtml?.();
  vi.useRealTimers();
});

describe('content script', () => {
  it('sends one valid snapshot after load with storage and the markup, which the background reads', () => {
    expect(snapshots()).toHaveLength(1);
    expect(markupReads).toBe(1);
    const [first] = snapshots();
    expect(first!.pageUrl).toBe('https://app.example.test/settings');
    expect(first!.localStorage.map(([key]) => key)).toEqual(['auth.session']);
    // The page only copies its markup; nothing is read out of it on the page.
    expect(first!.dom).toBeUndefined();
    expect(first!.dataIslands).toBeUndefined();
    expect(first!.inlineScripts).toEqual([]);
    const markup = first!.markup!;
    expect(markup).toContain(`<meta name="deploy-token" content="${metaToken}">`);
    expect(markup).toContain(`<!-- staging login: password="${commentPassword}" -->`);
    expect(markup).toContain(`data-api-key="${widgetKey}"`);
    expect(markup).toContain('<script type="application/json" id="__NEXT_DATA__">{"props":{}}</script>');

    const read = withMarkupRead(first!);
    expect(read.markup).toBeUndefined();
    expect(read.dom).toEqual([
      { kind: 'meta', selector: 'meta[name=deploy-token]', name: 'deploy-token', value: metaToken },
      { kind: 'comment', selector: 'body > #comment', name: '', value: ` staging login: password="${commentPassword}" ` },
      { kind: 'data-attribute', selector: '#widget', name: 'data-api-key', value: widgetKey },
    ]);
    expect(read.dataIslands).toEqual([{ selector: 'script#__NEXT_DATA__', type: 'application/json', text: '{"props":{}}' }]);
    expect(read.localStorage).toEqual(first!.localStorage);
  });

  it('catches a token written after load on its next pass, sending only that', async () => {
    const refresh = fakeOpaqueToken();
    localStorage.setItem('acme.refresh', refresh);
    await vi.advanceTimersByTimeAsync(3100);
    const latest = snapshots().at(-1)!;
    expect(snapshots()).toHaveLength(2);
    expect(latest.localStorage).toEqual([['acme.refresh', refresh]]);
    expect(latest.sessionStorage).toEqual([]);
    expect(latest.cookies).toBe('');
    // The DOM did not change: it was neither read nor sent again.
    expect(latest.markup).toBeUndefined();
    expect(markupReads).toBe(1);
  });

  it('looks again soon after user interaction, and re-reads the DOM after it changed, at most every 8 s', async () => {
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
    // The pass 1.5 s after the click: storage yes, the DOM not yet (read less than 8 s ago).
    expect(snapshots().length).toBe(before + 1);
    expect(snapshots().at(-1)!.localStorage).toEqual([['acme.signed-in', signedIn]]);
    expect(snapshots().at(-1)!.markup).toBeUndefined();
    expect(markupReads).toBe(1);
    // The 10 s follow-up: the DOM changed since it was read, so it is read and sent again.
    await vi.advanceTimersByTimeAsync(10_500 - 4750);
    expect(markupReads).toBe(2);
    const latest = snapshots().at(-1)!;
    expect(latest.localStorage).toEqual([]);
    expect(latest.markup).toContain(`name="csrf_like_token"`);
    expect(withMarkupRead(latest).dom).toContainEqual({ kind: 'hidden-input', selector: 'input[type=hidden][name=csrf_like_token]', name: 'csrf_like_token', value: token });
  });

  it('waits 8 s from the last read after another change, and does not resend an unchanged document', async () => {
    // t ≈ 10.5 s; the last read was at 10 s.
    const sentWithMarkup = withMarkup().length;
    const late = fakeOpaqueToken();
    document.getElementById('widget')!.setAttribute('data-late-key', late);
    await vi.advanceTimersByTimeAsync(5000);
    expect(markupReads).toBe(2);
    expect(withMarkup()).toHaveLength(sentWithMarkup);
    await vi.advanceTimersByTimeAsync(3000); // Past 18 s.
    expect(markupReads).toBe(3);
    expect(withMarkup()).toHaveLength(sentWithMarkup + 1);
    expect(withMarkupRead(withMarkup().at(-1)!).dom).toContainEqual({ kind: 'data-attribute', selector: '#widget', name: 'data-late-key', value: late });

    // A change that is undone before the next read: read again, but the same markup is not sent.
    const count = sent.length;
    const widget = document.getElementById('widget')!;
    widget.setAttribute('data-flash', 'x');
    widget.removeAttribute('data-flash');
    await vi.advanceTimersByTimeAsync(8500); // Past 26 s, before the 30 s follow-up.
    expect(markupReads).toBe(4);
    expect(sent).toHaveLength(count);
  });

  it("relays each report from the probe's channel once, as the probe's text, and nothing posted on the window", async () => {
    // The probe comes second here: its hello answers the content script's request at once.
    probe = openProbeChannel(document);
    expect(probe.connected()).toBe(true);
    const payload = [['window.__APP_CONFIG__', '{"token":"abcdefghijklmnop"}']];
    const report = JSON.stringify({ kind: 'globals', payload });
    const relayed = () => sent.filter((message) => (message as { type?: string }).type === 'leaklens/probe-report');
    probe.send(report);
    // Only queued inside the probe's dispatch: sending happens in a task of its own.
    expect(relayed()).toEqual([]);
    probe.send(report);
    // Too long to be one of the probe's reports: dropped before it costs an IPC serialisation.
    probe.send(JSON.stringify({ kind: 'globals', payload: 'x'.repeat(PROBE_MAX_BYTES) }));
    // What the probe used to post, as a page could forge it: ignored.
    window.dispatchEvent(new MessageEvent('message', { data: { channel: 'leaklens/probe/v1', kind: 'globals', payload: [['window.forged', 'y'.repeat(20)]] }, source: window }));
    const second = JSON.stringify({ kind: 'responses', payload: [] });
    probe.send(second);
    await vi.advanceTimersByTimeAsync(10);
    // Unparsed: the background reads and validates the text (background-controller.test.ts).
    expect(relayed()).toEqual([
      { type: 'leaklens/probe-report', pageUrl: 'https://app.example.test/settings', report },
      { type: 'leaklens/probe-report', pageUrl: 'https://app.example.test/settings', report: second },
    ]);
  });

  it('stops collecting and relaying once the background says the site is out of scope', async () => {
    answer = { ok: true, inScope: false };
    localStorage.setItem('acme.after-scope-change', fakeOpaqueToken());
    window.dispatchEvent(new Event('pointerdown'));
    await vi.advanceTimersByTimeAsync(2000);
    const count = sent.length;
    expect(snapshots().at(-1)!.localStorage.map(([key]) => key)).toEqual(['acme.after-scope-change']);

    localStorage.setItem('acme.ignored', fakeOpaqueToken());
    document.body.append(document.createElement('section'));
    window.dispatchEvent(new Event('pointerdown'));
    probe.send(JSON.stringify({ kind: 'globals', payload: [['window.x', 'y'.repeat(20)]] }));
    await vi.advanceTimersByTimeAsync(65_000);
    expect(sent).toHaveLength(count);
  });
});
