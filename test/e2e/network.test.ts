/**
 * The network inspectors end to end: the built extension in Chromium against the demo app's request
 * side (`/network.html`), mixed content and a presigned URL (`/mixed.html`), an implicit-flow fragment
 * (`/implicit.html` → `/callback.html`), Set-Cookie flags (`/page.html`) and credentials over plain
 * HTTP (`http://insecure…/login.html`). Every network and cleartext plant of the answer key is found
 * with its source, location and severity; nothing raw reaches storage or a report.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlantedSecret } from '../../demo/server.mjs';
import { requestReport, waitForSettle, type ExtensionSession } from '../../src/cli/chromium.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { ARTIFACTS, extensionStorageText, rawValuesFoundIn, startBrowserOnDemo, type Demo } from './support.ts';

let demo: Demo;
let session: ExtensionSession;
let findings: Finding[];
let reports: string[];
let storage: string;

const hashOf = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);
const PAGES = ['network.html', 'mixed.html', 'implicit.html', 'page.html'];

beforeAll(async () => {
  ({ demo, session } = await startBrowserOnDemo());
  // One tab per page: a navigation resets its tab's findings, and the report covers every tab.
  const targets = [...PAGES.map((page) => new URL(page, demo.urls.app).href), new URL('login.html', demo.urls.insecure).href];
  for (const url of targets) {
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('html[data-demo-ready="true"]', { state: 'attached', timeout: 20_000 });
  }
  const { settled } = await waitForSettle(session.context, session.extensionId, { quietMs: 1500, timeoutMs: 45_000 });
  expect(settled).toBe(true);
  const json = await requestReport(session.context, session.extensionId, 'json');
  findings = (JSON.parse(json) as { findings: Finding[] }).findings;
  reports = [json, await requestReport(session.context, session.extensionId, 'sarif'), await requestReport(session.context, session.extensionId, 'markdown')];
  storage = await extensionStorageText(session);
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(path.join(ARTIFACTS, 'network-report.json'), json);
}, 180_000);

afterAll(async () => {
  await session?.close();
  await demo?.close();
});

/** Where a finding points, without query or fragment: `host[:port]/path`. */
function placeOf(url: string | undefined): string {
  if (!url) return '';
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}`;
}

function expectPlant(entry: PlantedSecret): Finding {
  const value = demo.secrets[entry.name];
  const candidates = findings.filter((finding) => finding.source === entry.source && finding.secretHash === hashOf(value));
  const target = entry.targetUrl!;
  const match = candidates.find((finding) => placeOf(finding.location.url) === target);
  expect(match, `${entry.id}: no ${entry.source} finding at ${target} (have ${candidates.map((f) => `${f.ruleId}@${f.location.url}`).join(', ') || 'none'})`).toBeDefined();
  expect(match!.severity, entry.id).toBe(entry.severity);
  const { parameter, header, keyPath, jsonPath } = entry.location;
  if (parameter) expect(match!.location.parameter, entry.id).toBe(parameter);
  if (header) expect(match!.location.header?.toLowerCase(), entry.id).toBe(header.toLowerCase());
  if (keyPath) expect(match!.location.keyPath, entry.id).toBe(keyPath);
  if (jsonPath) expect(match!.location.jsonPath, entry.id).toBe(jsonPath);
  if (entry.location.username) expect(match!.details?.username, entry.id).toBe(entry.location.username);
  return match!;
}

describe('network inspectors, end to end in Chromium', () => {
  it('finds every network and cleartext plant with its source, location and severity', () => {
    const plants = demo.planted.filter((entry) => entry.stage === 'network' || entry.stage === 'cleartext');
    expect(plants.length).toBeGreaterThanOrEqual(13);
    for (const entry of plants) expectPlant(entry);
  });

  it('names the rule behind each: client secret from the browser, provider key, weak bearer JWT, Referer leak', () => {
    const byId = (id: string) => expectPlant(demo.planted.find((entry) => entry.id === id)!);
    expect(byId('network/request-body/client_secret')).toMatchObject({ ruleId: 'oauth-client-secret-in-browser', details: { grantType: 'authorization_code' } });
    expect(byId('network/request-header/x-api-key').ruleId).toBe('sendgrid-api-key');
    expect(byId('network/request-header/authorization')).toMatchObject({ ruleId: 'jwt', title: 'Bearer JWT: 720-hour lifetime' });
    expect(byId('network/referer/analytics-pixel')).toMatchObject({ ruleId: 'referer-credential-leak', details: { recipient: 'analytics.thirdparty.test' } });
    expect(byId('network/referer/referrer-policy')).toMatchObject({ ruleId: 'referrer-policy-leaks-url', reportedByPage: true, details: { policy: 'unsafe-url', via: 'meta' } });
    expect(byId('cleartext/form-post/password').ruleId).toBe('request-body-password');
    expect(byId('cleartext/basic-auth/authorization')).toMatchObject({ ruleId: 'cleartext-credential', details: { scheme: 'Basic' } });
    expect(byId('mixed/request-url/signed-url')).toMatchObject({ ruleId: 'signed-url', details: { provider: 'AWS (SigV4)', expired: false } });
  });

  it('sees blocked mixed content through the page-side hook, and leaves loopback HTTP alone', () => {
    const blocked = expectPlant(demo.planted.find((entry) => entry.id === 'mixed/mixed-content/authorization')!);
    expect(blocked).toMatchObject({ ruleId: 'mixed-content', reportedByPage: true, details: { outcome: 'blocked', withCredentials: true } });
    const banner = findings.find((f) => f.ruleId === 'mixed-content' && f.location.url?.endsWith('/banner.gif'));
    expect(banner).toMatchObject({ severity: 'medium', details: { outcome: 'upgraded', withCredentials: false } });
    // The bearer token never went out in clear (Chromium blocked it), and 127.0.0.1 is loopback.
    expect(findings.filter((f) => f.secretHash === hashOf(demo.secrets.mixedBearerToken)).map((f) => f.source)).not.toContain('cleartext');
    const loopback = findings.filter((f) => f.location.url?.startsWith('http://127.0.0.1'));
    expect(loopback.filter((f) => f.source === 'cleartext' || f.source === 'mixed-content')).toEqual([]);
  });

  it('reports the session cookie set without HttpOnly, readable by the page that received it', () => {
    const cookie = findings.find((f) => f.ruleId === 'cookie-without-httponly' && f.location.keyPath === 'session_token');
    expect(cookie).toMatchObject({ source: 'cookie', severity: 'high', location: { header: 'set-cookie' }, details: { readableByPage: true, secure: true, sameSite: 'lax' }, secretHash: hashOf(demo.secrets.cookieJwt) });
    expect(placeOf(cookie!.location.url)).toBe(new URL('page.html', demo.urls.app).href);
  });

  it('attributes findings to the tab and page that caused them, counts repeats once, and skips same-site Referers', () => {
    const referer = findings.find((f) => f.ruleId === 'referer-credential-leak')!;
    expect(referer.tabId).toBeGreaterThan(0);
    expect(referer.pageUrl).toBe(`${new URL('network.html', demo.urls.app).href}?session_token=[redacted]`);
    const basic = findings.find((f) => f.ruleId === 'cleartext-credential' && f.location.header?.toLowerCase() === 'authorization')!;
    expect(basic.pageUrl).toBe(new URL('login.html', demo.urls.insecure).href);
    expect(basic.tabId).not.toBe(referer.tabId);
    // The API host is the same site as the app: its Referer (token included) is not a third-party leak.
    expect(findings.filter((f) => f.source === 'referer' && f.location.url?.includes('api.leaklens.test'))).toEqual([]);
    // One finding per fingerprint, whatever the number of requests.
    expect(new Set(findings.map((f) => `${f.tabId}:${f.fingerprint}`)).size).toBe(findings.length);
  });

  it('keeps no raw value in extension storage or any report, and stores only redacted URLs', () => {
    expect(storage).toContain('referer-credential-leak');
    expect(rawValuesFoundIn(storage, demo.secrets)).toEqual([]);
    for (const document of reports) expect(rawValuesFoundIn(document, demo.secrets)).toEqual([]);
    for (const finding of findings.filter((f) => ['request-url', 'referer', 'websocket', 'cleartext', 'mixed-content'].includes(f.source))) {
      expect(finding.location.url ?? '', finding.ruleId).not.toMatch(/(?:session_token|access_token|token|X-Amz-Signature|X-Amz-Credential)=(?!\[redacted\])/);
    }
  });
});
