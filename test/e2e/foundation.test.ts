/**
 * The walking skeleton, end to end: the built extension in real Chromium, the demo app on loopback
 * over HTTPS under real-looking host names, and the three foundation leaks found with the right
 * source, location and severity — through the automation message and through `leaklens browse` —
 * with no raw secret in extension storage or any exported report.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestReport, waitForSettle, type ExtensionSession } from '../../src/cli/chromium.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { ARTIFACTS, extensionStorageText, ROOT, rawValuesFoundIn, startBrowserOnDemo, type Demo } from './support.ts';

let demo: Demo;
let session: ExtensionSession;
let browser: string;

beforeAll(async () => {
  ({ demo, session, browser } = await startBrowserOnDemo());
});

afterAll(async () => {
  await session?.close();
  await demo?.close();
});

function expectFoundationFindings(findings: Finding[]) {
  const appJsLayout = demo.planted.find((entry) => entry.id === 'root/script/aws-key-pair');
  const urlToken = findings.find((f) => f.source === 'request-url' && f.location.parameter === 'access_token');
  expect(urlToken, 'token in the URL of the API call').toMatchObject({ ruleId: 'url-credential-parameter', severity: 'high' });
  expect(new URL(urlToken!.location.url!).host).toBe(new URL(demo.urls.api).host);
  expect(urlToken!.location.url).toContain('access_token=[redacted]');

  const storedJwt = findings.find((f) => f.source === 'local-storage');
  expect(storedJwt, 'JWT in localStorage').toMatchObject({
    ruleId: 'jwt',
    severity: 'high',
    verification: 'verified',
    location: { keyPath: 'auth.session', jsonPath: '$.accessToken' },
  });
  expect(storedJwt!.details?.lifetimeHours).toBeGreaterThan(24);

  const awsKey = findings.find((f) => f.source === 'script');
  expect(awsKey, 'AWS key pair in the same-origin bundle').toMatchObject({
    ruleId: 'aws-access-key-id',
    severity: 'critical',
    location: { url: new URL('/static/app.js', demo.urls.app).href, line: appJsLayout?.location.line, column: appJsLayout?.location.column },
  });
  expect(awsKey!.location.line).toBeGreaterThan(0);
  expect(awsKey!.secretHash).toBe(createHash('sha256').update(demo.secrets.awsAccessKeyId, 'utf8').digest('hex').slice(0, 32));
}

describe('foundation, end to end in Chromium', () => {
  it('finds the three foundation leaks through the automation message, and keeps no raw value', async () => {
    const page = await session.context.newPage();
    await page.goto(demo.urls.app, { waitUntil: 'load' });
    const { settled } = await waitForSettle(session.context, session.extensionId, { quietMs: 1000, timeoutMs: 30_000 });
    expect(settled).toBe(true);

    const json = await requestReport(session.context, session.extensionId, 'json');
    const report = JSON.parse(json) as { findings: Finding[] };
    expectFoundationFindings(report.findings);

    // The page kept working: its own script ran and rendered.
    expect(await page.locator('h1').first().textContent()).toMatch(/Acme/);

    // No raw secret anywhere the extension writes or exports.
    const storage = await extensionStorageText(session);
    expect(storage).toContain('auth.session'); // the store really holds the findings…
    expect(rawValuesFoundIn(storage, demo.secrets)).toEqual([]); // …and none of the values
    const sarif = await requestReport(session.context, session.extensionId, 'sarif');
    const markdown = await requestReport(session.context, session.extensionId, 'markdown');
    for (const document of [json, sarif, markdown]) expect(rawValuesFoundIn(document, demo.secrets)).toEqual([]);

    const log = JSON.parse(sarif) as { version: string; runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] };
    expect(log.version).toBe('2.1.0');
    const awsResult = log.runs[0]!.results.find((result) => result.ruleId === 'aws-access-key-id');
    expect(awsResult?.partialFingerprints['secretHash/v1']).toBe(createHash('sha256').update(demo.secrets.awsAccessKeyId).digest('hex').slice(0, 32));

    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(path.join(ARTIFACTS, 'foundation-report.sarif'), sarif);
    await page.screenshot({ path: path.join(ARTIFACTS, 'foundation-demo-page.png') });
    await page.close();
  });

  it('finds the same through `leaklens browse`, with the exit code for --fail-on', async () => {
    // Asynchronously: the demo server lives in this process and must keep answering.
    const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        [path.join(ROOT, 'bin/leaklens.mjs'), 'browse', demo.urls.app, '--browser', browser, '--host-rules', demo.hostResolverRules, '--ignore-https-errors', '--format', 'json'],
        { encoding: 'utf8', timeout: 110_000 },
        (error, stdout, stderr) => resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
      );
    });
    expect(run.stderr, run.stderr).not.toMatch(/error|warning/i);
    expect(run.status, 'a critical finding fails the default --fail-on high').toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Finding[] };
    expectFoundationFindings(report.findings);
    expect(rawValuesFoundIn(run.stdout + run.stderr, demo.secrets)).toEqual([]);
  });
});
