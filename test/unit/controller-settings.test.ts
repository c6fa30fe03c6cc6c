/**
 * Glue tests: the controller with settings against a fake browser — scope (nothing scanned, fetched
 * or stored for out-of-scope tabs, also through the webRequest scope gate), the ignore list (hidden
 * from badge, popup and reports, reversible), categories and custom rules applied to scanning, and
 * the new extension-page messages with their validation.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { BackgroundController } from '../../src/background/controller.ts';
import { FindingsStore } from '../../src/background/findings-store.ts';
import { registerRequestObservers, type RequestDetailsLike, type WebRequestLike } from '../../src/background/request-observer.ts';
import { gateWebRequest } from '../../src/background/scope-gate.ts';
import { ScriptScanner } from '../../src/background/script-scan.ts';
import { defaultSettings, SETTINGS_KEY, SettingsStore, type Settings } from '../../src/background/settings.ts';
import { setActiveScanner } from '../../src/engine/index.ts';
import type { Finding } from '../../src/shared/finding.ts';
import type { PageSnapshotMessage, ReportResponse, SettingsResponse, StatusResponse, TabStateResponse } from '../../src/shared/messages.ts';
import { fakeAwsKeyId, fakeAwsSecret, fakeJwt, fakeOpaqueToken, randomFrom } from '../support/fake-secrets.ts';
import { FakeStorageArea } from '../support/fake-storage.ts';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
const popup = { id: EXTENSION_ID, url: `${ORIGIN}src/popup/index.html` };
const pageSender = (tabId: number, url = 'https://app.example.test/') => ({ id: EXTENSION_ID, url, tab: { id: tabId }, frameId: 0 });

afterEach(() => setActiveScanner(undefined));

function localArea(initial?: Settings) {
  const data: Record<string, unknown> = initial ? { [SETTINGS_KEY]: structuredClone(initial) } : {};
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let held = false;
  return {
    data,
    holdLoad() {
      held = true;
    },
    releaseLoad: () => release(),
    get: async (key: string) => {
      if (held) await gate;
      return key in data ? { [key]: structuredClone(data[key]) } : {};
    },
    set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
  };
}

function setup(options: { scripts?: Record<string, string>; settings?: Settings; area?: ReturnType<typeof localArea>; tabs?: { id: number; url: string }[] } = {}) {
  const area = new FakeStorageArea();
  const local = options.area ?? localArea(options.settings);
  const settings = new SettingsStore(local);
  const badges: Record<number, string> = {};
  const fetched: string[] = [];
  const controller = new BackgroundController({
    store: new FindingsStore(area),
    scripts: new ScriptScanner(async (url) => {
      fetched.push(url);
      const body = options.scripts?.[url];
      return body === undefined ? new Response('nope', { status: 404 }) : new Response(body, { status: 200 });
    }),
    action: {
      setBadgeText: async ({ text, tabId }) => void (badges[tabId!] = text),
      setBadgeBackgroundColor: async () => undefined,
    },
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    version: '0.0.0-test',
    settings,
    listTabs: async () => options.tabs ?? [],
  });
  const listeners: Record<string, ((details: RequestDetailsLike) => void)[]> = { onBeforeRequest: [], onCompleted: [] };
  const webRequest: WebRequestLike = {
    onBeforeRequest: { addListener: (callback) => void listeners.onBeforeRequest!.push(callback) },
    onCompleted: { addListener: (callback) => void listeners.onCompleted!.push(callback) },
  };
  registerRequestObservers(gateWebRequest(webRequest, controller), controller);
  const ask = <T>(message: unknown) => controller.handleMessage(message, popup) as Promise<T>;
  const settle = async () => {
    for (let i = 0; i < 100; i++) {
      const status = await ask<StatusResponse>({ type: 'leaklens/status' });
      if (status.pending === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error('did not settle');
  };
  const request = (event: 'onBeforeRequest' | 'onCompleted', details: Partial<RequestDetailsLike> & { frameId?: number }) =>
    listeners[event]!.forEach((listener) => listener({ requestId: '1', method: 'GET', tabId: 4, type: 'xmlhttprequest', url: 'https://x.test/', ...details }));
  const tabState = async (tabId = 4) => (await ask<TabStateResponse>({ type: 'leaklens/tab-state', tabId })).state;
  const report = async (tabId?: number) =>
    JSON.parse((await ask<ReportResponse>({ type: 'leaklens/report', format: 'json', ...(tabId === undefined ? {} : { tabId }) })).document) as { findings: Finding[] };
  return { area, local, settings, badges, fetched, controller, request, settle, ask, tabState, report };
}

function snapshot(overrides: Partial<PageSnapshotMessage>): PageSnapshotMessage {
  return { type: 'leaklens/page-snapshot', pageUrl: 'https://app.example.test/', localStorage: [], sessionStorage: [], cookies: '', inlineScripts: [], scriptUrls: [], ...overrides };
}

const listedOnly = (...include: string[]): Settings => ({ ...defaultSettings(), scope: { mode: 'listed', include, exclude: [] } });
const longLivedJwt = () => fakeJwt({ sub: 'u', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 30 * 86400 });

/** One page load of app.example.test in tab 4 with the three foundation leaks. */
async function visitApp(env: ReturnType<typeof setup>, tabId = 4, jwt = longLivedJwt()) {
  env.request('onBeforeRequest', { tabId, type: 'main_frame', url: 'https://app.example.test/' });
  env.request('onBeforeRequest', { tabId, url: `https://api.example.test/v1/profile?access_token=${fakeOpaqueToken()}` });
  env.request('onCompleted', { tabId, type: 'script', url: 'https://app.example.test/static/app.js' });
  await env.controller.handleMessage(snapshot({ localStorage: [['auth.session', JSON.stringify({ accessToken: jwt })]] }), pageSender(tabId));
  await env.settle();
}

const appScript = () => ({ 'https://app.example.test/static/app.js': `var c={accessKeyId:"${fakeAwsKeyId()}",secretAccessKey:"${fakeAwsSecret()}"};` });

describe('scope', () => {
  it('scans, fetches and stores nothing for a tab whose site is out of scope', async () => {
    const env = setup({ scripts: appScript(), settings: listedOnly('*.example.com') });
    await visitApp(env);
    expect(env.fetched).toEqual([]);
    expect(env.area.dump()).toBe('[]');
    const state = await env.tabState();
    expect(state).toMatchObject({ inScope: false, site: 'app.example.test', findings: [], excludedBy: [] });
  });

  it('scans the same visit when the site is listed', async () => {
    const env = setup({ scripts: appScript(), settings: listedOnly('*.example.test') });
    await visitApp(env);
    expect(env.fetched).toEqual(['https://app.example.test/static/app.js']);
    expect((await env.tabState()).findings.map((f) => f.source).sort()).toEqual(['local-storage', 'request-url', 'script']);
  });

  it('drops what was stored when the site leaves scope, and "include site" brings it back for the next load', async () => {
    const env = setup({ scripts: appScript() });
    await visitApp(env);
    expect(env.badges[4]).toBe('3');
    await env.ask({ type: 'leaklens/settings-update', scope: { mode: 'listed', include: ['other.test'], exclude: [] } });
    await env.settle();
    expect(await env.tabState()).toMatchObject({ inScope: false, findings: [] });
    expect(env.badges[4]).toBe('');
    expect(env.area.dump()).not.toContain('auth.session');

    const included = await env.ask<{ ok: boolean; settings: Settings }>({ type: 'leaklens/include-site', site: 'app.example.test' });
    expect(included.settings.scope.include).toEqual(['other.test', 'app.example.test']);
    await visitApp(env);
    expect((await env.tabState()).findings).toHaveLength(3);
  });

  it('a navigation to an out-of-scope site clears the tab; requests made meanwhile are not inspected', async () => {
    const env = setup({ settings: { ...defaultSettings(), scope: { mode: 'all', include: [], exclude: ['*.bank.test'] } } });
    await visitApp(env);
    env.request('onBeforeRequest', { type: 'main_frame', url: 'https://www.bank.test/' });
    env.request('onBeforeRequest', { url: `https://api.bank.test/?access_token=${fakeOpaqueToken()}` });
    await env.controller.handleMessage(snapshot({ pageUrl: 'https://www.bank.test/', localStorage: [['t', longLivedJwt()]] }), pageSender(4, 'https://www.bank.test/'));
    await env.settle();
    expect(env.area.dump()).toBe('[]');
    expect(env.badges[4]).toBe('');
    expect(await env.tabState()).toMatchObject({ inScope: false, site: 'www.bank.test', excludedBy: ['*.bank.test'] });
  });

  it('holds webRequest events until settings are loaded, so a restricted scope is never bypassed at start-up', async () => {
    const area = localArea(listedOnly('*.example.com'));
    area.holdLoad();
    const env = setup({ area });
    env.request('onBeforeRequest', { type: 'main_frame', url: 'https://app.example.test/' });
    env.request('onBeforeRequest', { url: `https://api.example.test/?access_token=${fakeOpaqueToken()}` });
    area.releaseLoad();
    await env.controller.ready;
    await env.settle();
    expect(env.area.dump()).toBe('[]');
  });

  it('decides page-world probe reports after settings load, so they cannot slip in before', async () => {
    const area = localArea(listedOnly('*.example.com'));
    area.holdLoad();
    const env = setup({ area });
    const globals = [['window.__APP_CONFIG__', JSON.stringify({ aws: { accessKeyId: fakeAwsKeyId() } })]];
    const answer = env.controller.handleMessage({ type: 'leaklens/probe-report', pageUrl: 'https://app.example.test/', report: JSON.stringify({ kind: 'globals', payload: globals }) }, pageSender(4));
    area.releaseLoad();
    expect(await answer).toEqual({ ok: true });
    await env.settle();
    expect(env.area.dump()).toBe('[]');
  });

  it('after a worker restart, knows open tabs from the tab list (and else only scans when every site is)', async () => {
    const known = setup({ settings: listedOnly('*.example.com'), tabs: [{ id: 4, url: 'https://app.example.test/' }] });
    await known.controller.ready;
    known.request('onBeforeRequest', { url: `https://api.example.com/?access_token=${fakeOpaqueToken()}` });
    await known.settle();
    expect(known.area.dump()).toBe('[]'); // the tab's page is app.example.test: out of scope

    const unknown = setup({ settings: listedOnly('*.example.com') });
    await unknown.controller.ready;
    unknown.request('onBeforeRequest', { tabId: 9, url: `https://api.example.com/?access_token=${fakeOpaqueToken()}` });
    // A top frame's initiator is the top-level origin.
    unknown.request('onBeforeRequest', { tabId: 9, frameId: 0, initiator: 'https://app.example.com', url: `https://api.example.com/?token=${fakeOpaqueToken()}` } as Partial<RequestDetailsLike>);
    await unknown.settle();
    expect((await unknown.tabState(9)).findings.map((f) => f.location.parameter)).toEqual(['token']);
  });
});

describe('ignore list', () => {
  it('hides a finding from the badge, the popup and reports, and unignore brings it back', async () => {
    const env = setup({ scripts: appScript() });
    const jwtValue = longLivedJwt();
    await visitApp(env, 4, jwtValue);
    const jwt = (await env.tabState()).findings.find((f) => f.ruleId === 'jwt')!;
    const ignored = await env.ask<{ ok: true; settings: Settings }>({ type: 'leaklens/ignore', kind: 'finding', tabId: 4, fingerprint: jwt.fingerprint });
    expect(ignored.settings.ignored[0]).toMatchObject({ kind: 'finding', ruleId: 'jwt', site: 'app.example.test', where: expect.stringContaining('auth.session') });
    // The entry holds no finding: no preview, no hash.
    expect(JSON.stringify(env.local.data)).not.toContain(jwt.preview);
    expect(JSON.stringify(env.local.data)).not.toContain(jwt.secretHash);
    await env.settle();
    expect(env.badges[4]).toBe('2');
    const state = await env.tabState();
    expect(state.findings.map((f) => f.ruleId)).not.toContain('jwt');
    expect(state.ignored.map((view) => view.finding.fingerprint)).toEqual([jwt.fingerprint]);
    expect((await env.report(4)).findings.map((f) => f.ruleId)).not.toContain('jwt');

    // The same value at the same place on the next load: still hidden.
    await visitApp(env, 4, jwtValue);
    expect((await env.tabState()).findings.map((f) => f.ruleId)).not.toContain('jwt');

    await env.ask({ type: 'leaklens/unignore', id: state.ignored[0]!.entry.id });
    await env.settle();
    expect(env.badges[4]).toBe('3');
    expect((await env.report(4)).findings.map((f) => f.ruleId)).toContain('jwt');
  });

  it('shows, counts and ignores a global an inline script set as one finding with that script', async () => {
    const env = setup();
    const keyId = fakeAwsKeyId();
    const config = JSON.stringify({ aws: { accessKeyId: keyId } });
    env.request('onBeforeRequest', { tabId: 4, type: 'main_frame', url: 'https://app.example.test/' });
    await env.controller.handleMessage(snapshot({ markup: `<html><head><script>window.__APP_CONFIG__ = ${config};</script></head><body></body></html>` }), pageSender(4));
    const globals = JSON.stringify({ kind: 'globals', payload: [['window.__APP_CONFIG__', config]] });
    await env.controller.handleMessage({ type: 'leaklens/probe-report', pageUrl: 'https://app.example.test/', report: globals }, pageSender(4));
    await env.settle();
    const [only, ...rest] = (await env.tabState()).findings;
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ source: 'inline-script', details: { alsoInGlobal: 'window.__APP_CONFIG__ $.aws.accessKeyId' } });
    expect(only!.reportedByPage).toBeUndefined();
    expect(env.badges[4]).toBe('1');
    expect((await env.report(4)).findings).toHaveLength(1);

    await env.ask({ type: 'leaklens/ignore', kind: 'finding', tabId: 4, fingerprint: only!.fingerprint });
    await env.settle();
    const state = await env.tabState();
    expect(state.findings).toEqual([]);
    expect(state.ignored.map((view) => view.finding.source)).toEqual(['inline-script']);
    expect(env.badges[4]).toBe('');
  });

  it('ignores a rule on this site only', async () => {
    const env = setup();
    const leak = (tabId: number, host: string) => {
      env.request('onBeforeRequest', { tabId, type: 'main_frame', url: `https://${host}/` });
      env.request('onBeforeRequest', { tabId, url: `https://api.test/?access_token=${fakeOpaqueToken()}` });
    };
    leak(1, 'one.test');
    leak(2, 'two.test');
    await env.settle();
    const [first] = (await env.tabState(1)).findings;
    await env.ask({ type: 'leaklens/ignore', kind: 'rule', tabId: 1, fingerprint: first!.fingerprint });
    leak(1, 'one.test'); // a different token, same rule, same site
    await env.settle();
    expect((await env.tabState(1)).findings).toEqual([]);
    expect((await env.tabState(2)).findings).toHaveLength(1);
  });

  it('builds entries from the stored finding only', async () => {
    const env = setup();
    expect(await env.ask({ type: 'leaklens/ignore', kind: 'finding', tabId: 4, fingerprint: 'ab'.repeat(16) })).toEqual({ ok: false, error: 'no such finding in this tab' });
    expect(await env.ask({ type: 'leaklens/ignore', kind: 'finding', tabId: 4, fingerprint: '<img>' })).toEqual({ ok: false, error: 'unknown request' });
  });
});

describe('rules from settings', () => {
  it('a disabled category is not scanned; switching it back on applies to the next scan of a cached bundle', async () => {
    const scripts = appScript();
    const env = setup({ scripts, settings: { ...defaultSettings(), disabledCategories: ['cloud'] } });
    await visitApp(env);
    expect((await env.tabState()).findings.map((f) => f.ruleId)).not.toContain('aws-access-key-id');
    expect((await env.tabState()).disabledCategories).toEqual(['cloud']);
    await env.ask({ type: 'leaklens/settings-update', disabledCategories: [] });
    await visitApp(env);
    expect((await env.tabState()).findings.map((f) => f.ruleId)).toContain('aws-access-key-id');
  });

  it('custom rules find the user’s own token format everywhere the engine scans', async () => {
    const key = `acmk_${randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 32)}`;
    const env = setup();
    const saved = await env.ask<{ ok: boolean; settings: Settings }>({
      type: 'leaklens/settings-update',
      customRules: [{ title: 'Acme internal key', pattern: 'acmk_[a-z0-9]{32}', caseInsensitive: false, keywords: ['acmk_'], severity: 'critical' }],
    });
    expect(saved.ok).toBe(true);
    await env.controller.handleMessage(snapshot({ localStorage: [['cfg', JSON.stringify({ partner: { key } })]] }), pageSender(4));
    await env.settle();
    const [found] = (await env.tabState()).findings;
    expect(found).toMatchObject({ ruleId: 'custom-acme-internal-key', severity: 'critical', location: { jsonPath: '$.partner.key' } });
    expect(env.area.dump()).not.toContain(key);
    expect(JSON.stringify(env.local.data)).not.toContain(key);
  });

  it('refuses unsafe or malformed settings with a reason, changing nothing', async () => {
    const env = setup();
    const unsafe = await env.ask({ type: 'leaklens/settings-update', customRules: [{ title: 'x', pattern: '(a{1,9}){1,9}', keywords: ['abc'], severity: 'high' }] });
    expect(unsafe).toMatchObject({ ok: false, error: expect.stringMatching(/nested quantifiers/) });
    expect(await env.ask({ type: 'leaklens/settings-update', scope: { mode: 'listed', include: [], exclude: [] } })).toMatchObject({ ok: false });
    expect(await env.ask({ type: 'leaklens/settings-update', disabledCategories: ['nope'] })).toMatchObject({ ok: false });
    expect(await env.ask({ type: 'leaklens/settings-update' })).toEqual({ ok: false, error: 'unknown request' });
    expect(await env.ask({ type: 'leaklens/include-site', site: '*.example.test' })).toMatchObject({ ok: false });
    expect((await env.ask<SettingsResponse>({ type: 'leaklens/settings' })).settings).toEqual(defaultSettings());
  });

  it('pages cannot change settings: only extension pages can', () => {
    const env = setup();
    expect(env.controller.handleMessage({ type: 'leaklens/settings-update', scope: { mode: 'all', include: [], exclude: [] } }, pageSender(4))).toBeUndefined();
    expect(env.controller.handleMessage({ type: 'leaklens/clear' }, pageSender(4))).toBeUndefined();
  });
});

describe('settings and data messages', () => {
  it('leaklens/settings lists categories with rule counts and what is stored', async () => {
    const env = setup({ scripts: appScript() });
    await visitApp(env);
    const answer = await env.ask<SettingsResponse>({ type: 'leaklens/settings' });
    expect(answer.categories.find((c) => c.id === 'cloud')).toMatchObject({ rules: expect.any(Number), providers: expect.arrayContaining(['AWS']) });
    expect(answer.stored).toEqual({ tabs: 1, findings: 3 });
  });

  it('clear forgets every stored finding and resets badges', async () => {
    const env = setup({ scripts: appScript() });
    await visitApp(env);
    await env.ask({ type: 'leaklens/clear' });
    expect((await env.tabState()).findings).toEqual([]);
    expect(env.badges[4]).toBe('');
    expect((await env.ask<SettingsResponse>({ type: 'leaklens/settings' })).stored).toEqual({ tabs: 0, findings: 0 });
  });

  it('tab-state says what the popup needs: site, redacted page, skipped resources', async () => {
    const env = setup();
    env.request('onBeforeRequest', { type: 'main_frame', url: `https://app.example.test/?session=${fakeOpaqueToken()}` });
    await env.controller.handleMessage(snapshot({ scriptUrls: ['https://app.example.test/missing.js'] }), pageSender(4));
    await env.settle();
    const state = await env.tabState();
    expect(state).toMatchObject({ site: 'app.example.test', inScope: true, pageUrl: 'https://app.example.test/?session=[redacted]', skipped: [{ url: 'https://app.example.test/missing.js', reason: 'HTTP 404' }] });
  });
});
