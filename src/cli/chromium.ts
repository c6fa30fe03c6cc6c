/**
 * Driving Chromium with the built extension loaded — shared by `leaklens browse` and the end-to-end
 * tests. See PLATFORM.md "Chromium": a persistent context is the only way to load an unpacked
 * extension, and the service worker is reported before its listeners are registered, so launching
 * waits for `webRequest.onBeforeRequest.hasListeners()` before anyone navigates.
 */
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { ReportFormat, ReportRequest, StatusRequest, StatusResponse } from '../shared/messages.ts';

export interface LaunchWithExtensionOptions {
  /** Chromium or Chrome executable. */
  browserPath: string;
  /** The built extension (the folder holding manifest.json). */
  extensionDir: string;
  /** Chromium `--host-resolver-rules`, e.g. `MAP *.example.test 127.0.0.1`. */
  hostRules?: string;
  /** Accept self-signed certificates (local HTTPS test hosts). */
  ignoreHttpsErrors?: boolean;
  /** Default true. */
  headless?: boolean;
  /** How long to wait for the extension's service worker and its listeners. Default 15 000 ms. */
  readyTimeoutMs?: number;
}

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: Worker;
  /** Closes the browser and removes the throwaway profile. Safe to call more than once. */
  close(): Promise<void>;
}

export interface SettleOptions {
  /** Scanning must have been quiet this long (default 800 ms). */
  quietMs?: number;
  /** Give up after this long and return `settled: false` (default 30 000 ms). */
  timeoutMs?: number;
  /** Time between status requests (default 100 ms). */
  pollMs?: number;
}

export interface SettleResult {
  settled: boolean;
  /** The last status the extension gave. */
  status: StatusResponse;
}

/** The extension page used to talk to the background; `runtime.sendMessage` needs an extension context. */
export const EXTENSION_PAGE_PATH = 'src/popup/index.html';

const CLOSED_NETWORK_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a value (not undefined) or the time is up. */
async function pollUntil<T>(probe: () => Promise<T | undefined>, timeoutMs: number, pollMs = 100): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(pollMs);
  }
}

export function chromiumArgs(extensionDir: string, hostRules?: string): string[] {
  const args = [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...CLOSED_NETWORK_FLAGS];
  if (hostRules !== undefined && hostRules !== '') args.push(`--host-resolver-rules=${hostRules}`);
  return args;
}

async function waitForReadyWorker(context: BrowserContext, timeoutMs: number): Promise<Worker> {
  const worker = await pollUntil(
    async () => context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://')),
    timeoutMs,
  );
  if (worker === undefined) throw new Error(`the extension's service worker did not start within ${timeoutMs} ms`);
  const ready = await pollUntil(
    () =>
      worker
        .evaluate(() => {
          const scope = globalThis as unknown as { chrome?: { webRequest?: { onBeforeRequest: { hasListeners(): boolean } } } };
          return scope.chrome?.webRequest?.onBeforeRequest.hasListeners() === true;
        })
        // The worker may still be evaluating its top level; ask again.
        .then((hasListeners) => (hasListeners ? true : undefined))
        .catch(() => undefined),
    timeoutMs,
  );
  if (ready === undefined) {
    throw new Error(`the extension's service worker registered no webRequest listener within ${timeoutMs} ms`);
  }
  return worker;
}

export async function launchWithExtension(options: LaunchWithExtensionOptions): Promise<ExtensionSession> {
  const extensionDir = path.resolve(options.extensionDir);
  if (!existsSync(path.join(extensionDir, 'manifest.json'))) {
    throw new Error(`no extension build in "${extensionDir}" (manifest.json missing); run "npm run build"`);
  }
  const profileDir = await mkdtemp(path.join(os.tmpdir(), 'leaklens-profile-'));
  // If the process exits without close() (a crash, process.exit in a test), still leave no profile behind.
  const removeProfileOnExit = (): void => rmSync(profileDir, { recursive: true, force: true, maxRetries: 3 });
  process.once('exit', removeProfileOnExit);

  let context: BrowserContext | undefined;
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      await context?.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true, maxRetries: 3 });
      process.off('exit', removeProfileOnExit);
    })();
    return closing;
  };

  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: options.browserPath,
      headless: options.headless ?? true,
      ignoreHTTPSErrors: options.ignoreHttpsErrors ?? false,
      // ignoreHTTPSErrors covers pages only; the service worker fetches scripts too, so the flag as well.
      args: [...chromiumArgs(extensionDir, options.hostRules), ...(options.ignoreHttpsErrors ? ['--ignore-certificate-errors'] : [])],
      // Callers own signal handling so that close() (and the profile cleanup) runs on Ctrl-C.
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    const serviceWorker = await waitForReadyWorker(context, options.readyTimeoutMs ?? 15_000);
    return { context, extensionId: new URL(serviceWorker.url()).host, serviceWorker, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** One extension page per browser context, opened on first use and kept for the session. */
const extensionPages = new WeakMap<BrowserContext, Promise<Page>>();

export function extensionPage(context: BrowserContext, extensionId: string): Promise<Page> {
  const cached = extensionPages.get(context);
  const open = async (): Promise<Page> => {
    const existing = cached === undefined ? undefined : await cached.catch(() => undefined);
    if (existing !== undefined && !existing.isClosed()) return existing;
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${EXTENSION_PAGE_PATH}`);
    return page;
  };
  const next = open();
  extensionPages.set(context, next);
  return next;
}

type AutomationRequest = StatusRequest | ReportRequest;

async function sendToExtension(context: BrowserContext, extensionId: string, message: AutomationRequest): Promise<unknown> {
  const page = await extensionPage(context, extensionId);
  return page.evaluate((request) => {
    const scope = globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } };
    return scope.chrome.runtime.sendMessage(request);
  }, message);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function failure(type: string, answer: unknown): Error {
  if (isRecord(answer) && answer.ok === false) return new Error(`the extension refused ${type}: ${String(answer.error)}`);
  return new Error(`the extension gave no valid answer to ${type}`);
}

export async function requestStatus(context: BrowserContext, extensionId: string): Promise<StatusResponse> {
  const answer = await sendToExtension(context, extensionId, { type: 'leaklens/status' });
  if (
    isRecord(answer) &&
    answer.ok === true &&
    typeof answer.pending === 'number' &&
    typeof answer.lastActivity === 'number' &&
    typeof answer.findings === 'number'
  ) {
    return { ok: true, pending: answer.pending, lastActivity: answer.lastActivity, findings: answer.findings };
  }
  throw failure('leaklens/status', answer);
}

/** The report document (JSON and SARIF are JSON text) for all tabs, or one tab. */
export async function requestReport(
  context: BrowserContext,
  extensionId: string,
  format: ReportFormat,
  tabId?: number,
): Promise<string> {
  const request: ReportRequest = tabId === undefined ? { type: 'leaklens/report', format } : { type: 'leaklens/report', format, tabId };
  const answer = await sendToExtension(context, extensionId, request);
  if (isRecord(answer) && answer.ok === true && answer.format === format && typeof answer.document === 'string') {
    return answer.document;
  }
  throw failure('leaklens/report', answer);
}

/**
 * Waits until nothing is pending and nothing happened for `quietMs`. The quiet period counts from the
 * later of the last activity and the call itself: right after a page load the background may not have
 * heard from the content script yet, and an old `lastActivity` must not end the wait at once.
 */
export async function waitForSettle(
  context: BrowserContext,
  extensionId: string,
  options: SettleOptions = {},
): Promise<SettleResult> {
  const quietMs = options.quietMs ?? 800;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const startedAt = Date.now();
  let status: StatusResponse | undefined;
  let lastError: unknown;
  const settled = await pollUntil(
    async () => {
      try {
        status = await requestStatus(context, extensionId);
      } catch (error) {
        lastError = error; // e.g. the worker was restarting; ask again until the deadline
        return undefined;
      }
      const quietSince = Math.max(status.lastActivity, startedAt);
      return status.pending === 0 && Date.now() - quietSince >= quietMs ? true : undefined;
    },
    timeoutMs,
    options.pollMs ?? 100,
  );
  if (status === undefined) throw lastError instanceof Error ? lastError : new Error('the extension did not answer leaklens/status');
  return { settled: settled === true, status };
}
