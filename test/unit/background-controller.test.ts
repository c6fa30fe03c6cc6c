/** Glue tests: the background controller against a fake browser (storage, action, fetch). */
import { describe, expect, it } from 'vitest';
import { BackgroundController } from '../../src/background/controller.ts';
import { FindingsStore } from '../../src/background/findings-store.ts';
import { registerRequestObservers, type RequestDetailsLike, type WebRequestLike } from '../../src/background/request-observer.ts';
import { ScriptScanner, MAX_SCRIPT_BYTES } from '../../src/background/script-scan.ts';
import type { PageSnapshotMessage, ReportResponse, StatusResponse } from '../../src/shared/messages.ts';
import { PROBE_MAX_BYTES } from '../../src/shared/probe-protocol.ts';
import { fakeAwsKeyId, fakeAwsSecret, fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { FakeStorageArea } from '../support/fake-storage.ts';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const popupSender = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };
const pageSender = (tabId: number) => ({ id: EXTENSION_ID, url: 'https://app.example.test/', tab: { id: tabId }, frameId: 0 });

function setup(scripts: Record<string, string> = {}, options: { scriptScanGraceMs?: number } = {}) {
  const area = new FakeStorageArea();
  const badges: Record<number, string> = {};
  const fetched: string[] = [];
  const controller = new BackgroundController({
    ...options,
    store: new FindingsStore(area),
    scripts: new ScriptScanner(async (url) => {
      fetched.push(url);
      const body = scripts[url];
      return body === undefined ? new Response('nope', { status: 404 }) : new Response(body, { status: 200 });
    }),
    action: {
      setBadgeText: async ({ text, tabId }) => void (badges[tabId!] = text),
      setBadgeBackgroundColor: async () => undefined,
    },
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    version: '0.0.0-test',
  });
  const listeners: Record<string, ((details: RequestDetailsLike) => void)[]> = { onBeforeRequest: [], onCompleted: [] };
  const webRequest: WebRequestLike = {
    onBeforeRequest: { addListener: (callback) => void listeners.onBeforeRequest!.push(callback) },
    onCompleted: { addListener: (callback) => void listeners.onCompleted!.push(callback) },
  };
  registerRequestObservers(webRequest, controller);
  const settle = async () => {
    for (let i = 0; i < 50; i++) {
      const status = (await controller.handleMessage({ type: 'leaklens/status' }, popupSender)) as StatusResponse;
      if (status.pending === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('did not settle');
  };
  const request = (event: 'onBeforeRequest' | 'onCompleted', details: Partial<RequestDetailsLike>) =>
    listeners[event]!.forEach((listener) => listener({ requestId: '1', method: 'GET', tabId: 4, type: 'xmlhttprequest', url: 'https://x.test/', ...details }));
  return { area, badges, controller, request, settle, fetched };
}

function snapshot(overrides: Partial<PageSnapshotMessage>): PageSnapshotMessage {
  return { type: 'leaklens/page-snapshot', pageUrl: 'https://app.example.test/', localStorage: [], sessionStorage: [], cookies: '', inlineScripts: [], scriptUrls: [], ...overrides };
}

describe('BackgroundController', () => {
  it('fetches and scans a loading page\'s scripts after the page has loaded', async () => {
    const keyId = fakeAwsKeyId();
    const bundle = 'https://app.example.test/static/app.js';
    const { controller, request, settle, fetched } = setup({ [bundle]: `var c={accessKeyId:"${keyId}",secretAccessKey:"${fakeAwsSecret()}"};` });
    const scriptFindings = async () => {
      const report = (await controller.handleMessage({ type: 'leaklens/report', format: 'json', tabId: 4 }, popupSender)) as ReportResponse;
      return (JSON.parse(report.document) as { findings: { source: string }[] }).findings.filter((finding) => finding.source === 'script');
    };
    request('onBeforeRequest', { type: 'main_frame', url: 'https://app.example.test/' });
    request('onCompleted', { type: 'script', url: bundle });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(fetched).toEqual([]);
    expect(await scriptFindings()).toEqual([]);
    expect(((await controller.handleMessage({ type: 'leaklens/status' }, popupSender)) as StatusResponse).pending).toBeGreaterThan(0);

    // The content script's first snapshot comes on idle after the load event.
    await controller.handleMessage(snapshot({}), pageSender(4));
    await settle();
    expect(fetched).toEqual([bundle]);
    expect(await scriptFindings()).toHaveLength(1);
  });

  it('drops a held script when the tab goes on to another page before the first one loaded', async () => {
    const bundle = 'https://app.example.test/static/app.js';
    const { controller, request, settle, fetched } = setup({ [bundle]: `var c={accessKeyId:"${fakeAwsKeyId()}",secretAccessKey:"${fakeAwsSecret()}"};` });
    request('onBeforeRequest', { type: 'main_frame', url: 'https://app.example.test/' });
    request('onCompleted', { type: 'script', url: bundle });
    request('onBeforeRequest', { requestId: '2', type: 'main_frame', url: 'https://app.example.test/other' });
    await controller.handleMessage(snapshot({ pageUrl: 'https://app.example.test/other' }), pageSender(4));
    await settle();
    expect(fetched).toEqual([]);
    const report = (await controller.handleMessage({ type: 'leaklens/report', format: 'json', tabId: 4 }, popupSender)) as ReportResponse;
    expect(report.document).not.toContain('aws-access-key-id');
  });

  it('scans a loading page\'s scripts anyway when no snapshot comes within the grace period', async () => {
    const bundle = 'https://app.example.test/static/app.js';
    const { controller, request, settle } = setup({ [bundle]: `var c={accessKeyId:"${fakeAwsKeyId()}",secretAccessKey:"${fakeAwsSecret()}"};` }, { scriptScanGraceMs: 40 });
    request('onBeforeRequest', { type: 'main_frame', url: 'https://app.example.test/' });
    request('onCompleted', { type: 'script', url: bundle });
    await settle();
    const report = (await controller.handleMessage({ type: 'leaklens/report', format: 'json', tabId: 4 }, popupSender)) as ReportResponse;
    expect(report.document).toContain('aws-access-key-id');
  });

  it('turns the three foundation leaks into findings without storing any raw value', async () => {
    const token = fakeOpaqueToken();
    const jwt = fakeJwt({ sub: 'u', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 30 * 86400 });
    const keyId = fakeAwsKeyId();
    const secret = fakeAwsSecret();
    const { area, badges, controller, request, settle } = setup({
      'https://app.example.test/static/app.js': `!function(){var c={region:"us-east-1",accessKeyId:"${keyId}",secretAccessKey:"${secret}"}}();`,
    });
    request('onBeforeRequest', { type: 'main_frame', url: 'https://app.example.test/' });
    request('onBeforeRequest', { url: `https://api.example.test/v1/profile?access_token=${token}` });
    await controller.handleMessage(
      snapshot({ localStorage: [['auth.session', JSON.stringify({ accessToken: jwt })]], scriptUrls: ['https://app.example.test/static/app.js'] }),
      pageSender(4),
    );
    await settle();
    const report = (await controller.handleMessage({ type: 'leaklens/report', format: 'json' }, popupSender)) as ReportResponse;
    const { findings } = JSON.parse(report.document) as { findings: { ruleId: string; source: string; severity: string }[] };
    expect(findings.map((f) => [f.source, f.ruleId, f.severity]).sort()).toEqual([
      ['local-storage', 'jwt', 'high'],
      ['request-url', 'url-credential-parameter', 'high'],
      ['script', 'aws-access-key-id', 'critical'],
    ]);
    expect(badges[4]).toBe('3');
    for (const raw of [token, jwt, keyId, secret]) {
      expect(area.dump()).not.toContain(raw);
      expect(report.document).not.toContain(raw);
    }
  });

  it('reports what several tabs of one app saw once, counted, and per tab in full', async () => {
    const keyId = fakeAwsKeyId();
    const jwt = fakeJwt({ sub: 'u1', exp: Math.floor(Date.now() / 1000) + 30 * 86_400 });
    const { controller, settle } = setup({ 'https://app.example.test/static/app.js': `var aws="${keyId}";` });
    const sameStorage = { localStorage: [['auth.session', JSON.stringify({ accessToken: jwt })]] as [string, string][], scriptUrls: ['https://app.example.test/static/app.js'] };
    await controller.handleMessage(snapshot({ ...sameStorage, pageUrl: 'https://app.example.test/' }), pageSender(4));
    await settle();
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later first sighting in tab 5
    await controller.handleMessage(snapshot({ ...sameStorage, pageUrl: 'https://app.example.test/settings' }), { ...pageSender(5), url: 'https://app.example.test/settings' });
    await settle();
    type Reported = { source: string; count: number; tabId: number; location: { url: string }; firstSeen: string; lastSeen: string };
    const all = JSON.parse(((await controller.handleMessage({ type: 'leaklens/report', format: 'json' }, popupSender)) as ReportResponse).document) as { findings: Reported[] };
    expect(all.findings.map((f) => [f.source, f.count, f.tabId, f.location.url]).sort()).toEqual([
      ['local-storage', 2, 4, 'https://app.example.test/'],
      ['script', 2, 4, 'https://app.example.test/static/app.js'],
    ]);
    const stored = all.findings.find((f) => f.source === 'local-storage')!;
    expect(stored.lastSeen > stored.firstSeen).toBe(true);
    const tab5 = JSON.parse(((await controller.handleMessage({ type: 'leaklens/report', format: 'json', tabId: 5 }, popupSender)) as ReportResponse).document) as { findings: Reported[] };
    expect(tab5.findings.map((f) => [f.source, f.count, f.location.url]).sort()).toEqual([
      ['local-storage', 1, 'https://app.example.test/settings'],
      ['script', 1, 'https://app.example.test/static/app.js'],
    ]);
  });

  it('ignores the extension’s own and tab-less requests', async () => {
    const { controller, request, settle } = setup();
    request('onBeforeRequest', { tabId: -1, url: `https://a.test/?token=${fakeOpaqueToken()}` });
    request('onBeforeRequest', { initiator: `chrome-extension://${EXTENSION_ID}`, url: `https://a.test/?token=${fakeOpaqueToken()}` });
    await settle();
    const status = (await controller.handleMessage({ type: 'leaklens/status' }, popupSender)) as StatusResponse;
    expect(status.findings).toBe(0);
  });

  it('refuses messages from other extensions, subframes, and malformed or oversized snapshots', async () => {
    const { controller } = setup();
    expect(controller.handleMessage({ type: 'leaklens/status' }, { id: 'other', url: ORIGIN })).toBeUndefined();
    expect(controller.handleMessage(snapshot({}), { ...pageSender(1), frameId: 3 })).toBeUndefined();
    expect(controller.handleMessage({ type: 'leaklens/page-snapshot', pageUrl: 5 }, pageSender(1))).toBeUndefined();
    expect(controller.handleMessage(snapshot({ inlineScripts: ['x'.repeat(17 * 1024 * 1024)] }), pageSender(1))).toBeUndefined();
    // A page cannot ask for reports: only extension pages can.
    expect(controller.handleMessage({ type: 'leaklens/report', format: 'json' }, pageSender(1))).toBeUndefined();
    expect(await controller.handleMessage({ type: 'leaklens/bogus' }, popupSender)).toEqual({ ok: false, error: 'unknown request' });
    // The popup opened in a tab (as automation does) is still an extension page.
    const popupInTab = { ...popupSender, tab: { id: 9 }, frameId: 0 };
    expect(await controller.handleMessage({ type: 'leaklens/status' }, popupInTab)).toMatchObject({ ok: true });
  });

  it('reports oversized scripts as skipped instead of dropping them silently', async () => {
    const { controller, settle } = setup({ 'https://app.example.test/huge.js': 'x'.repeat(MAX_SCRIPT_BYTES + 1) });
    await controller.handleMessage(snapshot({ scriptUrls: ['https://app.example.test/huge.js'] }), pageSender(2));
    await settle();
    const report = (await controller.handleMessage({ type: 'leaklens/report', format: 'json', tabId: 2 }, popupSender)) as ReportResponse;
    expect(report.document).toMatch(/skipped https:\/\/app\.example\.test\/huge\.js: too large/);
  });

  it('labels findings from MAIN-world globals as reported by the page', async () => {
    const { controller, settle } = setup();
    const keyId = fakeAwsKeyId();
    const globals = [['window.__APP_CONFIG__', JSON.stringify({ aws: { accessKeyId: keyId } })]];
    const relayed = (report: string) => controller.handleMessage({ type: 'leaklens/probe-report', pageUrl: 'https://app.example.test/', report }, pageSender(5));
    await relayed(JSON.stringify({ kind: 'globals', payload: globals }));
    // The content script relays the probe's text unread: a malformed, oversized or forged report is dropped here.
    expect(relayed(JSON.stringify({ kind: 'globals', payload: [[1, 2]] }))).toBeUndefined();
    expect(relayed(JSON.stringify({ kind: 'toString', payload: [] }))).toBeUndefined();
    expect(relayed(JSON.stringify({ kind: 'globals' }))).toBeUndefined();
    expect(relayed('{"kind":"globals","payload":')).toBeUndefined();
    expect(relayed('null')).toBeUndefined();
    expect(relayed(JSON.stringify({ kind: 'globals', payload: [['window.big', 'x'.repeat(PROBE_MAX_BYTES)]] }))).toBeUndefined();
    // The old shape (parsed payload beside the kind) is not a probe report any more.
    expect(controller.handleMessage({ type: 'leaklens/probe-report', pageUrl: 'https://app.example.test/', kind: 'globals', payload: globals }, pageSender(5))).toBeUndefined();
    await settle();
    const { findings } = (await controller.handleMessage({ type: 'leaklens/findings', tabId: 5 }, popupSender)) as { findings: { reportedByPage?: boolean; location: { jsonPath?: string } }[] };
    expect(findings[0]).toMatchObject({ reportedByPage: true, location: { jsonPath: '$.aws.accessKeyId' } });
  });
});
