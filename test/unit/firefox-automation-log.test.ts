/** The e2e build's automation log against the real controller and a fake browser. */
import { describe, expect, it } from 'vitest';
import { AUTOMATION_PREFIX, startAutomationLog } from '../../src/background/firefox/automation-log.ts';
import { BackgroundController } from '../../src/background/controller.ts';
import { FindingsStore } from '../../src/background/findings-store.ts';
import { ScriptScanner } from '../../src/background/script-scan.ts';
import { inspectUrl } from '../../src/engine/inspectors/url.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';
import { FakeStorageArea } from '../support/fake-storage.ts';

const EXTENSION_ID = 'leaklens@leaklens.dev';
const ORIGIN = 'moz-extension://0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9/';

function setup() {
  let clock = 1_000_000;
  const controller = new BackgroundController({
    // Status counts unwritten findings as pending; the fake clock does not drive the store's real
    // flush timer, so flush on the next macrotask (the polls below yield several).
    store: new FindingsStore(new FakeStorageArea(), undefined, { flushDelayMs: 0 }),
    scripts: new ScriptScanner(async () => new Response('', { status: 404 })),
    action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    version: '0.0.0-test',
    now: () => clock,
  });
  const lines: string[] = [];
  let tick: (() => void) | undefined;
  startAutomationLog(controller, {
    extensionId: EXTENSION_ID,
    extensionOrigin: ORIGIN,
    log: (line) => lines.push(line),
    quietMs: 1000,
    now: () => clock,
    setInterval: (callback) => void (tick = callback),
  });
  const poll = async () => {
    tick!();
    for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { controller, lines, poll, advance: (ms: number) => void (clock += ms) };
}

const reports = (lines: string[]) => lines.filter((line) => line.startsWith(`${AUTOMATION_PREFIX} report `)).map((line) => JSON.parse(line.slice(`${AUTOMATION_PREFIX} report `.length)) as { findings: { source: string }[] });

describe('automation log', () => {
  it('says "ready" at once, then logs the report only when scanning has settled, once per change', async () => {
    const { controller, lines, poll, advance } = setup();
    expect(lines).toEqual([`${AUTOMATION_PREFIX} ready`]);

    const token = fakeOpaqueToken();
    controller.onFindings(1, inspectUrl(`https://api.example.test/v1/me?access_token=${token}`, { source: 'request-url' }));
    await poll();
    expect(reports(lines), 'not yet quiet').toEqual([]);

    advance(1500);
    await poll();
    expect(reports(lines)).toHaveLength(1);
    expect(reports(lines)[0]!.findings.map((finding) => finding.source)).toEqual(['request-url']);
    expect(lines.join('\n')).not.toContain(token);
    for (const line of lines) expect(line).not.toContain('\n');

    advance(5000);
    await poll();
    expect(reports(lines), 'nothing new, nothing logged').toHaveLength(1);

    controller.onFindings(1, inspectUrl(`https://api.example.test/v1/orders?api_key=${fakeOpaqueToken()}`, { source: 'request-url' }));
    await poll();
    advance(1500);
    await poll();
    expect(reports(lines)).toHaveLength(2);
    expect(reports(lines)[1]!.findings).toHaveLength(2);
  });

  it('logs an error line rather than throwing when the background cannot answer', async () => {
    const lines: string[] = [];
    let tick: (() => void) | undefined;
    startAutomationLog(
      { handleMessage: () => Promise.reject(new Error('storage is gone')) },
      { extensionId: EXTENSION_ID, extensionOrigin: ORIGIN, log: (line) => lines.push(line), setInterval: (callback) => void (tick = callback) },
    );
    tick!();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(lines).toEqual([`${AUTOMATION_PREFIX} ready`, `${AUTOMATION_PREFIX} error storage is gone`]);
  });
});
