/**
 * The experience, end to end in Chromium: after browsing the demo app, the popup (opened as a tab on
 * the demo's tab id) shows the foundation findings with their locations; ignoring one hides it and
 * lowers the badge, unignoring restores both; the SARIF export downloads the findings without any raw
 * value; the options page refuses a pattern that would hang the scanner, accepts a custom rule that
 * then finds something on the next load, and limits scope so the demo site is no longer scanned until
 * the popup's one click brings it back. Screenshots of the popup and options in light and dark go to
 * test-results/ (and to docs/screenshots/ with UPDATE_SCREENSHOTS=1: `npm run screenshots`).
 */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestReport, waitForSettle, type ExtensionSession } from '../../src/cli/chromium.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { ARTIFACTS, ROOT, rawValuesFoundIn, startBrowserOnDemo, type Demo } from './support.ts';

const DOCS_SCREENSHOTS = path.join(ROOT, 'docs/screenshots');
const UPDATE_DOCS = process.env.UPDATE_SCREENSHOTS === '1';
/** The screenshots the README shows (every one, light and dark, is in test-results/). */
const DOCS_SHOTS = new Set(['popup-light', 'popup-dark', 'popup-out-of-scope-light', 'options-light']);

let demo: Demo;
let session: ExtensionSession;
let appPage: Page;
let appTabId: number;

beforeAll(async () => {
  ({ demo, session } = await startBrowserOnDemo());
  mkdirSync(ARTIFACTS, { recursive: true });
  if (UPDATE_DOCS) mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await session?.close();
  await demo?.close();
});

const extensionUrl = (pagePath: string) => `chrome-extension://${session.extensionId}/${pagePath}`;
const appHost = () => new URL(demo.urls.app).hostname;

async function settle() {
  const { settled } = await waitForSettle(session.context, session.extensionId, { quietMs: 1000, timeoutMs: 30_000 });
  expect(settled).toBe(true);
}

/** The id of the tab showing `url` (extension pages can't see it otherwise; the worker can). */
async function tabIdOf(url: string): Promise<number> {
  const id = await session.serviceWorker.evaluate(async (prefix) => {
    const scope = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } } };
    return (await scope.chrome.tabs.query({})).find((tab) => tab.url?.startsWith(prefix))?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

async function badgeText(tabId: number): Promise<string> {
  return session.serviceWorker.evaluate(async (id) => {
    const scope = globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string> } } };
    return scope.chrome.action.getBadgeText({ tabId: id });
  }, tabId);
}

/** Where findings live (settings in storage.local hold none, but may name an ignored key). */
async function sessionStorageDump(): Promise<string> {
  return session.serviceWorker.evaluate(async () => {
    const scope = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> } } } };
    return JSON.stringify(await scope.chrome.storage.session.get(null));
  });
}

async function tabFindings(tabId: number): Promise<Finding[]> {
  return (JSON.parse(await requestReport(session.context, session.extensionId, 'json', tabId)) as { findings: Finding[] }).findings;
}

/** Light and dark screenshots of `target` (an element or the page) into test-results/, and docs/screenshots/ on request. */
async function screenshots(page: Page, name: string, target: Locator | Page = page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const file = path.join(ARTIFACTS, `${name}-${colorScheme}.png`);
    if (target === page) await page.screenshot({ path: file, animations: 'disabled', fullPage: true });
    else await target.screenshot({ path: file, animations: 'disabled' });
    if (UPDATE_DOCS && DOCS_SHOTS.has(`${name}-${colorScheme}`)) copyFileSync(file, path.join(DOCS_SCREENSHOTS, `${name}-${colorScheme}.png`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openPopup(tabId: number): Promise<Page> {
  const popup = await session.context.newPage();
  await popup.setViewportSize({ width: 460, height: 640 });
  await popup.goto(extensionUrl(`src/popup/index.html?tab=${tabId}`));
  return popup;
}

const card = (popup: Page, ruleId: string) => popup.locator(`li.finding[data-rule="${ruleId}"]`);

describe('the popup, options and scope, in Chromium', () => {
  it('shows the foundation findings with their locations, after browsing the demo app', async () => {
    appPage = await session.context.newPage();
    await appPage.goto(demo.urls.app, { waitUntil: 'load' });
    await settle();
    appTabId = await tabIdOf(demo.urls.app);

    const popup = await openPopup(appTabId);
    await expect.poll(() => popup.locator('li.finding').count()).toBeGreaterThanOrEqual(3);
    await expect.poll(() => popup.locator('.site').textContent()).toBe(appHost());

    const layout = demo.planted.find((entry) => entry.id === 'root/script/aws-key-pair')!;
    const aws = card(popup, 'aws-access-key-id');
    expect(await aws.locator('.chip').textContent()).toBe('critical');
    expect(await aws.locator('.location').textContent()).toBe(`${new URL('/static/app.js', demo.urls.app).href}:${layout.location.line}:${layout.location.column}`);
    expect(await aws.locator('.preview').textContent()).toMatch(/^AKIA…\w{4} \(20 chars\)$/);

    const jwt = card(popup, 'jwt').first();
    expect(await jwt.locator('.location').textContent()).toContain('[key auth.session] [json $.accessToken]');
    expect(await jwt.locator('.tag-verified').count()).toBe(1);

    const urlToken = card(popup, 'url-credential-parameter').filter({ hasText: 'access_token' });
    expect(await urlToken.locator('.location').textContent()).toMatch(/^https:\/\/api\.leaklens\.test:\d+\/v1\/profile\?access_token=\[redacted\] \[param access_token\]$/);

    // Grouped by where they were seen, in order.
    const headings = await popup.locator('section.area h2').allTextContents();
    expect(headings.map((heading) => heading.replace(/\s*\(\d+\)$/, ''))).toEqual(expect.arrayContaining(['Requests', 'Storage', 'Code']));
    expect(rawValuesFoundIn(await popup.content(), demo.secrets)).toEqual([]);

    // Keyboard: Tab reaches a finding's summary, Enter expands it.
    await popup.locator('li.finding summary').first().focus();
    await popup.keyboard.press('Enter');
    expect(await popup.locator('li.finding details').first().getAttribute('open')).not.toBeNull();
    await popup.keyboard.press('Enter');

    await aws.locator('summary').click();
    await screenshots(popup, 'popup', popup.locator('main.popup'));
    await popup.close();

  });

  it('ignoring a finding hides it and lowers the badge; unignoring restores both', async () => {
    await settle();
    const popup = await openPopup(appTabId);
    const jwt = popup.locator('li.finding[data-rule="jwt"]').filter({ hasText: 'auth.session' });
    await jwt.waitFor();
    const fingerprint = (await jwt.getAttribute('data-fingerprint'))!;
    const byFingerprint = popup.locator(`li.finding[data-fingerprint="${fingerprint}"]`);
    const badgeBefore = Number(await badgeText(appTabId));
    expect(badgeBefore).toBeGreaterThanOrEqual(3);

    await jwt.locator('summary').click();
    await jwt.getByRole('button', { name: /^Ignore this finding/ }).click();
    await expect.poll(() => byFingerprint.count()).toBe(0);
    await expect.poll(() => badgeText(appTabId)).toBe(String(badgeBefore - 1));
    expect(await popup.locator('.ignored summary').textContent()).toBe('Ignored here (1)');
    // Undo has focus (Enter would bring it back); here the ignored list does it, as on a later visit.
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Undo');
    expect((await tabFindings(appTabId)).map((finding) => finding.fingerprint)).not.toContain(fingerprint);

    await popup.locator('.ignored summary').click();
    await popup.locator('.ignored').getByRole('button', { name: /^Stop ignoring/ }).click();
    await expect.poll(() => byFingerprint.count()).toBe(1);
    await expect.poll(() => badgeText(appTabId)).toBe(String(badgeBefore));
    expect((await tabFindings(appTabId)).map((finding) => finding.fingerprint)).toContain(fingerprint);
    await popup.close();
  });

  it('exports this tab as SARIF: a download holding the findings and no raw value', async () => {
    const popup = await openPopup(appTabId);
    await card(popup, 'aws-access-key-id').waitFor();
    const [download] = await Promise.all([popup.waitForEvent('download'), popup.getByRole('button', { name: 'Export this tab as SARIF' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^leaklens-${appHost().replace(/\./g, '\\.')}-\\d{8}-\\d{4}\\.sarif$`));
    const file = path.join(ARTIFACTS, 'popup-export.sarif');
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    const log = JSON.parse(text) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.version).toBe('2.1.0');
    const ruleIds = log.runs[0]!.results.map((result) => result.ruleId);
    expect(ruleIds).toEqual(expect.arrayContaining(['aws-access-key-id', 'jwt', 'url-credential-parameter']));
    expect(rawValuesFoundIn(text, demo.secrets)).toEqual([]);
    await popup.close();
  });

  it('options: refuses a pattern that would hang the scanner, adds a custom rule that finds something on the next load', async () => {
    const options = await session.context.newPage();
    await options.setViewportSize({ width: 920, height: 900 });
    await options.goto(extensionUrl('src/options/index.html'));
    const custom = options.locator('section#custom');
    await custom.locator('input[name=title]').fill('Catastrophic');
    await custom.locator('input[name=pattern]').fill('(?:a|a){1,40}b');
    await custom.locator('input[name=keywords]').fill('aaa');
    await custom.getByRole('button', { name: 'Test and add rule' }).click();
    // Passes the static checks; the timed trial in a worker is what stops it.
    await expect.poll(() => custom.locator('.field-error').textContent(), { timeout: 10_000 }).toMatch(/did not finish its trial/);
    expect(await custom.locator('tr[data-rule]').count()).toBe(0);

    await custom.locator('input[name=title]').fill('Acme build banner (demo rule)');
    await custom.locator('input[name=pattern]').fill('acme-dashboard v(?<secret>[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3})');
    await custom.locator('input[name=keywords]').fill('acme-dashboard');
    await custom.locator('select[name=severity]').selectOption('low');
    await custom.locator('textarea[name=sample]').fill('/*! acme-dashboard v2.14.0 */');
    await custom.getByRole('button', { name: 'Test and add rule' }).click();
    await expect.poll(() => custom.locator('.status').textContent(), { timeout: 10_000 }).toMatch(/Added “Acme build banner \(demo rule\)”.*Sample: .* at 1:21/);
    expect(await custom.locator('tr[data-rule="custom-acme-build-banner-demo-rule"]').count()).toBe(1);

    // The background rebuilt its scanner and forgot cached bundle results: the next load finds it.
    await appPage.reload({ waitUntil: 'load' });
    await settle();
    const found = (await tabFindings(appTabId)).find((finding) => finding.ruleId === 'custom-acme-build-banner-demo-rule');
    expect(found).toMatchObject({ severity: 'low', source: 'script', location: { line: 1, column: 21 } });

    // An ignored rule, so the screenshot shows the ignore list; removed from there again afterwards.
    const urlFinding = (await tabFindings(appTabId)).find((finding) => finding.ruleId === 'url-credential-parameter')!;
    const ignored = await options.evaluate(
      (request) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome.runtime.sendMessage(request),
      { type: 'leaklens/ignore', kind: 'rule', tabId: appTabId, fingerprint: urlFinding.fingerprint },
    );
    expect(ignored.ok).toBe(true);
    await options.locator('section#ignored tbody tr').waitFor(); // the page follows settings changed elsewhere
    await screenshots(options, 'options', options);
    await options.locator('section#ignored').getByRole('button', { name: /^Stop ignoring/ }).click();
    await expect.poll(() => options.locator('section#ignored tbody tr').count()).toBe(0);
    await expect.poll(async () => (await tabFindings(appTabId)).some((finding) => finding.fingerprint === urlFinding.fingerprint)).toBe(true);
    await options.close();
  });

  it('limits scope to another site: the demo is no longer scanned, and the popup brings it back in one click', async () => {
    const options = await session.context.newPage();
    await options.goto(extensionUrl('src/options/index.html'));
    const scope = options.locator('section#scope');
    await scope.locator('input[value=listed]').check();
    await scope.locator('textarea[name=include]').fill('*.example.com');
    await scope.getByRole('button', { name: 'Save scope' }).click();
    await expect.poll(() => scope.locator('.status').textContent()).toMatch(/^Scope saved/);

    // What was kept for the tab is dropped at once; a reload scans nothing.
    await expect.poll(async () => (await tabFindings(appTabId)).length).toBe(0);
    await appPage.reload({ waitUntil: 'load' });
    await settle();
    expect(await tabFindings(appTabId)).toEqual([]);
    expect(await badgeText(appTabId)).toBe('');
    expect(await sessionStorageDump()).not.toContain('auth.session');

    const popup = await openPopup(appTabId);
    const outOfScope = popup.locator('.out-of-scope');
    await outOfScope.waitFor();
    expect(await outOfScope.locator('h2').textContent()).toBe(`${appHost()} is out of scope`);
    await screenshots(popup, 'popup-out-of-scope', popup.locator('main.popup'));

    await outOfScope.getByRole('button', { name: `Scan ${appHost()}` }).click();
    // The popup reloaded the demo tab; the site is listed now and scanned again.
    await expect.poll(async () => (await tabFindings(appTabId)).length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    await settle();
    await expect.poll(() => popup.locator('li.finding').count()).toBeGreaterThanOrEqual(3);
    await options.reload();
    expect(await options.locator('textarea[name=include]').inputValue()).toBe(`*.example.com\n${appHost()}`);
    await popup.close();
    await options.close();
  });

  it('a busier page (storage, cookies, globals reported by the page, bundles), in the popup and the DevTools panel', async () => {
    const url = new URL('/page.html', demo.urls.app).href;
    const busy = await session.context.newPage();
    await busy.goto(url, { waitUntil: 'load' });
    await settle();
    const popup = await openPopup(await tabIdOf(url));
    await expect.poll(() => popup.locator('li.finding').count()).toBeGreaterThan(3);
    expect(await popup.locator('.tag-page').count()).toBeGreaterThan(0);
    expect(rawValuesFoundIn(await popup.content(), demo.secrets)).toEqual([]);
    await screenshots(popup, 'popup-page', popup.locator('main.popup'));
    await popup.close();

    // The DevTools panel's page, opened as a tab (automation cannot open DevTools): filters and room.
    const panel = await session.context.newPage();
    await panel.setViewportSize({ width: 1000, height: 760 });
    await panel.goto(extensionUrl(`src/devtools/panel.html?tab=${await tabIdOf(url)}`));
    await panel.locator('.filters').waitFor();
    const total = await panel.locator('li.finding').count();
    await panel.getByRole('button', { name: 'critical', exact: true }).click();
    await expect.poll(() => panel.locator('li.finding .chip-critical').count()).toBe(0);
    expect(await panel.locator('li.finding').count()).toBeLessThan(total);
    await panel.getByRole('button', { name: 'critical', exact: true }).click();
    await expect.poll(() => panel.locator('li.finding').count()).toBe(total);
    await panel.locator('li.finding summary').first().click();
    await screenshots(panel, 'devtools-panel-page', panel);
    await panel.close();
    await busy.close();
  });
});
