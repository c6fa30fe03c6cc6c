import { describe, expect, it } from 'vitest';
import { inspectRequest } from '../../src/engine/inspectors/exchange.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';
import { chromeHeaders, expectNoRawValues, fakePassword, headers, sha32 } from './network-fixtures.ts';

const LEGACY = 'http://legacy.example.test';

describe('cleartext', () => {
  it('turns a token in an http:// URL into one cleartext finding (not two), high', () => {
    const token = fakeOpaqueToken();
    const findings = inspectRequest({ url: `${LEGACY}/api/items?access_token=${token}`, documentUrl: LEGACY });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'url-credential-parameter', source: 'cleartext', severity: 'high', location: { parameter: 'access_token' }, details: { transport: 'http', sentAs: 'request-url' } });
    expect(findings[0]!.title).toMatch(/sent over plain HTTP$/);
  });

  it('raises a sign-in password posted over http:// from low to high', () => {
    const password = fakePassword();
    const findings = inspectRequest({ url: `${LEGACY}/login`, method: 'POST', type: 'sub_frame', documentUrl: LEGACY, body: { kind: 'form', fields: [['username', 'dana'], ['password', password]] } });
    expect(findings.map((f) => [f.ruleId, f.source, f.severity, f.location.parameter])).toEqual([['request-body-password', 'cleartext', 'high', 'password']]);
    expect(findings[0]!.secretHash).toBe(sha32(password));
    expectNoRawValues(findings, password);
  });

  it('reports session cookies and key headers sent in clear, not ordinary cookies', () => {
    const sid = fakeOpaqueToken();
    const apiKey = fakeOpaqueToken(32);
    const findings = inspectRequest({ url: `${LEGACY}/api/me`, documentUrl: LEGACY, headers: chromeHeaders({ Cookie: `theme=dark-contrast-mode; sid=${sid}`, 'X-Api-Key': apiKey }, LEGACY) });
    expect(findings.map((f) => [f.ruleId, f.source, f.severity, f.location.header, f.location.keyPath]).sort()).toEqual([
      ['cleartext-credential', 'cleartext', 'high', 'Cookie', 'sid'],
      ['request-header-credential', 'cleartext', 'high', 'X-Api-Key', undefined],
    ]);
    expectNoRawValues(findings, sid, apiKey);
  });

  it('reports a WebSocket token over ws://', () => {
    const [finding] = inspectRequest({ url: `ws://legacy.example.test/live?token=${fakeOpaqueToken()}`, type: 'websocket', documentUrl: LEGACY });
    expect(finding).toMatchObject({ source: 'cleartext', severity: 'high', details: { transport: 'ws', sentAs: 'websocket' } });
  });

  it('does not call loopback HTTP an exposure, unless the option says so', () => {
    const token = fakeOpaqueToken();
    const local = { url: 'http://localhost:3000/api/me', documentUrl: 'http://localhost:3000', headers: headers({ Authorization: `Bearer ${token}`, Cookie: `sid=${fakeOpaqueToken()}` }) };
    expect(inspectRequest(local)).toEqual([]);
    expect(inspectRequest({ ...local, url: 'http://127.0.0.1:8080/api/me' })).toEqual([]);
    const reported = inspectRequest(local, { reportLoopbackCleartext: true });
    expect(reported.map((f) => [f.ruleId, f.source, f.location.header]).sort()).toEqual([
      ['cleartext-credential', 'cleartext', 'Authorization'],
      ['cleartext-credential', 'cleartext', 'Cookie'],
    ]);
  });

  it('leaves HTTPS alone', () => {
    expect(inspectRequest({ url: 'https://api.example.test/api/me', headers: chromeHeaders({ Authorization: `Bearer ${fakeOpaqueToken()}`, Cookie: `sid=${fakeOpaqueToken()}` }) })).toEqual([]);
  });
});
