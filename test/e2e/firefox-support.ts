/**
 * Firefox ESR with a built LeakLens package, for end-to-end tests. PLATFORM.md "Firefox": Playwright
 * cannot drive Debian's firefox-esr, so Firefox is started with `web-ext run` (headless) and the
 * test reads what the extension's background writes to its console (the e2e build's automation log).
 *
 * Measured here (Firefox ESR 153, web-ext 10.7), and why each piece is what it is:
 * - Background console → stdout needs `devtools.console.stdout.content` (an extension is not chrome
 *   code; `devtools.console.stdout.chrome` alone printed nothing from it).
 * - web-ext prints Firefox's stdout only with --verbose, one log line per read chunk, trimmed: long
 *   lines come out cut and re-prefixed. So web-ext is given a tiny wrapper as its Firefox binary that
 *   `exec`s the real one with stdout appended to a file, which the test tails byte for byte.
 * - Host names: `network.dns.localDomains` resolves the listed names to loopback (Firefox has no
 *   --host-resolver-rules).
 * - Self-signed HTTPS: a `cert_override.txt` in the profile (host:port, SHA-256 fingerprint) accepts
 *   the demo certificate for exactly the demo hosts and port, for pages and for the background's
 *   fetches alike. web-ext copies the profile it is given, overrides included.
 * - Readiness race: start pages are held on a local gate page until the background has logged that
 *   its listeners are registered; only then do they navigate to the page under test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { accessSync, constants, existsSync, openSync, readSync, closeSync, mkdirSync, writeFileSync, chmodSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type ServerResponse } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { AUTOMATION_PREFIX } from '../../src/background/firefox/automation-log.ts';
import { ROOT } from './support.ts';

export const FIREFOX_DIST = path.join(ROOT, 'dist-firefox');
export const FIREFOX_E2E_DIST = path.join(ROOT, 'dist-firefox-e2e');
export const WEB_EXT = path.join(ROOT, 'node_modules/web-ext/bin/web-ext.js');
export const FIREFOX_INSTALL_HINT =
  'The Firefox e2e needs Firefox ESR: sudo apt-get install -y firefox-esr (or set LEAKLENS_FIREFOX=/path/to/firefox).';

export function findFirefox(): string {
  const candidates = [process.env.LEAKLENS_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter((entry): entry is string => Boolean(entry));
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // next
    }
  }
  throw new Error(`No Firefox found (tried ${candidates.join(', ')}). ${FIREFOX_INSTALL_HINT}`);
}

export function requireFirefoxBuilds(): void {
  for (const dir of [FIREFOX_DIST, FIREFOX_E2E_DIST]) {
    if (!existsSync(path.join(dir, 'manifest.json'))) {
      throw new Error(`${path.relative(ROOT, dir)}/manifest.json is missing: run "npm run build:firefox && npm run build:firefox:e2e" (npm test does it first)`);
    }
  }
}

/** `cert_override.txt` lines accepting one certificate for these hosts on one port. */
export function certOverrides(certificatePem: string, hosts: readonly string[], port: number): string {
  const fingerprint = new X509Certificate(certificatePem).fingerprint256;
  const lines = ['# PSM Certificate Override Settings file', '# This is a generated file!  Do not edit.'];
  for (const host of hosts) lines.push(`${host}:${port}:\tOID.2.16.840.1.101.3.4.2.1\t${fingerprint}\t`);
  return `${lines.join('\n')}\n`;
}

/**
 * What the test learns from Firefox's output: the automation log's lines (decoded from Firefox's
 * `console.info: "<string>"` form), and uncaught errors in any extension context, which Firefox prints
 * as `JavaScript error: moz-extension://…` (e.g. a listener registered with a Chrome-only option).
 */
export type AutomationEvent =
  | { kind: 'ready' }
  | { kind: 'report'; report: unknown; text: string }
  | { kind: 'error'; message: string }
  | { kind: 'extension-error'; line: string };

export function parseAutomationLine(line: string): AutomationEvent | undefined {
  if (/^JavaScript error: moz-extension:/.test(line)) return { kind: 'extension-error', line };
  const match = /^console\.info: ("leaklens:automation .*")\s*$/.exec(line);
  if (!match) return undefined;
  let text: string;
  try {
    text = JSON.parse(match[1]!) as string;
  } catch {
    return { kind: 'error', message: `unparseable console line (${line.length} characters)` };
  }
  const rest = text.slice(AUTOMATION_PREFIX.length + 1);
  if (rest === 'ready') return { kind: 'ready' };
  if (rest.startsWith('report ')) {
    const json = rest.slice('report '.length);
    try {
      return { kind: 'report', report: JSON.parse(json), text: json };
    } catch {
      return { kind: 'error', message: `unparseable report (${json.length} characters)` };
    }
  }
  return { kind: 'error', message: rest };
}

/** Holds start pages until `open()`; then each navigates to its target. Plain HTTP on loopback. */
export class StartGate {
  private waiting: ServerResponse[] = [];
  private opened = false;
  private readonly server: Server;
  port = 0;

  constructor() {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://gate.invalid');
      res.setHeader('Cache-Control', 'no-store');
      if (url.pathname === '/go') {
        if (this.opened) res.writeHead(204).end();
        else this.waiting.push(res);
        return;
      }
      const target = url.searchParams.get('to') ?? '';
      if (url.pathname !== '/start' || !/^https?:\/\//.test(target)) {
        res.writeHead(404).end();
        return;
      }
      // The target is JSON-encoded with `<` escaped, so it cannot close the script element.
      const to = JSON.stringify(target).replace(/</g, '\\u003c');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><title>waiting for LeakLens</title><p>Waiting for the extension…</p>
<script>fetch("/go", { cache: "no-store" }).then(function () { location.replace(${to}); });</script>`);
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as { port: number }).port;
  }

  urlFor(target: string): string {
    return `http://127.0.0.1:${this.port}/start?to=${encodeURIComponent(target)}`;
  }

  open(): void {
    this.opened = true;
    for (const res of this.waiting.splice(0)) res.writeHead(204).end();
  }

  close(): Promise<void> {
    this.open();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }
}

export interface FirefoxRunOptions {
  firefoxPath: string;
  extensionDir: string;
  startUrls: string[];
  /** Names resolved to 127.0.0.1. */
  localHosts: readonly string[];
  /** Self-signed certificate to accept for `localHosts` on `httpsPort`. */
  certificatePem?: string;
  httpsPort?: number;
}

export interface FirefoxRun {
  /** Every line Firefox wrote to stdout/stderr so far. */
  output(): string;
  /** Automation events so far, in order. */
  events(): AutomationEvent[];
  /** Resolves with the first event (old or new) that satisfies `predicate`, or undefined after `timeoutMs`. */
  waitFor(predicate: (event: AutomationEvent) => boolean, timeoutMs: number): Promise<AutomationEvent | undefined>;
  /** web-ext's own output (for failure messages). */
  webExtOutput(): string;
  /** Stops Firefox and web-ext (the whole process group) and removes the profile. Idempotent. */
  close(): Promise<void>;
}

export async function runFirefox(options: FirefoxRunOptions): Promise<FirefoxRun> {
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'leaklens-firefox-'));
  const profileDir = path.join(workDir, 'profile');
  mkdirSync(profileDir);
  if (options.certificatePem && options.httpsPort) {
    writeFileSync(path.join(profileDir, 'cert_override.txt'), certOverrides(options.certificatePem, options.localHosts, options.httpsPort));
  }
  // web-ext copies the profile into the temp dir and, when stopped by a signal, leaves the copy
  // behind: a temp dir inside ours goes when ours does (Firefox's own temp files too).
  const tempDir = path.join(workDir, 'tmp');
  mkdirSync(tempDir);
  const outputFile = path.join(workDir, 'firefox-output.txt');
  writeFileSync(outputFile, '');
  const wrapper = path.join(workDir, 'firefox.sh');
  const quote = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;
  writeFileSync(wrapper, `#!/bin/sh\nexec ${quote(options.firefoxPath)} "$@" >>${quote(outputFile)} 2>&1\n`);
  chmodSync(wrapper, 0o755);

  const prefs: Record<string, string | number | boolean> = {
    'devtools.console.stdout.content': true,
    'network.dns.localDomains': options.localHosts.join(','),
    // A quiet, closed-network profile: no first-run pages, update checks or telemetry pings.
    'browser.shell.checkDefaultBrowser': false,
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    // An idle event page is stopped after 30 s; a slow CI machine must not lose the automation log.
    'extensions.background.idle.timeout': 300_000,
  };
  const args = [
    WEB_EXT,
    'run',
    '--no-config-discovery',
    '--source-dir',
    options.extensionDir,
    '--firefox',
    wrapper,
    '--firefox-profile',
    profileDir,
    '--no-reload',
    '--no-input',
    ...options.startUrls.flatMap((url) => ['--start-url', url]),
    ...Object.entries(prefs).flatMap(([name, value]) => ['--pref', `${name}=${value}`]),
  ];
  /** Whether any process of the group (web-ext, Firefox and its content processes) is still alive. */
  const groupAlive = (pgid: number) => {
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const signalGroup = (pgid: number, signal: NodeJS.Signals) => {
    try {
      process.kill(-pgid, signal);
    } catch {
      // already gone
    }
  };

  const child: ChildProcess = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true, // its own process group, so close() stops web-ext and Firefox together
    env: { ...process.env, MOZ_HEADLESS: '1', NO_UPDATE_NOTIFIER: '1', TMPDIR: tempDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let webExtText = '';
  child.stdout?.on('data', (chunk: Buffer) => (webExtText += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (webExtText += chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // Detached means it would outlive a test process that dies before close(): not on our watch.
  const killOnExit = () => child.pid !== undefined && signalGroup(child.pid, 'SIGKILL');
  process.once('exit', killOnExit);

  // Tail the output file: complete lines only, decoded once.
  let text = '';
  let offset = 0;
  let pending = Buffer.alloc(0);
  const events: AutomationEvent[] = [];
  const readNew = () => {
    const size = statSync(outputFile).size;
    if (size <= offset) return;
    const fd = openSync(outputFile, 'r');
    try {
      const buffer = Buffer.alloc(size - offset);
      readSync(fd, buffer, 0, buffer.length, offset);
      offset = size;
      pending = Buffer.concat([pending, buffer]);
    } finally {
      closeSync(fd);
    }
    const lastNewline = pending.lastIndexOf(0x0a);
    if (lastNewline < 0) return;
    const complete = pending.subarray(0, lastNewline + 1).toString('utf8');
    pending = pending.subarray(lastNewline + 1);
    text += complete;
    for (const line of complete.split('\n')) {
      const event = parseAutomationLine(line);
      if (event) events.push(event);
    }
  };

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      const pgid = child.pid;
      if (pgid !== undefined) {
        signalGroup(pgid, 'SIGTERM');
        // Firefox outlives web-ext by a moment; its profile must not be removed under it.
        for (let waited = 0; groupAlive(pgid) && waited < 8000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
        if (groupAlive(pgid)) signalGroup(pgid, 'SIGKILL');
        for (let waited = 0; groupAlive(pgid) && waited < 2000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
        await exited;
      }
      readNew();
      process.off('exit', killOnExit);
      await rm(workDir, { recursive: true, force: true });
    })());

  return {
    output: () => {
      if (!closing) readNew();
      return text;
    },
    events: () => {
      if (!closing) readNew();
      return [...events];
    },
    webExtOutput: () => webExtText,
    async waitFor(predicate, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let checked = 0;
      for (;;) {
        if (!closing) readNew();
        for (; checked < events.length; checked++) if (predicate(events[checked]!)) return events[checked];
        if (Date.now() > deadline || child.exitCode !== null) return undefined;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    close,
  };
}
