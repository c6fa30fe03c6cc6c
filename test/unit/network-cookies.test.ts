import { describe, expect, it } from 'vitest';
import { inspectResponse } from '../../src/engine/inspectors/exchange.ts';
import { parseSetCookie } from '../../src/engine/inspectors/cookies.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { expectNoRawValues, headers, nowSeconds, sha32 } from './network-fixtures.ts';

const setCookie = (value: string, { url = 'https://app.example.test/page.html', type = 'main_frame', documentUrl }: { url?: string; type?: string; documentUrl?: string } = {}) =>
  inspectResponse({ url, type, headers: headers({ 'Content-Type': 'text/html', 'Set-Cookie': value }), ...(documentUrl ? { documentUrl } : {}) });

describe('Set-Cookie flags', () => {
  it('rates a session cookie without HttpOnly high when the page can read it', () => {
    const jwt = fakeJwt({ sub: 'u', exp: nowSeconds() + 30 * 86400 });
    const findings = setCookie(`session_token=${jwt}; Path=/; Max-Age=2592000; SameSite=Lax; Secure`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'cookie-without-httponly',
      severity: 'high',
      source: 'cookie',
      title: "Session cookie session_token readable by this page's scripts (no HttpOnly)",
      location: { header: 'set-cookie', keyPath: 'session_token', url: 'https://app.example.test/page.html' },
      details: { httpOnly: false, secure: true, sameSite: 'lax', readableByPage: true, lifetimeHours: 720 },
      secretHash: sha32(jwt),
    });
    expectNoRawValues(findings, jwt);
  });

  it('rates it medium when this page cannot read it (another site set it), and says who can', () => {
    const [finding] = setCookie(`sid=${fakeOpaqueToken()}; Path=/; Secure; SameSite=None`, { url: 'https://widget.partner.test/session', type: 'xmlhttprequest', documentUrl: 'https://app.example.test' });
    expect(finding).toMatchObject({ ruleId: 'cookie-without-httponly', severity: 'medium', details: { readableByPage: false, domain: 'widget.partner.test' } });
    // A Domain attribute covering the page makes it readable again.
    const [covered] = setCookie(`sid=${fakeOpaqueToken()}; Domain=.example.test; Path=/; Secure; SameSite=Lax`, { url: 'https://api.example.test/login', type: 'xmlhttprequest', documentUrl: 'https://app.example.test' });
    expect(covered).toMatchObject({ severity: 'high', details: { readableByPage: true } });
  });

  it('falls back to Secure (medium) and SameSite (low) when HttpOnly is set', () => {
    expect(setCookie(`session_id=${fakeOpaqueToken()}; Path=/; HttpOnly; SameSite=Lax`)[0]).toMatchObject({ ruleId: 'cookie-without-secure', severity: 'medium' });
    expect(setCookie(`session_id=${fakeOpaqueToken()}; Path=/; HttpOnly; Secure`)[0]).toMatchObject({ ruleId: 'cookie-without-samesite', severity: 'low' });
    expect(setCookie(`session_id=${fakeOpaqueToken()}; Path=/; HttpOnly; Secure; SameSite=None`)[0]).toMatchObject({ ruleId: 'cookie-without-samesite', title: expect.stringContaining('SameSite=None') });
  });

  it('is quiet for well-set session cookies, ordinary cookies and deletions', () => {
    expect(setCookie(`session_id=${fakeOpaqueToken()}; Path=/; HttpOnly; Secure; SameSite=Lax`)).toEqual([]);
    expect(setCookie('theme=dark-high-contrast; Path=/')).toEqual([]);
    expect(setCookie(`_ga=GA1.1.${fakeOpaqueToken(20)}; Path=/`)).toEqual([]);
    expect(setCookie('session_id=deleted-session; Path=/; Max-Age=0')).toEqual([]);
    expect(setCookie('session_id=deleted-session; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT')).toEqual([]);
  });

  it('calls a session cookie set over plain HTTP a cleartext credential', () => {
    const [finding] = setCookie(`PHPSESSID=${fakeOpaqueToken(26)}; path=/`, { url: 'http://legacy.example.test/login' });
    expect(finding).toMatchObject({ ruleId: 'cleartext-credential', source: 'cleartext', severity: 'high', title: expect.stringContaining('set over plain HTTP') });
  });

  it('splits Firefox\'s newline-joined Set-Cookie and parses attributes', () => {
    const findings = inspectResponse({ url: 'https://app.example.test/', type: 'main_frame', headers: headers({ 'set-cookie': `a_token=${fakeOpaqueToken()}; Path=/\ntheme=dark\nsid=${fakeOpaqueToken()}; HttpOnly; Secure; SameSite=Strict` }) });
    expect(findings.map((f) => f.location.keyPath)).toEqual(['a_token']);
    expect(parseSetCookie('sid="quoted-value-1234"; HttpOnly; Max-Age=60')).toMatchObject({ name: 'sid', value: 'quoted-value-1234' });
  });
});
