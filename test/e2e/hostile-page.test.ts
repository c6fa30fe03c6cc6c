/**
 * A hostile page, end to end in Chromium with the built extension. The page (served here, on
 * `hostile.thirdparty.test` over HTTPS) does what pages do to content scripts, by accident or on
 * purpose: more storage keys than the collector reads and a value near the quota; globals behind
 * getters that must never run, proxies whose every trap throws, cycles, a 20 MB string and a chain
 * 10 000 objects deep; after load it replaces the builtins the MAIN-world probe relies on
 * (`JSON.stringify`, `Object.keys`, `requestIdleCallback`, `dispatchEvent`, `CustomEvent`, and an
 * `Array.prototype.toJSON` as Prototype.js defined) and changes its DOM every 10 ms. It also goes after
 * the probe's channel (src/content/probe-channel.ts), knowing its source: it listens for every
 * `message` and for the channel's events from its first line; after load it asks the probe to
 * announce itself again, offers the content script an event target of its own and dispatches a forged
 * report on it, and posts a forged report, 3 000 more, oversized ones and a 64 MB ArrayBuffer the way
 * the probe used to post (`window.postMessage`), all before the probe's own first report.
 *
 * What must hold: the page keeps working (its timers run, its own fetch and XHR get their answers, no
 * getter of its was called); the extension keeps answering; what the page really holds is found with
 * its location (storage key and JSON path, global and JSON path, and a global set after the builtins
 * were replaced); the page never sees a probe report, nor the channel's handshake, and nothing it
 * forges is relayed; the cut it forced (storage keys) is noted in the report, not silent; no raw value
 * reaches extension storage or a report.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:https';
import type { Page } from 'playwright-core';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, requestReport, type ExtensionSession } from '../../src/cli/chromium.ts';
import { PROBE_CHANNEL_EVENTS } from '../../src/content/probe-channel.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { fakeAwsKeyId } from '../support/fake-secrets.ts';
import { browserPath, DIST, extensionStorageText, rawValuesFoundIn, requireBuild } from './support.ts';

const HOST = 'hostile.thirdparty.test';
const hashOf = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

/** Fresh fake key ids for each place the page keeps one (generated at test time, never committed). */
const secrets = {
  storageKeyId: fakeAwsKeyId(),
  globalKeyId: fakeAwsKeyId(),
  lateKeyId: fakeAwsKeyId(),
  forgedKeyId: fakeAwsKeyId(),
  channelForgedKeyId: fakeAwsKeyId(),
};
/** What the page holds and must be found; the rest it forges, and must not be. */
const REAL = ['storageKeyId', 'globalKeyId', 'lateKeyId'] as const;

const reversed = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([key, value]) => [key, [...value].reverse().join('')]));

function hostilePage(): string {
  const script = `(() => {
  // Reversed in the markup, so the inline script itself is not where they are found.
  const S = Object.fromEntries(Object.entries(${JSON.stringify(reversed(secrets))}).map(([k, v]) => [k, v.split('').reverse().join('')]));
  const EVENTS = ${JSON.stringify(PROBE_CHANNEL_EVENTS)};
  window.__alive = 0;

  // Everything the page can overhear: every message, and the channel's events on document and window.
  // (Strings inside a message are collected by hand: JSON.stringify and toJSON are replaced later. Not
  // enumerable: the probe walks what the page adds to window, and would find the forged values here.)
  Object.defineProperty(window, '__overheard', { value: [], enumerable: false });
  const strings = (value, depth) => typeof value === 'string' ? value.slice(0, 300)
    : value && typeof value === 'object' && depth < 6 ? Object.values(value).slice(0, 50).map((item) => strings(item, depth + 1)).join(' ') : '';
  addEventListener('message', (event) => window.__overheard.push(String(event.data && event.data.kind) + ' ' + strings(event.data, 0)));
  for (const type of Object.values(EVENTS)) document.addEventListener(type, () => window.__overheard.push('event ' + type), true);
  setInterval(() => window.__alive++, 20);

  // Storage: the real secret, then more keys than the collector reads, and one value near the quota.
  localStorage.clear();
  localStorage.setItem('deploy.config', JSON.stringify({ aws: { accessKeyId: S.storageKeyId } }));
  for (let i = 0; i < 2500; i++) localStorage.setItem('junk-' + i, 'filler '.repeat(20) + i);
  try { localStorage.setItem('huge', 'z'.repeat(2000000)); } catch {}

  // Globals: a getter that must never run, a proxy whose traps all throw, a cycle, huge and deep values.
  window.__getterCalls = 0;
  Object.defineProperty(window, 'sessionTrap', { enumerable: true, configurable: true, get() { window.__getterCalls++; throw new Error('trap'); } });
  const thrower = () => { throw new Error('trap'); };
  window.throwingProxy = new Proxy({}, { ownKeys: thrower, getOwnPropertyDescriptor: thrower, get: thrower, has: thrower, getPrototypeOf: thrower });
  const config = { aws: { accessKeyId: S.globalKeyId } };
  config.self = config;
  config.list = [config, { again: config }];
  window.__APP_CONFIG__ = config;
  window.hugeString = 'q'.repeat(20000000);
  let deep = { leaf: 'end of the chain' };
  for (let i = 0; i < 10000; i++) deep = { next: deep };
  window.deepChain = deep;

  addEventListener('load', () => {
    // Builtins replaced after load (the probe took its own at document start).
    Object.defineProperty(Array.prototype, 'toJSON', { value: function () { return 'rewritten by the page'; }, configurable: true, writable: true });
    const ownJson = JSON.stringify;
    JSON.stringify = () => { throw new Error('no JSON for you'); };
    Object.keys = () => [];
    window.requestIdleCallback = () => 0;
    const ownDispatch = EventTarget.prototype.dispatchEvent;
    const OwnMouseEvent = MouseEvent;
    const OwnCustomEvent = CustomEvent;
    EventTarget.prototype.dispatchEvent = function () { return true; };
    window.CustomEvent = function () { throw new Error('no events for you'); };

    // A DOM that never stops changing.
    setInterval(() => {
      const p = document.createElement('p');
      p.textContent = 'tick ' + Math.random();
      document.body.appendChild(p);
      if (document.body.childElementCount > 300) document.body.firstElementChild.remove();
    }, 10);

    // Ask the probe to announce itself again, with a listener ready to take its target; then offer the
    // content script a target of the page's own and dispatch a forged report on it.
    const dispatch = (target, event) => ownDispatch.call(target, event);
    const mine = new EventTarget();
    document.addEventListener(EVENTS.hello, (event) => { if (event.relatedTarget !== mine) window.__stolenTarget = event.relatedTarget; }, true);
    dispatch(document, new Event(EVENTS.request));
    dispatch(document, new OwnMouseEvent(EVENTS.hello, { relatedTarget: mine, cancelable: true }));
    const forgedText = ownJson({ kind: 'globals', payload: [['window.forgedOnChannel', ownJson({ aws: { accessKeyId: S.channelForgedKeyId } })]] });
    dispatch(mine, new OwnCustomEvent(EVENTS.report, { detail: forgedText }));

    // Reports posted the way the probe used to, a flood of them, oversized ones and a huge buffer, all
    // before the probe's own first report (on idle after load).
    const forge = (kind, payload) => window.postMessage({ channel: 'leaklens/probe/v1', kind, payload }, location.origin);
    forge('globals', [['window.forged', ownJson({ aws: { accessKeyId: S.forgedKeyId } })]]);
    for (let i = 0; i < 3000; i++) forge('globals', [['window.flood' + i, '{"filler":"' + 'f'.repeat(40) + i + '"}']]);
    for (let i = 0; i < 20; i++) forge('responses', 'x'.repeat(3000000));
    forge('globals', new ArrayBuffer(64 * 1024 * 1024));

    // Set after the builtins were replaced: the probe's next round must still report it, arrays and all.
    setTimeout(() => { window.lateConfig = { keys: [{ aws: { accessKeyId: S.lateKeyId } }] }; }, 500);

    // The page's own requests, through the probe's hooks, still get their answers.
    fetch('/api/data').then((response) => response.json()).then((data) => { window.__fetchResult = data.n; });
    const xhr = new XMLHttpRequest();
    xhr.open('GET', '/api/data');
    xhr.responseType = 'json';
    xhr.onload = () => { window.__xhrResult = xhr.response.n; };
    xhr.send();
  });
})();`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Hostile page</title><script>${script}</script></head><body><h1>Hostile page</h1></body></html>`;
}

let server: Server;
let origin: string;
let session: ExtensionSession;
let page: Page;

async function findings(): Promise<{ findings: Finding[]; warnings: string[] }> {
  const report = JSON.parse(await requestReport(session.context, session.extensionId, 'json')) as { findings: Finding[]; warnings?: string[] };
  return {
    findings: report.findings.filter((finding) => (finding.location.url ?? '').startsWith(origin)),
    warnings: (report.warnings ?? []).filter((warning) => warning.includes(HOST)),
  };
}

const findingOf = (list: Finding[], value: string, source: Finding['source']) => list.find((finding) => finding.secretHash === hashOf(value) && finding.source === source);
/** Where each value is expected to be found. */
const SOURCES: Record<(typeof REAL)[number], Finding['source']> = { storageKeyId: 'local-storage', globalKeyId: 'window-global', lateKeyId: 'window-global' };

beforeAll(async () => {
  requireBuild();
  const pems = await selfsigned.generate([{ name: 'commonName', value: HOST }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
  const html = hostilePage();
  server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    if (req.url === '/') return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(html);
    if (req.url === '/api/data') return void res.writeHead(200, { 'content-type': 'application/json' }).end('{"n":42}');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `https://${HOST}:${(server.address() as { port: number }).port}`;
  session = await launchWithExtension({ browserPath: browserPath(), extensionDir: DIST, hostRules: `MAP ${HOST} 127.0.0.1`, ignoreHttpsErrors: true });
  page = await session.context.newPage();
  await page.goto(`${origin}/`, { waitUntil: 'load' });
  // The late global is reported by the probe's 3 s round: wait for everything expected (or give up
  // and let the assertions say what is missing), then a little longer for anything forged to show.
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const { findings: found } = await findings();
    if (REAL.every((name) => findingOf(found, secrets[name], SOURCES[name]))) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await new Promise((resolve) => setTimeout(resolve, 1500));
});

afterAll(async () => {
  await session?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('a hostile page, end to end in Chromium', () => {
  it('keeps working: timers run, its fetch and XHR get their answers, and none of its getters was called', async () => {
    const before = await page.evaluate(() => (window as unknown as { __alive: number }).__alive);
    await page.waitForFunction((count) => (window as unknown as { __alive: number }).__alive > count + 10, before, { timeout: 10_000 });
    // One string: the page replaced Object.keys, which Playwright's own serialisation of objects uses.
    const state = await page.evaluate(() => {
      const scope = window as unknown as { __fetchResult?: number; __xhrResult?: number; __getterCalls: number };
      return `fetch ${scope.__fetchResult}, xhr ${scope.__xhrResult}, getter calls ${scope.__getterCalls}`;
    });
    expect(state).toBe('fetch 42, xhr 42, getter calls 0');
  });

  it('still finds what the page holds, with its location, despite the junk and the replaced builtins', async () => {
    const { findings: found } = await findings();
    expect(findingOf(found, secrets.storageKeyId, 'local-storage')).toMatchObject({
      ruleId: 'aws-access-key-id',
      source: 'local-storage',
      location: { keyPath: 'deploy.config', jsonPath: '$.aws.accessKeyId' },
    });
    expect(findingOf(found, secrets.globalKeyId, 'window-global')).toMatchObject({
      source: 'window-global',
      reportedByPage: true,
      location: { keyPath: 'window.__APP_CONFIG__', jsonPath: '$.aws.accessKeyId' },
    });
    // Set after Array.prototype.toJSON, JSON.stringify, Object.keys, requestIdleCallback, dispatchEvent and CustomEvent were replaced.
    expect(findingOf(found, secrets.lateKeyId, 'window-global')).toMatchObject({
      source: 'window-global',
      location: { keyPath: 'window.lateConfig', jsonPath: '$.keys[0].aws.accessKeyId' },
    });
  });

  it('never lets the page overhear a probe report or the handshake, and relays nothing it forges', async () => {
    const { findings: found, warnings } = await findings();
    // One string: the page replaced Object.keys and Array.prototype.toJSON, which Playwright's serialisation uses.
    const overheard = await page.evaluate(() => {
      const scope = window as unknown as { __overheard: string[]; __stolenTarget?: unknown };
      return scope.__overheard.map((entry) => entry.slice(0, 80)).join('\n') + '\nstolen target: ' + String(scope.__stolenTarget ?? 'none');
    });
    // The page heard its own posts (3 022 of them) and its own channel events, nothing else.
    const lines = overheard.split('\n');
    expect(lines.filter((line) => !/^(globals|responses|undefined) /.test(line) && !line.startsWith('event ') && !line.startsWith('stolen target: '))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('event '))).toEqual([`event ${PROBE_CHANNEL_EVENTS.request}`, `event ${PROBE_CHANNEL_EVENTS.hello}`]);
    expect(lines.at(-1)).toBe('stolen target: none');
    const pageHeard = await page.evaluate((values) => values.filter((value) => (window as unknown as { __overheard: string[] }).__overheard.some((entry) => entry.includes(value))).length, [secrets.globalKeyId, secrets.lateKeyId]);
    expect(pageHeard, 'probe-reported values the page overheard').toBe(0);
    // Forged on the channel or posted the old way: nothing relayed, no finding, and nothing to note.
    expect(findingOf(found, secrets.forgedKeyId, 'window-global')).toBeUndefined();
    expect(findingOf(found, secrets.channelForgedKeyId, 'window-global')).toBeUndefined();
    expect(found.filter((finding) => /window\.(flood|forged)|responses/.test(finding.location.keyPath ?? ''))).toEqual([]);
    expect(found.length).toBeLessThan(20);
    expect(warnings.find((warning) => warning.includes('localStorage'))).toMatch(/only the first \d+ of 2502 keys are read/);
  });

  it('keeps answering, and keeps no raw value in extension storage or any report', async () => {
    const stored = await extensionStorageText(session);
    expect(stored).toContain('deploy.config');
    expect(rawValuesFoundIn(stored, secrets)).toEqual([]);
    for (const format of ['json', 'sarif', 'markdown'] as const) {
      expect(rawValuesFoundIn(await requestReport(session.context, session.extensionId, format), secrets), format).toEqual([]);
    }
  });
});
