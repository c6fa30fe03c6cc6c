import { describe, expect, it } from 'vitest';
import { inspectRequest } from '../../src/engine/inspectors/exchange.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';
import { expectNoRawValues, headers, sha32 } from './network-fixtures.ts';

const PAGE = 'https://app.example.test/dashboard';

describe('mixed content', () => {
  it('rates a blocked fetch with a bearer token high, and not cleartext (it never left)', () => {
    const token = fakeOpaqueToken();
    const findings = inspectRequest({ url: 'http://legacy.example.test/api/me', type: 'fetch', documentUrl: PAGE, attempted: true, headers: headers({ Authorization: `Bearer ${token}` }) });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'mixed-content',
      source: 'mixed-content',
      severity: 'high',
      location: { header: 'Authorization', url: 'http://legacy.example.test/api/me' },
      details: { outcome: 'blocked', withCredentials: true, page: PAGE },
      secretHash: sha32(token),
    });
    expect(findings[0]!.title).toBe('Mixed content: fetch over http:// from an HTTPS page carrying Authorization (Bearer) (blocked by Chromium)');
    expectNoRawValues(findings, token);
  });

  it('rates an image Chromium upgrades medium, and a login form submission high', () => {
    const [image] = inspectRequest({ url: 'http://legacy.example.test/banner.gif', type: 'img', documentUrl: PAGE, attempted: true });
    expect(image).toMatchObject({ ruleId: 'mixed-content', severity: 'medium', details: { outcome: 'upgraded', withCredentials: false } });
    const [form] = inspectRequest({ url: 'http://legacy.example.test/login', type: 'form', method: 'POST', documentUrl: PAGE, attempted: true, passwordField: true });
    expect(form).toMatchObject({ severity: 'high', title: expect.stringContaining('with a password field') });
  });

  it('reports mixed content the browser let through as mixed content and as cleartext', () => {
    const sid = fakeOpaqueToken();
    const findings = inspectRequest({ url: 'http://legacy.example.test/api/feed', type: 'xmlhttprequest', documentUrl: 'https://app.example.test', headers: headers({ Cookie: `sid=${sid}` }) });
    expect(findings.map((f) => [f.ruleId, f.source, f.severity]).sort()).toEqual([
      ['cleartext-credential', 'cleartext', 'high'],
      ['mixed-content', 'mixed-content', 'high'],
    ]);
    expect(findings.find((f) => f.ruleId === 'mixed-content')!.details).toMatchObject({ outcome: 'sent' });
  });

  it('is not mixed content: top-level navigations, HTTP pages, HTTPS targets, loopback (unless the option is on)', () => {
    expect(inspectRequest({ url: 'http://legacy.example.test/', type: 'main_frame', documentUrl: PAGE })).toEqual([]);
    expect(inspectRequest({ url: 'http://legacy.example.test/x.js', type: 'script', documentUrl: 'http://legacy.example.test/' })).toEqual([]);
    expect(inspectRequest({ url: 'https://legacy.example.test/x.js', type: 'script', documentUrl: PAGE })).toEqual([]);
    const local = { url: 'http://127.0.0.1/health', type: 'fetch', documentUrl: PAGE, attempted: true, headers: headers({ Authorization: `Bearer ${fakeOpaqueToken()}` }) };
    expect(inspectRequest(local)).toEqual([]);
    expect(inspectRequest(local, { reportLoopbackCleartext: true }).map((f) => f.ruleId)).toEqual(['mixed-content']);
  });

  it('is one finding per page origin and target, counted across attempts', () => {
    const a = inspectRequest({ url: 'http://legacy.example.test/banner.gif?v=1', type: 'img', documentUrl: PAGE, attempted: true })[0]!;
    const b = inspectRequest({ url: 'http://legacy.example.test/banner.gif?v=1', type: 'img', documentUrl: 'https://app.example.test/other', attempted: true })[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});
