/**
 * Snapshot → findings in the background: every page-side source with its location (key paths, JSON
 * paths, selectors), placement severity (localStorage and IndexedDB above sessionStorage), identity
 * (same value at the same place is one finding) and no raw value anywhere in the output.
 */
import { describe, expect, it } from 'vitest';
import { BackgroundController } from '../../src/background/controller.ts';
import { FindingsStore } from '../../src/background/findings-store.ts';
import { domKeyPath, scanPageSnapshot, snapshotSkips, withMarkupRead } from '../../src/background/page-scan.ts';
import { ScriptScanner } from '../../src/background/script-scan.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { isPageSnapshot, type PageSnapshotMessage, type ReportResponse, type StatusResponse } from '../../src/shared/messages.ts';
import { fakeAwsKeyId, fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { FakeStorageArea } from '../support/fake-storage.ts';

const PAGE = 'https://app.example.test/settings?session_token=abcdefghijklmnopqrstuvwxyz123456';

function snapshot(extra: Partial<PageSnapshotMessage>, pageUrl = PAGE): PageSnapshotMessage {
  return { type: 'leaklens/page-snapshot', pageUrl, localStorage: [], sessionStorage: [], cookies: '', inlineScripts: [], scriptUrls: [], ...extra };
}

const now = () => Math.floor(Date.now() / 1000);
const longLivedJwt = () => fakeJwt({ sub: 'user-1', iat: now(), exp: now() + 30 * 86400 });

function only(findings: Finding[], predicate: (finding: Finding) => boolean): Finding {
  const matches = findings.filter(predicate);
  expect(matches, JSON.stringify(findings.map((f) => [f.source, f.ruleId, f.location]))).toHaveLength(1);
  return matches[0]!;
}

describe('scanPageSnapshot', () => {
  it('rates a long-lived JWT high in localStorage and IndexedDB, lower in sessionStorage', () => {
    const jwt = longLivedJwt();
    const findings = scanPageSnapshot(
      snapshot({
        localStorage: [['auth.session', JSON.stringify({ user: { accessToken: jwt } })]],
        sessionStorage: [['oidc.user', JSON.stringify({ access_token: jwt })]],
        indexedDb: [{ database: 'acme-cache', store: 'tokens', key: 'session', value: JSON.stringify({ token: jwt }) }],
      }),
    );
    expect(only(findings, (f) => f.source === 'local-storage')).toMatchObject({ ruleId: 'jwt', severity: 'high', location: { keyPath: 'auth.session', jsonPath: '$.user.accessToken' } });
    expect(only(findings, (f) => f.source === 'indexeddb')).toMatchObject({ ruleId: 'jwt', severity: 'high', location: { keyPath: 'acme-cache/tokens/session', jsonPath: '$.token' } });
    expect(only(findings, (f) => f.source === 'session-storage')).toMatchObject({ ruleId: 'jwt', severity: 'medium', location: { keyPath: 'oidc.user', jsonPath: '$.access_token' } });
    // The page URL is stored redacted.
    for (const finding of findings) expect(finding.location.url).toBe('https://app.example.test/settings?session_token=[redacted]');
  });

  it('locates inline scripts by selector and line, and data islands by selector and JSON path', () => {
    const keyId = fakeAwsKeyId();
    const findings = scanPageSnapshot(
      snapshot({
        inlineScripts: ['var a = 1;\nvar aws = { accessKeyId: "' + keyId + '" };'],
        inlineScriptSelectors: ['script#bootstrap'],
        dataIslands: [{ selector: 'script#__NEXT_DATA__', type: 'application/json', text: JSON.stringify({ props: { pageProps: { aws: keyId } } }) }],
      }),
    );
    expect(only(findings, (f) => f.location.keyPath === 'script#bootstrap')).toMatchObject({ source: 'inline-script', ruleId: 'aws-access-key-id', location: { line: 2, column: 27 } });
    expect(only(findings, (f) => f.location.keyPath === 'script#__NEXT_DATA__')).toMatchObject({ source: 'inline-script', location: { jsonPath: '$.props.pageProps.aws' } });
    // Without selectors (older content scripts), inline scripts are numbered.
    expect(scanPageSnapshot(snapshot({ inlineScripts: [`x="${keyId}"`] }))[0]!.location.keyPath).toBe('inline script #1');
  });

  it('scans DOM values with their names, so a key named only by its field is found', () => {
    const apiKey = fakeOpaqueToken(32);
    const keyId = fakeAwsKeyId();
    const findings = scanPageSnapshot(
      snapshot({
        dom: [
          { kind: 'hidden-input', selector: 'input[type=hidden][name=api_key]', name: 'api_key', value: apiKey },
          { kind: 'meta', selector: 'meta[name=aws-key]', name: 'aws-key', value: keyId },
          { kind: 'data-attribute', selector: '#widget', name: 'data-config', value: JSON.stringify({ aws: { id: keyId } }) },
          { kind: 'comment', selector: 'body > #comment', name: '', value: ` old key\n aws ${keyId} ` },
          { kind: 'data-attribute', selector: '#w2', name: 'data-theme', value: 'light-and-airy-theme' },
        ],
      }),
    );
    const hidden = only(findings, (f) => f.location.keyPath === 'input[type=hidden][name=api_key]@value');
    expect(hidden).toMatchObject({ source: 'dom' });
    expect(hidden.location.line).toBeUndefined();
    expect(only(findings, (f) => f.location.keyPath === 'meta[name=aws-key]@content')).toMatchObject({ ruleId: 'aws-access-key-id' });
    expect(only(findings, (f) => f.location.keyPath === '#widget@data-config')).toMatchObject({ location: { jsonPath: '$.aws.id' } });
    expect(only(findings, (f) => f.location.keyPath === 'body > #comment')).toMatchObject({ location: { line: 2 } });
    expect(findings.some((f) => f.location.keyPath === '#w2@data-theme')).toBe(false);
    expect(domKeyPath({ kind: 'data-attribute', selector: '#x', name: 'data-k', value: '' })).toBe('#x@data-k');
  });

  it('reports forms posting to plain HTTP: high with a password field, never for loopback', () => {
    const findings = scanPageSnapshot(
      snapshot({
        insecureForms: [
          { selector: '#login', action: 'http://legacy.example.test/login?token=abcdefghijklmnopqrstuvwxyz', method: 'post', hasPassword: true },
          { selector: '#search', action: 'http://search.example.test/', method: 'get', hasPassword: false },
          { selector: '#dev', action: 'http://localhost:8080/submit', method: 'post', hasPassword: true },
        ],
      }),
    );
    expect(findings.map((f) => [f.location.keyPath, f.ruleId, f.severity])).toEqual([
      ['#login', 'insecure-form-action', 'high'],
      ['#search', 'insecure-form-action', 'medium'],
    ]);
    expect(findings[0]!.preview).toBe('http://legacy.example.test/login?token=[redacted]');
    expect(findings[0]!.details).toMatchObject({ method: 'POST', passwordField: true, pageScheme: 'https' });
  });

  it('locates stored values by key alone: no line or column that would read as a page position', () => {
    const jwt = fakeJwt({ sub: 'u', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 30 * 86400 });
    const findings = scanPageSnapshot(snapshot({ cookies: `session_token=${jwt}`, localStorage: [['raw', jwt]] }));
    const cookie = findings.find((f) => f.source === 'cookie');
    const stored = findings.find((f) => f.source === 'local-storage');
    expect(cookie?.location).toMatchObject({ keyPath: 'session_token' });
    expect(stored?.location).toMatchObject({ keyPath: 'raw' });
    for (const finding of [cookie, stored]) {
      expect(finding?.location.line).toBeUndefined();
      expect(finding?.location.column).toBeUndefined();
    }
  });

  it('makes the same value at the same place one finding, and another place another', () => {
    const jwt = longLivedJwt();
    const onHome = scanPageSnapshot(snapshot({ localStorage: [['auth', jwt]] }, 'https://app.example.test/'));
    const onSettings = scanPageSnapshot(snapshot({ localStorage: [['auth', jwt]] }, 'https://app.example.test/settings'));
    const otherKey = scanPageSnapshot(snapshot({ localStorage: [['backup', jwt]] }, 'https://app.example.test/'));
    const otherSite = scanPageSnapshot(snapshot({ localStorage: [['auth', jwt]] }, 'https://other.example.test/'));
    expect(onSettings[0]!.fingerprint).toBe(onHome[0]!.fingerprint);
    expect(otherKey[0]!.fingerprint).not.toBe(onHome[0]!.fingerprint);
    expect(otherSite[0]!.fingerprint).not.toBe(onHome[0]!.fingerprint);
  });

  it('never puts a raw value in a finding', () => {
    const secrets = [longLivedJwt(), fakeAwsKeyId(), fakeOpaqueToken(32)];
    const findings = scanPageSnapshot(
      snapshot({
        localStorage: [['a', secrets[0]!]],
        dom: [{ kind: 'hidden-input', selector: 'input[name=api_key]', name: 'api_key', value: secrets[2]! }],
        indexedDb: [{ database: 'd', store: 's', key: 'k', value: JSON.stringify({ id: secrets[1] }) }],
      }),
    );
    expect(findings.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(findings);
    for (const secret of secrets) expect(text).not.toContain(secret);
  });

  it('turns the content script\'s skips into skipped entries on the page', () => {
    expect(snapshotSkips(snapshot({ skipped: [{ what: 'script#huge', reason: 'too large (3000000 characters)' }] }))).toEqual([
      { url: 'https://app.example.test/settings?session_token=[redacted] (script#huge)', reason: 'too large (3000000 characters)' },
    ]);
  });
});

describe('withMarkupRead', () => {
  /** A page as Chromium's outerHTML writes it: double-quoted attributes, `&quot;` and `&amp;` escaped. */
  function markupWith(secrets: { apiKey: string; widgetKey: string; keyId: string }): string {
    const config = JSON.stringify({ props: { pageProps: { aws: secrets.keyId } } }).replaceAll('"', '&quot;');
    return (
      '<html><head><meta charset="utf-8"><script src="/static/app.js"></script></head><body>' +
      `<form id="settings" action="/save?a=1&amp;b=2"><input type="hidden" name="api_key" value="${secrets.apiKey}"></form>` +
      `<div id="widget" data-api-key="${secrets.widgetKey}" data-config="${config}"></div>` +
      `<script id="config">var a = 1;\nvar aws = { accessKeyId: "${secrets.keyId}" };</script>` +
      `<script>var unnamed = 1;</script>` +
      `<script type="application/json" id="__NEXT_DATA__">${JSON.stringify({ props: { pageProps: { aws: secrets.keyId } } })}</script>` +
      '<form id="login" action="http://legacy.example.test/login" method="post"><input type="password" name="p"></form>' +
      '</body></html>'
    );
  }

  it('leaves a snapshot without markup as it is', () => {
    const message = snapshot({ localStorage: [['a', 'b']] });
    expect(withMarkupRead(message)).toBe(message);
  });

  it('reads the markup into the sections the scan looks at, keeps what was there, and drops the markup', () => {
    const secrets = { apiKey: fakeOpaqueToken(32), widgetKey: fakeOpaqueToken(40), keyId: fakeAwsKeyId() };
    const message = snapshot({
      markup: markupWith(secrets),
      inlineScripts: ['var sentBefore = 1;'],
      scriptUrls: ['https://cdn.example.test/widget.js', 'https://app.example.test/static/app.js'],
      skipped: [{ what: 'DOM', reason: 'cut to the first 10 of 20 characters of markup' }],
    });
    expect(isPageSnapshot(message)).toBe(true);
    const read = withMarkupRead(message);
    expect(read.markup).toBeUndefined();
    expect('markup' in read).toBe(false);
    expect(read.inlineScriptSelectors).toEqual(['inline script #1', 'script#config', 'inline script #3']);
    expect(read.inlineScripts[0]).toBe('var sentBefore = 1;');
    expect(read.scriptUrls).toEqual(['https://cdn.example.test/widget.js', 'https://app.example.test/static/app.js']);
    expect(read.dataIslands?.map((island) => island.selector)).toEqual(['script#__NEXT_DATA__']);
    expect(read.dom?.map((value) => domKeyPath(value))).toEqual(['input[type=hidden][name=api_key]@value', '#widget@data-api-key', '#widget@data-config']);
    expect(read.dom?.find((value) => value.name === 'data-config')?.value).toBe(JSON.stringify({ props: { pageProps: { aws: secrets.keyId } } }));
    expect(read.insecureForms).toEqual([{ selector: '#login', action: 'http://legacy.example.test/login', method: 'post', hasPassword: true }]);
    expect(read.skipped).toEqual(message.skipped);
    expect(isPageSnapshot(read)).toBe(true);
  });

  it('lets the scan find secrets planted in the markup, each where it is, and no raw value in the findings', () => {
    const secrets = { apiKey: fakeOpaqueToken(32), widgetKey: fakeOpaqueToken(40), keyId: fakeAwsKeyId() };
    const findings = scanPageSnapshot(withMarkupRead(snapshot({ markup: markupWith(secrets) })));
    expect(only(findings, (f) => f.location.keyPath === 'input[type=hidden][name=api_key]@value')).toMatchObject({ source: 'dom' });
    expect(only(findings, (f) => f.location.keyPath === '#widget@data-api-key')).toMatchObject({ source: 'dom' });
    expect(only(findings, (f) => f.location.keyPath === '#widget@data-config')).toMatchObject({ source: 'dom', ruleId: 'aws-access-key-id', location: { jsonPath: '$.props.pageProps.aws' } });
    expect(only(findings, (f) => f.location.keyPath === 'script#config')).toMatchObject({ source: 'inline-script', ruleId: 'aws-access-key-id', location: { line: 2 } });
    expect(only(findings, (f) => f.location.keyPath === 'script#__NEXT_DATA__')).toMatchObject({ source: 'inline-script', location: { jsonPath: '$.props.pageProps.aws' } });
    expect(only(findings, (f) => f.location.keyPath === '#login')).toMatchObject({ ruleId: 'insecure-form-action', severity: 'high' });
    const text = JSON.stringify(findings);
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
  });
});

describe('snapshots through the controller', () => {
  it('stores page findings and lists what the content script skipped in the report', async () => {
    const extensionId = 'abcdefghijklmnopabcdefghijklmnop';
    const origin = `chrome-extension://${extensionId}/`;
    const controller = new BackgroundController({
      store: new FindingsStore(new FakeStorageArea()),
      scripts: new ScriptScanner(async () => new Response('', { status: 404 })),
      action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
      extensionId,
      extensionOrigin: origin,
      version: '0.0.0-test',
    });
    const popup = { id: extensionId, url: `${origin}src/popup/index.html` };
    const jwt = longLivedJwt();
    const message = snapshot({
      indexedDb: [{ database: 'acme-cache', store: 'tokens', key: 'session', value: JSON.stringify({ refresh: jwt }) }],
      skipped: [{ what: 'localStorage blob', reason: 'too large (3000000 characters)' }],
    });
    await controller.handleMessage(message, { id: extensionId, url: PAGE, tab: { id: 3 }, frameId: 0 });
    for (let i = 0; i < 100 && ((await controller.handleMessage({ type: 'leaklens/status' }, popup)) as StatusResponse).pending > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const report = (await controller.handleMessage({ type: 'leaklens/report', format: 'json', tabId: 3 }, popup)) as ReportResponse;
    expect(report.document).toContain('acme-cache/tokens/session');
    expect(report.document).toMatch(/skipped https:\/\/app\.example\.test\/settings\?session_token=\[redacted\] \(localStorage blob\): too large/);
    expect(report.document).not.toContain(jwt);
  });
});
