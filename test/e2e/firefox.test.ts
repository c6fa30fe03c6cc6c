/**
 * The Firefox package, end to end: the e2e build of `npm run build:firefox` in Firefox ESR (headless,
 * `web-ext run`) against the demo app over HTTPS under real-looking host names. It must find what the
 * Chromium foundation e2e finds — the token in the API call's URL, the JWT in localStorage, the AWS key
 * pair in /static/app.js at its line and column — plus what only Firefox lets the background see: the
 * secret in the JSON body of /api/config, read with `webRequest.filterResponseData` — and, on
 * /network.html, the request headers that prove the observers registered although Firefox refuses
 * Chrome's 'extraHeaders'. The extension's report (from its automation log) and everything Firefox
 * printed must hold no raw secret value.
 *
 * The shipped package (dist-firefox) is also linted here, so "0 errors, warnings explained in the
 * README" is checked in CI rather than remembered.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTS, startDemo } from '../../demo/server.mjs';
import type { Finding } from '../../src/shared/finding.ts';
import {
  FIREFOX_DIST,
  FIREFOX_E2E_DIST,
  findFirefox,
  requireFirefoxBuilds,
  runFirefox,
  StartGate,
  WEB_EXT,
  type AutomationEvent,
  type FirefoxRun,
} from './firefox-support.ts';
import { ARTIFACTS, ROOT, rawValuesFoundIn, type Demo } from './support.ts';

interface Report {
  findings: Finding[];
  warnings?: string[];
}

let demo: Demo;
let gate: StartGate;
let firefox: FirefoxRun;
/** The first report holding everything looked for (or the last one seen, when it never came). */
let report: Report | undefined;
let reportText = '';
let everything = '';
let demoRequests: string[] = [];

/** Firefox output for failure messages, with any raw demo value replaced by its name. */
function scrubbed(text: string): string {
  let out = text;
  for (const [name, value] of Object.entries(demo?.secrets ?? {})) if (value.length >= 8) out = out.split(value).join(`[raw ${name}]`);
  return out;
}

const sha256Prefix = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

function urlTokenOf(findings: Finding[]) {
  return findings.find((f) => f.source === 'request-url' && f.location.parameter === 'access_token');
}
function storedJwtOf(findings: Finding[]) {
  return findings.find((f) => f.source === 'local-storage' && f.location.keyPath === 'auth.session');
}
function awsKeyOf(findings: Finding[]) {
  return findings.find((f) => f.source === 'script' && f.ruleId === 'aws-access-key-id');
}
function configSecretOf(findings: Finding[]) {
  return findings.find((f) => f.source === 'response-body' && f.location.url?.endsWith('/api/config') && f.location.jsonPath === '$.payments.secretKey');
}
function headerFindingOf(name: string) {
  return (findings: Finding[]) => findings.find((f) => f.source === 'request-header' && f.location.header?.toLowerCase() === name && !f.reportedByPage);
}
const authorizationOf = headerFindingOf('authorization');
const apiKeyHeaderOf = headerFindingOf('x-api-key');
/** Scripts no element names (a dedicated worker, an `import()` chunk): webRequest must report them. */
function scriptAt(pathname: string) {
  return (findings: Finding[]) => findings.find((f) => f.source === 'script' && f.location.url !== undefined && new URL(f.location.url).pathname === pathname);
}
const workerScriptOf = scriptAt('/static/reports/worker.js');
const lazyChunkOf = scriptAt('/static/reports/lazy-settings.mjs');
/**
 * The config global on /page.html: only the MAIN-world probe sees it, and reports it over its private
 * channel; an inline script assigns it, so it shows as that script's finding naming the global.
 */
function configGlobalOf(findings: Finding[]) {
  return findings.find((f) => f.source === 'inline-script' && f.details?.alsoInGlobal === 'window.__APP_CONFIG__ $.stripeSecret');
}
/** A refresh token in an IndexedDB record on /page.html: the content script's sample, written as JSON there. */
function indexedDbTokenOf(findings: Finding[]) {
  return findings.find((f) => f.source === 'indexeddb' && f.location.jsonPath === '$.refresh_token');
}
const complete = (findings: Finding[]) =>
  [urlTokenOf, storedJwtOf, awsKeyOf, configSecretOf, authorizationOf, apiKeyHeaderOf, workerScriptOf, lazyChunkOf, configGlobalOf, indexedDbTokenOf].every((pick) => pick(findings) !== undefined);

beforeAll(async () => {
  requireFirefoxBuilds();
  const firefoxPath = findFirefox();
  demo = await startDemo({ log: (line) => demoRequests.push(line) });
  gate = new StartGate();
  await gate.listen();
  const pageUrl = new URL('/page.html', demo.urls.app).href;
  const networkUrl = new URL('/network.html', demo.urls.app).href;
  const reportsUrl = new URL('/reports.html', demo.urls.app).href;
  firefox = await runFirefox({
    firefoxPath,
    extensionDir: FIREFOX_E2E_DIST,
    startUrls: [gate.urlFor(demo.urls.app), gate.urlFor(pageUrl), gate.urlFor(networkUrl), gate.urlFor(reportsUrl)],
    localHosts: Object.values(HOSTS),
    certificatePem: demo.certificate,
    httpsPort: demo.httpsPort,
  });

  // An uncaught error in the background's top-level code means "ready" will never come: fail at once.
  const ready = await firefox.waitFor((event) => event.kind === 'ready' || event.kind === 'extension-error', 60_000);
  if (ready?.kind !== 'ready') {
    const why = ready?.kind === 'extension-error' ? ready.line : 'timed out';
    throw new Error(`the extension never logged "ready" (${why}).\nweb-ext:\n${scrubbed(firefox.webExtOutput())}\nFirefox:\n${scrubbed(firefox.output().slice(-4000))}`);
  }
  // Listeners are registered: let the start pages go to the demo.
  demoRequests = [];
  gate.open();

  const isCompleteReport = (event: AutomationEvent) => event.kind === 'report' && complete((event.report as Report).findings ?? []);
  const found = await firefox.waitFor(isCompleteReport, 60_000);
  const reports = firefox.events().filter((event) => event.kind === 'report');
  const chosen = found ?? reports.at(-1);
  if (chosen?.kind === 'report') {
    report = chosen.report as Report;
    reportText = chosen.text;
  }
}, 150_000);

afterAll(async () => {
  await firefox?.close();
  everything = firefox ? firefox.output() : '';
  await gate?.close();
  await demo?.close();
  // Artifacts for CI debugging, only when they hold no raw value (the fake secrets stay in memory).
  mkdirSync(ARTIFACTS, { recursive: true });
  if (report && rawValuesFoundIn(reportText, demo.secrets).length === 0) writeFileSync(path.join(ARTIFACTS, 'firefox-report.json'), reportText);
  if (everything && rawValuesFoundIn(everything, demo.secrets).length === 0) writeFileSync(path.join(ARTIFACTS, 'firefox-output.txt'), everything);
});

describe('Firefox ESR, end to end', () => {
  it('logs a report from the background once scanning settles', () => {
    const errors = firefox.events().filter((event) => event.kind === 'error');
    expect(errors, 'automation log errors').toEqual([]);
    expect(report, `no report came.\nFirefox:\n${scrubbed(firefox.output().slice(-4000))}`).toBeDefined();
  });

  it('runs without an uncaught error in any extension context (e.g. Chrome-only webRequest options)', () => {
    // Firefox prints uncaught errors as `JavaScript error: moz-extension://…`. A listener registered
    // with a Chrome-only option such as 'extraHeaders' throws at registration and would show here
    // (and take every listener registered after it down with it).
    const extensionErrors = firefox.events().flatMap((event) => (event.kind === 'extension-error' ? [event.line] : []));
    expect(extensionErrors.map(scrubbed)).toEqual([]);
  });

  it('registers the header listeners although Firefox refuses Chrome-only options (extraHeaders)', () => {
    // Firefox throws on 'extraHeaders'; the observers must feature-detect it, or every listener
    // registered after it is lost. Firefox shows Authorization and custom headers without it.
    const findings = report?.findings ?? [];
    expect(authorizationOf(findings), 'Authorization header seen by the background').toMatchObject({ source: 'request-header' });
    expect(new URL(authorizationOf(findings)!.location.url!).host).toBe(new URL(demo.urls.api).host);
    expect(apiKeyHeaderOf(findings), 'x-api-key header seen by the background').toMatchObject({ source: 'request-header', severity: 'critical' });
    expect(apiKeyHeaderOf(findings)!.secretHash).toBe(sha256Prefix(demo.secrets.sendgridApiKey));
  });

  it('finds the three foundation leaks, as in Chromium', () => {
    const findings = report?.findings ?? [];
    const summary = findings.map((f) => `${f.severity} ${f.ruleId} ${f.source} ${f.location.url ?? ''}`).join('\n');

    const urlToken = urlTokenOf(findings);
    expect(urlToken, `token in the URL of the API call; got:\n${summary}`).toMatchObject({ ruleId: 'url-credential-parameter', severity: 'high' });
    expect(new URL(urlToken!.location.url!).host).toBe(new URL(demo.urls.api).host);
    expect(urlToken!.location.url).toContain('access_token=[redacted]');
    expect(urlToken!.secretHash).toBe(sha256Prefix(demo.secrets.urlToken));

    const storedJwt = storedJwtOf(findings);
    expect(storedJwt, `JWT in localStorage; got:\n${summary}`).toMatchObject({
      ruleId: 'jwt',
      severity: 'high',
      verification: 'verified',
      location: { keyPath: 'auth.session', jsonPath: '$.accessToken' },
    });
    expect(storedJwt!.details?.lifetimeHours).toBeGreaterThan(24);

    const appJs = demo.planted.find((entry) => entry.id === 'root/script/aws-key-pair');
    expect(appJs?.location.line).toBeGreaterThan(0);
    const awsKey = awsKeyOf(findings);
    expect(awsKey, `AWS key pair in the same-origin bundle; got:\n${summary}`).toMatchObject({
      ruleId: 'aws-access-key-id',
      severity: 'critical',
      location: { url: new URL('/static/app.js', demo.urls.app).href, line: appJs!.location.line, column: appJs!.location.column },
    });
    expect(awsKey!.secretHash).toBe(sha256Prefix(demo.secrets.awsAccessKeyId));
    // The bundle was fetched and scanned, not skipped (Firefox's MV3 default CSP would upgrade it).
    expect(report?.warnings ?? []).not.toContainEqual(expect.stringContaining('/static/app.js'));
  });

  it('finds scripts that no element names — a dedicated worker and an import() chunk — through webRequest', () => {
    const findings = report?.findings ?? [];
    expect(workerScriptOf(findings), 'worker script finding').toMatchObject({ source: 'script', severity: 'critical' });
    expect(lazyChunkOf(findings), 'lazy chunk finding').toMatchObject({ source: 'script', severity: 'critical' });
  });

  it("gets the MAIN-world probe's reports over its private channel: a config global, as in Chromium", () => {
    const plant = demo.planted.find((entry) => entry.id === 'page/inline-script/stripeSecret');
    const finding = configGlobalOf(report?.findings ?? []);
    expect(finding, 'inline script finding naming the global the probe reported').toMatchObject({ severity: plant?.severity, location: plant?.location, details: { alsoInGlobal: plant?.alsoInGlobal } });
    expect(finding!.secretHash).toBe(sha256Prefix(demo.secrets.stripeSecretKey));
  });

  it('samples IndexedDB records through Firefox\'s content-script view of the page, with the key path, as in Chromium', () => {
    const plant = demo.planted.find((entry) => entry.id === 'page/indexeddb/refresh_token');
    const finding = indexedDbTokenOf(report?.findings ?? []);
    expect(finding, 'refresh token in an IndexedDB record').toMatchObject({ source: 'indexeddb', severity: plant?.severity, location: { keyPath: plant?.location.keyPath, jsonPath: plant?.location.jsonPath } });
    expect(finding!.secretHash).toBe(sha256Prefix(demo.secrets.indexedDbRefreshToken));
  });

  it('reads the config endpoint response body in the background (filterResponseData)', () => {
    const findings = report?.findings ?? [];
    const plant = demo.planted.find((entry) => entry.id === 'page/response-body/api-config');
    const configSecret = configSecretOf(findings);
    expect(configSecret, 'secret key in the JSON answer of /api/config').toMatchObject({
      source: 'response-body',
      severity: plant?.severity,
      location: { url: new URL('/api/config', demo.urls.app).href, jsonPath: '$.payments.secretKey' },
    });
    expect(configSecret!.secretHash).toBe(sha256Prefix(demo.secrets.configStripeSecretKey));
    // The page's own hook (MAIN world) may report the same body; both use the same inspector, so they
    // merge into one finding. The browser saw it too when the finding is not only the page's word, or
    // when a second report merged into it (the page fetches /api/config once).
    expect(configSecret!.reportedByPage !== true || (configSecret!.count ?? 1) >= 2, JSON.stringify({ reportedByPage: configSecret!.reportedByPage, count: configSecret!.count })).toBe(true);
    // The pages ran with the filter in their response path: their own requests went out.
    expect(demoRequests).toContainEqual(expect.stringMatching(/^GET https:\/\/api\.leaklens\.test\/v1\/profile 200$/));
    expect(demoRequests).toContainEqual(expect.stringMatching(/^GET https:\/\/app\.leaklens\.test\/api\/config 200$/));
  });

  it('never prints a raw secret: not in the report, not anywhere in Firefox output', async () => {
    expect(reportText).toContain('auth.session'); // the report really is the findings…
    expect(rawValuesFoundIn(reportText, demo.secrets)).toEqual([]); // …and holds none of the values
    await firefox.close();
    expect(rawValuesFoundIn(firefox.output(), demo.secrets)).toEqual([]);
    expect(rawValuesFoundIn(firefox.webExtOutput(), demo.secrets)).toEqual([]);
  });
});

/**
 * Warnings that come from third-party code in the bundles, each explained in the README ("Firefox").
 * Recognised by the code around the flagged position (chunk names change whenever the bundling
 * does); anything else fails the test, so a new warning is either fixed or explained there.
 */
const EXPLAINED_LINT_WARNINGS = [
  // Preact's renderer implements dangerouslySetInnerHTML; LeakLens' pages never use it.
  { code: 'UNSAFE_VAR_ASSIGNMENT', context: /dangerouslySetInnerHTML[\s\S]*\.innerHTML\s*=\s*\w+\.__html/ },
  // source-map-js' quickSort probes `Function` and falls back to a plain sort when the extension's
  // CSP (script-src 'self') refuses it, which it always does.
  { code: 'DANGEROUS_EVAL', context: /Function\(`return (?:0|\$\{\w+\})`\)/ },
];

/** The bundled code around a lint position (lines are 1-based; a window covers either column base). */
function codeAround(file: string, line: number | undefined, column: number | undefined): string {
  const lines = readFileSync(path.join(FIREFOX_DIST, file), 'utf8').split('\n');
  const text = lines[(line ?? 1) - 1] ?? '';
  const at = column ?? 0;
  return text.slice(Math.max(0, at - 400), at + 400);
}

describe('Firefox package lint', () => {
  it('web-ext lint: 0 errors, and only warnings the README explains', async () => {
    const run = await new Promise<{ stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [WEB_EXT, 'lint', '--no-config-discovery', '--source-dir', FIREFOX_DIST, '--output', 'json'],
        { cwd: ROOT, encoding: 'utf8', timeout: 100_000, maxBuffer: 16 * 1024 * 1024 },
        (_error, stdout, stderr) => resolve({ stdout, stderr }),
      );
    });
    const start = run.stdout.indexOf('{');
    expect(start, run.stderr).toBeGreaterThanOrEqual(0);
    const result = JSON.parse(run.stdout.slice(start)) as {
      summary: { errors: number; warnings: number };
      errors: { code: string; message: string }[];
      warnings: { code: string; message: string; file?: string; line?: number; column?: number }[];
    };
    expect(result.errors).toEqual([]);
    expect(result.summary.errors).toBe(0);
    const unexplained = result.warnings.filter(
      (warning) =>
        !EXPLAINED_LINT_WARNINGS.some((known) => known.code === warning.code && warning.file !== undefined && known.context.test(codeAround(warning.file, warning.line, warning.column))),
    );
    expect(unexplained.map((warning) => `${warning.code} ${warning.file}: ${warning.message}`)).toEqual([]);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const code of new Set(result.warnings.map((warning) => warning.code))) expect(readme, `README explains ${code}`).toContain(code);
  }, 120_000);
});
