/** Glue: webRequest events (a fake with Chrome's and Firefox's behaviours) → inspected requests, tab attribution. */
import { describe, expect, it } from 'vitest';
import { BackgroundController } from '../../src/background/controller.ts';
import { FindingsStore, FLUSH_DELAY_MS } from '../../src/background/findings-store.ts';
import { CrossSourceCounter } from '../../src/background/network/cross-source.ts';
import { RequestTracker } from '../../src/background/network/request-tracker.ts';
import { inspectRequest } from '../../src/engine/inspectors/exchange.ts';
import { registerRequestObservers, type RequestDetailsLike, type RequestEventLike, type WebRequestLike } from '../../src/background/request-observer.ts';
import { ScriptScanner } from '../../src/background/script-scan.ts';
import type { StatusResponse } from '../../src/shared/messages.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';
import { FakeStorageArea } from '../support/fake-storage.ts';
import { fakePassword, fakeSendgridKey } from './network-fixtures.ts';

type Listener = (details: RequestDetailsLike) => void;
const EVENTS = ['onBeforeRequest', 'onBeforeSendHeaders', 'onHeadersReceived', 'onCompleted', 'onErrorOccurred'] as const;
type EventName = (typeof EVENTS)[number];

/** `browser`: 'chrome' accepts 'extraHeaders'; 'firefox' throws on it synchronously, as Firefox does. */
function fakeWebRequest(browser: 'chrome' | 'firefox', broken: EventName[] = []) {
  const listeners = new Map<EventName, { listener: Listener; spec: string[] | undefined }[]>();
  const event = (name: EventName): RequestEventLike<RequestDetailsLike> => ({
    addListener(listener, _filter, spec) {
      if (broken.includes(name)) throw new Error(`${name} is not available`);
      if (browser === 'firefox' && spec?.includes('extraHeaders')) throw new Error(`Invalid enumeration value "extraHeaders"`);
      listeners.set(name, [...(listeners.get(name) ?? []), { listener, spec }]);
    },
  });
  const webRequest: WebRequestLike = {
    onBeforeRequest: event('onBeforeRequest'),
    onBeforeSendHeaders: event('onBeforeSendHeaders'),
    onHeadersReceived: event('onHeadersReceived'),
    onCompleted: event('onCompleted'),
    onErrorOccurred: event('onErrorOccurred'),
    ...(browser === 'chrome'
      ? { OnBeforeSendHeadersOptions: { EXTRA_HEADERS: 'extraHeaders', REQUEST_HEADERS: 'requestHeaders' }, OnHeadersReceivedOptions: { EXTRA_HEADERS: 'extraHeaders' } }
      : { OnBeforeSendHeadersOptions: { REQUEST_HEADERS: 'requestHeaders' } }),
  };
  const fire = (name: EventName, details: Partial<RequestDetailsLike>) => {
    for (const { listener } of listeners.get(name) ?? []) listener({ requestId: '1', method: 'GET', tabId: 7, type: 'xmlhttprequest', url: 'https://x.test/', ...details });
  };
  return { webRequest, listeners, fire };
}

class RecordingSink {
  readonly events: (['navigation', number, string] | ['findings', number, Finding[]] | ['confirmations', number, Finding[]] | ['script', number, string])[] = [];
  onNavigation(tabId: number, url: string) {
    this.events.push(['navigation', tabId, url]);
  }
  onFindings(tabId: number, findings: Finding[]) {
    this.events.push(['findings', tabId, findings]);
  }
  onConfirmations(tabId: number, findings: Finding[]) {
    this.events.push(['confirmations', tabId, findings]);
  }
  onScript(tabId: number, url: string) {
    this.events.push(['script', tabId, url]);
  }
  findings(): Finding[] {
    return this.events.flatMap((event) => (event[0] === 'findings' ? event[2] : []));
  }
}

const manualTimers = () => {
  const pending: (() => void)[] = [];
  return { timers: { setTimeout: (callback: () => void) => pending.push(callback), clearTimeout: () => undefined }, runAll: () => pending.splice(0).forEach((run) => run()) };
};

const bytes = (text: string) => new TextEncoder().encode(text).buffer;

describe('registerRequestObservers', () => {
  it("asks Chrome for 'extraHeaders' and registers every event", () => {
    const { webRequest, listeners } = fakeWebRequest('chrome');
    const registered = registerRequestObservers(webRequest, new RecordingSink());
    expect(registered).toMatchObject({ requests: true, completions: true, requestHeaders: true, responseHeaders: true, errors: true, extraHeaders: true });
    expect(listeners.get('onBeforeSendHeaders')![0]!.spec).toEqual(['requestHeaders', 'extraHeaders']);
    expect(listeners.get('onHeadersReceived')![0]!.spec).toEqual(['responseHeaders', 'extraHeaders']);
    expect(listeners.get('onBeforeRequest')![0]!.spec).toEqual(['requestBody']);
  });

  it('on Firefox, never lets the extraHeaders refusal take the other listeners down', () => {
    const { webRequest, listeners } = fakeWebRequest('firefox');
    // Even if detection were wrong: the enum lies and says extraHeaders exists.
    const lying = { ...webRequest, OnBeforeSendHeadersOptions: { EXTRA_HEADERS: 'extraHeaders' }, OnHeadersReceivedOptions: { EXTRA_HEADERS: 'extraHeaders' } };
    const registered = registerRequestObservers(lying, new RecordingSink());
    expect(registered).toMatchObject({ requests: true, requestHeaders: true, responseHeaders: true, errors: true, completions: true, extraHeaders: false });
    expect(listeners.get('onBeforeSendHeaders')![0]!.spec).toEqual(['requestHeaders']);
    expect(listeners.get('onErrorOccurred')).toHaveLength(1);
  });

  it('keeps going when one event cannot be observed at all', () => {
    const { webRequest, listeners } = fakeWebRequest('chrome', ['onBeforeSendHeaders']);
    const registered = registerRequestObservers(webRequest, new RecordingSink());
    expect(registered).toMatchObject({ requests: true, requestHeaders: false, responseHeaders: true, errors: true });
    expect(listeners.get('onHeadersReceived')).toHaveLength(1);
  });
});

describe('request tracking', () => {
  it('inspects a request once, with its body and its headers together (cleartext needs both)', () => {
    const { webRequest, fire } = fakeWebRequest('chrome');
    const sink = new RecordingSink();
    const { timers } = manualTimers();
    registerRequestObservers(webRequest, sink, { timers });
    const password = fakePassword();
    const sid = fakeOpaqueToken();
    const legacy = { requestId: '9', url: 'http://legacy.example.test/login', method: 'POST', type: 'sub_frame', initiator: 'http://legacy.example.test' };
    fire('onBeforeRequest', { ...legacy, requestBody: { formData: { username: ['dana'], password: [password] } } });
    expect(sink.findings()).toEqual([]); // held until the headers arrive
    fire('onBeforeSendHeaders', { ...legacy, requestHeaders: [{ name: 'Cookie', value: `sid=${sid}` }, { name: 'Content-Type', value: 'application/x-www-form-urlencoded' }] });
    const findings = sink.findings();
    expect(findings.map((f) => [f.ruleId, f.source, f.severity, f.location.parameter ?? f.location.keyPath]).sort()).toEqual([
      ['cleartext-credential', 'cleartext', 'high', 'sid'],
      ['request-body-password', 'cleartext', 'high', 'password'],
    ]);
    expect(sink.events.filter((event) => event[0] === 'findings')).toHaveLength(1);
    expect(JSON.stringify(sink.events)).not.toContain(password);
  });

  it('decodes raw JSON bodies, skips binary uploads, and inspects what never got headers (error, timeout)', () => {
    const { webRequest, fire } = fakeWebRequest('chrome');
    const sink = new RecordingSink();
    const { timers, runAll } = manualTimers();
    registerRequestObservers(webRequest, sink, { timers });
    const key = fakeSendgridKey();
    fire('onBeforeRequest', { requestId: 'a', url: 'https://api.example.test/v1/mail', method: 'POST', requestBody: { raw: [{ bytes: bytes(JSON.stringify({ apiKey: key })) }] } });
    fire('onErrorOccurred', { requestId: 'a', url: 'https://api.example.test/v1/mail' });
    expect(sink.findings().map((f) => [f.ruleId, f.location.jsonPath])).toEqual([['sendgrid-api-key', '$.apiKey']]);
    fire('onBeforeRequest', { requestId: 'b', url: `https://api.example.test/v1/x?access_token=${fakeOpaqueToken()}` });
    runAll();
    expect(sink.findings()).toHaveLength(2);
    fire('onBeforeRequest', { requestId: 'c', url: 'https://api.example.test/upload', method: 'POST', requestBody: { raw: [{ bytes: new Uint8Array([0, 255, 0, 254, 0, 253, 0, 1]).buffer }, { file: '/home/dana/a.png' }] } });
    fire('onCompleted', { requestId: 'c', url: 'https://api.example.test/upload' });
    expect(sink.findings()).toHaveLength(2);
  });

  it('ignores its own requests, tab-less requests and extension or DevTools pages', () => {
    const { webRequest, fire } = fakeWebRequest('chrome');
    const sink = new RecordingSink();
    registerRequestObservers(webRequest, sink);
    const url = `https://api.example.test/v1/x?access_token=${fakeOpaqueToken()}`;
    fire('onBeforeRequest', { requestId: 'o1', url, tabId: -1 });
    fire('onBeforeRequest', { requestId: 'o2', url, initiator: 'chrome-extension://abcdefghijklmnop' });
    fire('onBeforeRequest', { requestId: 'o3', url, initiator: 'devtools://devtools' });
    for (const requestId of ['o1', 'o2', 'o3']) fire('onErrorOccurred', { requestId, url });
    expect(sink.findings()).toEqual([]);
  });

  it('keeps what the earlier legs of a redirect found, and ends on the final page URL', () => {
    const { webRequest, fire } = fakeWebRequest('chrome');
    const sink = new RecordingSink();
    registerRequestObservers(webRequest, sink);
    const code = fakeOpaqueToken(32);
    const session = fakeOpaqueToken();
    const leg = (url: string) => ({ requestId: 'nav', type: 'main_frame', url, tabId: 3 });
    fire('onBeforeRequest', leg(`https://app.example.test/oauth/callback?code=${code}&state=s`));
    fire('onBeforeSendHeaders', leg(`https://app.example.test/oauth/callback?code=${code}&state=s`));
    fire('onHeadersReceived', { ...leg(`https://app.example.test/oauth/callback?code=${code}&state=s`), responseHeaders: [{ name: 'Set-Cookie', value: `session_id=${session}; Path=/; Secure; SameSite=Lax` }] });
    fire('onBeforeRequest', leg('https://app.example.test/dashboard'));
    const kinds = sink.events.map((event) => (event[0] === 'findings' ? `findings:${event[2].map((f) => f.ruleId).join('+')}` : `${event[0]}:${event[2]}`));
    expect(kinds).toEqual([
      `navigation:https://app.example.test/oauth/callback?code=${code}&state=s`,
      'findings:url-oauth-code',
      'findings:cookie-without-httponly',
      'navigation:https://app.example.test/dashboard',
      'findings:url-oauth-code+cookie-without-httponly',
    ]);
    // A new navigation (new requestId) starts clean.
    fire('onBeforeRequest', { ...leg('https://app.example.test/settings'), requestId: 'nav2' });
    expect(sink.events.at(-1)).toEqual(['navigation', 3, 'https://app.example.test/settings']);
  });

  it('does not treat a prerender as the tab changing page, and hands finished scripts to the script scanner', () => {
    const { webRequest, fire } = fakeWebRequest('chrome');
    const sink = new RecordingSink();
    registerRequestObservers(webRequest, sink);
    fire('onBeforeRequest', { requestId: 'p', type: 'main_frame', url: 'https://app.example.test/next', documentLifecycle: 'prerender' });
    fire('onCompleted', { requestId: 's', type: 'script', url: 'https://app.example.test/static/app.js' });
    expect(sink.events.filter((event) => event[0] !== 'findings')).toEqual([['script', 7, 'https://app.example.test/static/app.js']]);
  });

  it('reads the loopback option at each request and lets a scope keep sites out', () => {
    const { webRequest, fire } = fakeWebRequest('chrome');
    const sink = new RecordingSink();
    let loopback = false;
    registerRequestObservers(webRequest, sink, { inspection: () => ({ reportLoopbackCleartext: loopback }), scope: ({ url }) => !url.includes('ignored.example.test') });
    const local = (requestId: string) => {
      fire('onBeforeRequest', { requestId, url: 'http://localhost:3000/api/me', initiator: 'http://localhost:3000' });
      fire('onBeforeSendHeaders', { requestId, url: 'http://localhost:3000/api/me', requestHeaders: [{ name: 'Authorization', value: `Bearer ${fakeOpaqueToken()}` }] });
    };
    local('l1');
    expect(sink.findings()).toEqual([]);
    loopback = true;
    local('l2');
    expect(sink.findings().map((f) => [f.ruleId, f.source])).toEqual([['cleartext-credential', 'cleartext']]);
    fire('onBeforeRequest', { requestId: 'i', url: `https://ignored.example.test/?access_token=${fakeOpaqueToken()}` });
    fire('onBeforeSendHeaders', { requestId: 'i', url: `https://ignored.example.test/` });
    expect(sink.findings()).toHaveLength(1);
  });

  it('counts a request both the network and the page hook saw once', () => {
    const counter = new CrossSourceCounter(30_000, 100, () => 1000);
    const finding = { fingerprint: 'f1' } as Finding;
    const kept = (from: 'network' | 'page', tabId: number) => counter.keep(from, tabId, [finding]).kept;
    expect(kept('network', 1)).toHaveLength(1);
    expect(kept('page', 1)).toHaveLength(0); // the same request, seen by the hook
    expect(kept('network', 1)).toHaveLength(1); // a second request
    expect(kept('network', 1)).toHaveLength(1); // a third, only the network saw
    expect(kept('page', 2)).toHaveLength(1); // another tab
  });

  it('passes the network’s sighting of a request the page reported first on as a confirmation, not as a second count', () => {
    const counter = new CrossSourceCounter(30_000, 100, () => 1000);
    const finding = { fingerprint: 'f1' } as Finding;
    expect(counter.keep('page', 1, [finding])).toEqual({ kept: [finding], confirmations: [] });
    expect(counter.keep('network', 1, [finding])).toEqual({ kept: [], confirmations: [finding] }); // the same request
    expect(counter.keep('network', 1, [finding])).toEqual({ kept: [finding], confirmations: [] }); // a second one
  });

  it('has no confirmation when the network saw it first, or alone', () => {
    const counter = new CrossSourceCounter(30_000, 100, () => 1000);
    const finding = { fingerprint: 'f1' } as Finding;
    expect(counter.keep('network', 1, [finding])).toEqual({ kept: [finding], confirmations: [] });
    expect(counter.keep('page', 1, [finding])).toEqual({ kept: [], confirmations: [] }); // the page never confirms
    expect(counter.keep('network', 2, [finding])).toEqual({ kept: [finding], confirmations: [] });
    expect(counter.keep('network', 2, [finding])).toEqual({ kept: [finding], confirmations: [] });
  });

  it('forgets a tab’s sightings when it navigates, so the navigating request itself is stored, not taken as a confirmation', () => {
    const counter = new CrossSourceCounter(30_000, 100, () => 1000);
    const sink = new RecordingSink();
    const tracker = new RequestTracker(sink, { crossSource: counter });
    const url = `http://legacy.example.test/login?session_token=${fakeOpaqueToken()}`;
    const [fromPage] = inspectRequest({ url, type: 'main_frame', documentUrl: 'https://app.example.test/' });
    counter.keep('page', 9, [fromPage!]); // the page reported it just before leaving
    tracker.beforeRequest({ requestId: 'n', method: 'GET', tabId: 9, type: 'main_frame', url });
    const kinds = sink.events.map(([kind]) => kind);
    expect(kinds).not.toContain('confirmations');
    expect(sink.findings().map((finding) => finding.fingerprint)).toContain(fromPage!.fingerprint);
  });

  it('hands confirmations to the sink apart from findings', () => {
    const counter = new CrossSourceCounter(30_000, 100, () => 1000);
    const sink = new RecordingSink();
    const tracker = new RequestTracker(sink, { crossSource: counter });
    const url = `https://api.example.test/v1/me?access_token=${fakeOpaqueToken()}`;
    const [fromPage] = inspectRequest({ url, type: 'fetch', documentUrl: 'https://app.example.test/' }); // what the hook would report
    counter.keep('page', 7, [fromPage!]);
    tracker.beforeRequest({ requestId: 'c', method: 'GET', tabId: 7, type: 'xmlhttprequest', url, initiator: 'https://app.example.test' });
    expect(sink.events.map(([kind, tabId, found]) => [kind, tabId, (found as Finding[]).map((f) => f.fingerprint)])).toEqual([['confirmations', 7, [fromPage!.fingerprint]]]);
  });
});

describe('with the background controller', () => {
  it('stores request findings for the tab with the final page URL, and no raw value', async () => {
    const area = new FakeStorageArea();
    const controller = new BackgroundController({
      store: new FindingsStore(area),
      scripts: new ScriptScanner(async () => new Response('', { status: 404 })),
      action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
      extensionId: 'abcdefghijklmnopabcdefghijklmnop',
      extensionOrigin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/',
      version: '0.0.0-test',
    });
    const { webRequest, fire } = fakeWebRequest('chrome');
    registerRequestObservers(webRequest, controller);
    const token = fakeOpaqueToken();
    const key = fakeSendgridKey();
    fire('onBeforeRequest', { requestId: 'n', type: 'main_frame', url: '/network.html'.replace(/^/, 'https://app.example.test'), tabId: 5 });
    fire('onBeforeRequest', { requestId: 'n', type: 'main_frame', url: `https://app.example.test/network.html?session_token=${token}`, tabId: 5 });
    fire('onBeforeSendHeaders', { requestId: 'n', type: 'main_frame', url: `https://app.example.test/network.html?session_token=${token}`, tabId: 5 });
    fire('onBeforeRequest', { requestId: 'm', url: 'https://api.example.test/v1/mail/send', method: 'POST', tabId: 5, initiator: 'https://app.example.test' });
    fire('onBeforeSendHeaders', { requestId: 'm', url: 'https://api.example.test/v1/mail/send', method: 'POST', tabId: 5, initiator: 'https://app.example.test', requestHeaders: [{ name: 'x-api-key', value: key }] });
    for (let i = 0; i < 50; i++) {
      const status = (await controller.handleMessage({ type: 'leaklens/status' }, { id: 'abcdefghijklmnopabcdefghijklmnop', url: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop/popup.html' })) as StatusResponse;
      if (status.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const stored = JSON.parse(area.dump()) as [string, { pageUrl: string; findings: Finding[] }][];
    const record = stored.find(([key]) => key === 'tab:5')![1];
    expect(record.pageUrl).toBe('https://app.example.test/network.html?session_token=[redacted]');
    expect(record.findings.map((f) => [f.ruleId, f.severity, f.pageUrl]).sort()).toEqual([
      ['sendgrid-api-key', 'critical', record.pageUrl],
      ['url-credential-parameter', 'high', record.pageUrl],
    ]);
    expect(area.dump()).not.toContain(token);
    expect(area.dump()).not.toContain(key);
  });

  it('counts a request the page hook reported first and the browser then saw once, as the browser saw it', async () => {
    const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
    const popup = { id: EXTENSION_ID, url: `chrome-extension://${EXTENSION_ID}/popup.html` };
    const area = new FakeStorageArea();
    const controller = new BackgroundController({
      store: new FindingsStore(area),
      scripts: new ScriptScanner(async () => new Response('', { status: 404 })),
      action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
      extensionId: EXTENSION_ID,
      extensionOrigin: `chrome-extension://${EXTENSION_ID}/`,
      version: '0.0.0-test',
    });
    // Both sides share the worker's one counter, as in the extension; a tab no other test uses.
    const { webRequest, fire } = fakeWebRequest('chrome');
    registerRequestObservers(webRequest, controller);
    const tabId = 9101;
    const settle = async () => {
      for (let i = 0; i < 50; i++) {
        if (((await controller.handleMessage({ type: 'leaklens/status' }, popup)) as StatusResponse).pending === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      throw new Error('did not settle');
    };
    const stored = async () => ((await controller.handleMessage({ type: 'leaklens/findings', tabId }, popup)) as { findings: Finding[] }).findings;
    const token = fakeOpaqueToken();
    // Mixed content: the only kind of request whose URL the hook reports (webRequest shows the others).
    const url = `http://insecure.example.test/api/me?access_token=${token}`;
    const sender = { id: EXTENSION_ID, url: 'https://app.example.test/mixed.html', tab: { id: tabId }, frameId: 0 };
    await controller.handleMessage({ type: 'leaklens/probe-report', pageUrl: 'https://app.example.test/mixed.html', report: JSON.stringify({ kind: 'requests', payload: [{ api: 'fetch', url }] }) }, sender);
    await settle();
    const fromPage = await stored();
    expect(fromPage.map((f) => [f.ruleId, f.source, f.reportedByPage])).toEqual([
      ['url-credential-parameter', 'request-url', true],
      ['mixed-content', 'mixed-content', true],
    ]);

    // The browser sends it after all: the same request, seen by webRequest.
    fire('onBeforeRequest', { requestId: 'mx', url, tabId, initiator: 'https://app.example.test' });
    fire('onBeforeSendHeaders', { requestId: 'mx', url, tabId, initiator: 'https://app.example.test', requestHeaders: [] });
    await settle();
    const confirmed = await stored();
    expect(confirmed).toHaveLength(2);
    for (const finding of confirmed) {
      expect(finding).not.toHaveProperty('reportedByPage');
      expect(finding.count).toBe(1);
      expect(finding.firstSeen).toBe(fromPage.find((f) => f.fingerprint === finding.fingerprint)!.firstSeen);
      expect(finding.pageUrl).toBe('https://app.example.test/mixed.html');
    }
    // What the browser saw, not what the page claimed: sent in clear, not blocked.
    expect(confirmed.map((f) => [f.ruleId, f.source, f.severity])).toEqual([
      ['url-credential-parameter', 'cleartext', 'high'],
      ['mixed-content', 'mixed-content', 'high'],
    ]);
    expect(confirmed[1]!.details).toMatchObject({ outcome: 'sent' });
    // And in storage (written within the flush delay), with no raw value.
    await new Promise((resolve) => setTimeout(resolve, 2 * FLUSH_DELAY_MS));
    const written = (JSON.parse(area.dump()) as [string, { findings: Finding[] }][]).find(([key]) => key === `tab:${tabId}`)![1];
    expect(written.findings.map((f) => [f.count, f.reportedByPage])).toEqual([
      [1, undefined],
      [1, undefined],
    ]);
    expect(area.dump()).not.toContain(token);
  });
});
