/**
 * The DevTools panel inside real DevTools. Chromium is started with DevTools open for every tab
 * (`--auto-open-devtools-for-tabs`, which works headless); the test drives DevTools' own frontend
 * over CDP to show the LeakLens panel for the demo tab, checks the panel lists the demo's findings,
 * and that "Open in Sources" switches DevTools to its Sources panel. Screenshot of DevTools with the
 * panel: test-results/devtools-panel.png (and docs/screenshots/ with UPDATE_SCREENSHOTS=1).
 *
 * It uses DevTools frontend modules (`ui/legacy/legacy.js` InspectorView and DockController,
 * `core/sdk/sdk.js` TargetManager), which are internal: if a Chromium update moves them, the failure
 * names the module to update here.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo } from '../../demo/server.mjs';
import { chromiumArgs, waitForSettle } from '../../src/cli/chromium.ts';
import { ARTIFACTS, browserPath, DIST, rawValuesFoundIn, requireBuild, ROOT, type Demo } from './support.ts';

let demo: Demo;
let context: BrowserContext;
let profile: string;
let extensionId: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Talks to one target (a DevTools window, an extension iframe) through the browser's CDP session. */
class TargetChannel {
  private next = 0;
  private readonly waiting = new Map<number, (message: { result?: unknown; error?: unknown }) => void>();

  private constructor(
    private readonly browserSession: CDPSession,
    private readonly sessionId: string,
  ) {
    browserSession.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
      if (event.sessionId !== this.sessionId) return;
      const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: unknown };
      if (message.id !== undefined) this.waiting.get(message.id)?.(message);
    });
  }

  static async open(browserSession: CDPSession, targetId: string): Promise<TargetChannel> {
    const { sessionId } = (await browserSession.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    return new TargetChannel(browserSession, sessionId);
  }

  send<T>(method: string, params: Record<string, unknown> = {}): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((resolve, reject) => {
      this.waiting.set(id, (message) => (message.error ? reject(new Error(JSON.stringify(message.error))) : resolve(message.result as T)));
      void this.browserSession.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    });
  }

  async evaluate<T>(expression: string): Promise<T> {
    const answer = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (answer.exceptionDetails) throw new Error(`${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
    return answer.result.value as T;
  }
}

beforeAll(async () => {
  requireBuild();
  demo = await startDemo();
  profile = mkdtempSync(path.join(os.tmpdir(), 'leaklens-devtools-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath(),
    headless: true,
    ignoreHTTPSErrors: true,
    args: [...chromiumArgs(DIST, demo.hostResolverRules), '--ignore-certificate-errors', '--auto-open-devtools-for-tabs', '--window-size=1280,900'],
  });
  const worker = await until(async () => context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://')), 'the service worker');
  await until(
    async () =>
      (await worker.evaluate(() => (globalThis as unknown as { chrome: { webRequest: { onBeforeRequest: { hasListeners(): boolean } } } }).chrome.webRequest.onBeforeRequest.hasListeners()))
        ? true
        : undefined,
    'the webRequest listeners',
  );
  extensionId = new URL(worker.url()).host;
});

afterAll(async () => {
  await context?.close();
  await demo?.close();
  if (profile) rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
});

describe('the LeakLens panel in real DevTools', () => {
  it('lists the inspected tab’s findings and opens a script in the Sources panel', async () => {
    const page = await context.newPage();
    await page.goto(demo.urls.app, { waitUntil: 'load' });
    const { settled } = await waitForSettle(context, extensionId, { quietMs: 1000, timeoutMs: 30_000 });
    expect(settled).toBe(true);

    const browserSession = await context.browser()!.newBrowserCDPSession();
    const targets = async () => ((await browserSession.send('Target.getTargets')) as { targetInfos: TargetInfo[] }).targetInfos;

    // The DevTools window inspecting the demo tab (every tab has one).
    const devtools = await until(async () => {
      for (const target of (await targets()).filter((candidate) => candidate.url.startsWith('devtools://'))) {
        const channel = await TargetChannel.open(browserSession, target.targetId);
        const inspected = await channel
          .evaluate<string | undefined>(`(async () => (await import('./core/sdk/sdk.js')).TargetManager.TargetManager.instance().primaryPageTarget()?.inspectedURL())()`)
          .catch(() => undefined);
        if (inspected?.startsWith(demo.urls.app)) return channel;
      }
      return undefined;
    }, 'a DevTools window inspecting the demo tab (core/sdk/sdk.js TargetManager)');

    const panelId = `chrome-extension://${extensionId}LeakLens`;
    // DevTools loads the extension's devtools page after its own frontend, and that page adds the
    // panel asynchronously: on a busy machine the tab appears some time after the window answers.
    const tabIds = async () => devtools.evaluate<string[]>(`(async () => (await import('./ui/legacy/legacy.js')).InspectorView.InspectorView.instance().tabbedPane.tabIds())()`);
    await until(async () => ((await tabIds()).includes(panelId) ? true : undefined), 'the LeakLens tab in DevTools', 20_000).catch(async (error: Error) => {
      throw new Error(`${error.message}; DevTools tabs (ui/legacy/legacy.js InspectorView): ${(await tabIds()).join(', ')}`);
    });
    await devtools.evaluate(`(async () => {
      const UI = await import('./ui/legacy/legacy.js');
      UI.DockController.DockController.instance().setDockSide('undocked');
      await UI.InspectorView.InspectorView.instance().showPanel(${JSON.stringify(panelId)});
    })()`);

    const panelTarget = await until(async () => (await targets()).find((target) => target.url === `chrome-extension://${extensionId}/src/devtools/panel.html`), 'the panel page');
    const panel = await TargetChannel.open(browserSession, panelTarget.targetId);
    const rules = await until(async () => {
      const found = await panel.evaluate<string[]>(`[...document.querySelectorAll('li.finding')].map((li) => li.dataset.rule)`);
      return found.length >= 3 ? found : undefined;
    }, 'findings in the panel');
    expect(rules).toEqual(expect.arrayContaining(['aws-access-key-id', 'jwt', 'url-credential-parameter']));
    expect(await panel.evaluate<boolean>(`document.querySelector('.filters') !== null`)).toBe(true);
    expect(rawValuesFoundIn(await panel.evaluate<string>('document.documentElement.outerHTML'), demo.secrets)).toEqual([]);

    const label = await panel.evaluate<string>(`(async () => {
      const card = document.querySelector('li.finding[data-rule="aws-access-key-id"]');
      card.querySelector('summary').click();
      await new Promise((resolve) => setTimeout(resolve, 100));
      return [...card.querySelectorAll('button')].find((button) => button.textContent.startsWith('Open in Sources')).textContent;
    })()`);
    const layout = demo.planted.find((entry) => entry.id === 'root/script/aws-key-pair')!;
    expect(label).toBe(`Open in Sources (line ${layout.location.line})`);
    await until(
      async () => ((await devtools.evaluate<string>(`(async () => (await import('./ui/legacy/legacy.js')).InspectorView.InspectorView.instance().tabbedPane.selectedTabId)()`)) === panelId ? true : undefined),
      'the LeakLens panel to be selected',
    );
    await sleep(1000); // let the panel's frame paint before the screenshot
    const shot = await devtools.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
    mkdirSync(ARTIFACTS, { recursive: true });
    const file = path.join(ARTIFACTS, 'devtools-panel.png');
    writeFileSync(file, Buffer.from(shot.data, 'base64'));
    if (process.env.UPDATE_SCREENSHOTS === '1') copyFileSync(file, path.join(ROOT, 'docs/screenshots/devtools-panel.png'));

    await panel.evaluate(`[...document.querySelectorAll('li.finding[data-rule="aws-access-key-id"] button')].find((button) => button.textContent.startsWith('Open in Sources')).click()`);
    await until(
      async () => ((await devtools.evaluate<string>(`(async () => (await import('./ui/legacy/legacy.js')).InspectorView.InspectorView.instance().tabbedPane.selectedTabId)()`)) === 'sources' ? true : undefined),
      'DevTools to switch to the Sources panel',
    );
    await page.close();
  });
});
