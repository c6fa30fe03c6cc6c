/**
 * `leaklens browse`: visit pages in Chromium with the extension loaded and report what it found, in
 * the same formats and with the same exit codes as `leaklens scan`. The browser is always closed and
 * its throwaway profile removed — on success, on error and on Ctrl-C.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { errors, type Page } from 'playwright-core';
import { redactUrl } from '../engine/inspectors/url.ts';
import { parseJsonReport } from '../reports/index.ts';
import type { Finding } from '../shared/finding.ts';
import type { BrowseCommand } from './args.ts';
import { launchWithExtension, requestReport, waitForSettle, type ExtensionSession } from './chromium.ts';
import { EXIT_INTERRUPTED, InputError } from './errors.ts';
import { findBrowserOnPath } from './find-browser.ts';
import { progress } from './output.ts';
import { defaultExtensionDir } from './package-info.ts';

export interface BrowseResult {
  findings: Finding[];
  warnings: string[];
}

export interface BrowseHooks {
  onWarning?: (message: string) => void;
}

function resolveBrowser(given: string | undefined): string {
  if (given === undefined) {
    const found = findBrowserOnPath();
    if (found !== undefined) return found;
    throw new InputError(
      'no Chromium or Chrome found on PATH (chromium, chromium-browser, google-chrome, google-chrome-stable); install one (Debian: apt-get install -y chromium) or pass --browser PATH',
    );
  }
  try {
    accessSync(given, constants.X_OK);
  } catch {
    throw new InputError(`browser "${given}" does not exist or is not executable`);
  }
  return given;
}

function resolveExtensionDir(given: string | undefined): string {
  const directory = given ?? defaultExtensionDir();
  if (existsSync(path.join(directory, 'manifest.json'))) return directory;
  throw new InputError(
    given === undefined
      ? `the extension is not built (no ${path.join(directory, 'manifest.json')}); run "npm run build"`
      : `"${given}" is not a built extension (no manifest.json); run "npm run build" and pass its dist/ folder`,
  );
}

/** Playwright's messages run over many lines and quote the URL as given; keep one line, redacted. */
function navigationFailure(url: string, error: unknown): InputError {
  const firstLine = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0] ?? '';
  const reason = firstLine.replace(/^page\.goto:\s*/, '').replaceAll(url, redactUrl(url));
  const hint = /ERR_CERT|SSL/i.test(reason) ? ' (for a self-signed test host pass --ignore-https-errors)' : '';
  return new InputError(`cannot load ${redactUrl(url)}: ${reason}${hint}`);
}

async function visit(session: ExtensionSession, url: string, command: BrowseCommand, warn: (message: string) => void): Promise<Page> {
  const page = await session.context.newPage();
  try {
    const response = await page.goto(url, { waitUntil: 'load', timeout: command.timeoutMs });
    if (response !== null && response.status() >= 400) warn(`${redactUrl(url)} answered HTTP ${response.status()}`);
  } catch (error) {
    // A slow page is still worth reporting on; a page that cannot be reached is an input error.
    if (!(error instanceof errors.TimeoutError)) throw navigationFailure(url, error);
    warn(`${redactUrl(url)} did not finish loading within ${command.timeoutMs} ms; reporting what loaded`);
  }
  const settle = await waitForSettle(session.context, session.extensionId, {
    quietMs: command.settleMs,
    timeoutMs: command.timeoutMs,
  });
  if (!settle.settled) warn(`scanning of ${redactUrl(url)} did not settle within ${command.timeoutMs} ms; the report may be incomplete`);
  return page;
}

/** Ctrl-C (or a kill) closes the browser and removes the profile before exiting. */
function closeOnSignals(session: ExtensionSession): () => void {
  const onSignal = (): void => {
    progress.clear();
    process.stderr.write('leaklens: interrupted, closing the browser\n');
    void session.close().finally(() => process.exit(EXIT_INTERRUPTED));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.once(signal, onSignal);
  return () => {
    for (const signal of signals) process.off(signal, onSignal);
  };
}

export async function browseUrls(command: BrowseCommand, hooks: BrowseHooks = {}): Promise<BrowseResult> {
  const warnings: string[] = [];
  const warn = (message: string): void => {
    warnings.push(message);
    hooks.onWarning?.(message);
  };
  const browserPath = resolveBrowser(command.browser);
  const extensionDir = resolveExtensionDir(command.extensionDir);

  progress.update('starting the browser…');
  let session: ExtensionSession;
  try {
    session = await launchWithExtension({
      browserPath,
      extensionDir,
      ignoreHttpsErrors: command.ignoreHttpsErrors,
      ...(command.hostRules !== undefined ? { hostRules: command.hostRules } : {}),
    });
  } catch (error) {
    const firstLine = (error instanceof Error ? error.message : String(error)).split('\n', 1)[0];
    throw new InputError(`cannot start the browser "${browserPath}" with the extension: ${firstLine}`);
  }

  const stopHandlingSignals = closeOnSignals(session);
  try {
    // Pages stay open until the report is taken: the extension keeps findings per tab.
    for (const [index, url] of command.urls.entries()) {
      progress.update(`visiting ${index + 1}/${command.urls.length}: ${redactUrl(url)}`);
      await visit(session, url, command, warn);
    }
    progress.update('collecting the report…');
    const document = await requestReport(session.context, session.extensionId, 'json');
    try {
      return { findings: parseJsonReport(document).findings, warnings };
    } catch (error) {
      throw new InputError(`the extension returned an unusable report: ${error instanceof Error ? error.message : String(error)}`);
    }
  } finally {
    progress.clear();
    stopHandlingSignals();
    await session.close();
  }
}
