/** `leaklens scan file.har`: every entry through the same inspectors as live traffic, response headers included. */
import { describe, expect, it } from 'vitest';
import { scanHar } from '../../src/cli/har.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { expectNoRawValues, fakePassword, fakeSendgridKey, nowSeconds, sha32 } from './network-fixtures.ts';

interface Entry {
  method?: string;
  url: string;
  headers?: Record<string, string>;
  postData?: { mimeType: string; text?: string; params?: { name: string; value: string }[] };
  responseHeaders?: Record<string, string>[];
}

const list = (record: Record<string, string> = {}) => Object.entries(record).map(([name, value]) => ({ name, value }));

function har(entries: Entry[]): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'leaklens-tests', version: '1' },
      entries: entries.map((entry) => ({
        request: { method: entry.method ?? (entry.postData ? 'POST' : 'GET'), url: entry.url, headers: list(entry.headers), ...(entry.postData ? { postData: entry.postData } : {}) },
        response: { status: 200, headers: (entry.responseHeaders ?? []).flatMap((record) => list(record)), content: { size: 0, mimeType: 'text/html' } },
      })),
    },
  });
}

describe('HAR through the network inspectors', () => {
  it('finds the request-side leaks with the same rules, sources and severities as live traffic', () => {
    const secret = fakeOpaqueToken(40);
    const key = fakeSendgridKey();
    const session = fakeOpaqueToken();
    const jwt = fakeJwt({ sub: 'u', iat: nowSeconds(), exp: nowSeconds() + 30 * 86400 });
    const findings = scanHar(
      har([
        { url: 'https://auth.example.test/oauth/token', headers: { Referer: 'https://app.example.test/login' }, postData: { mimeType: 'application/x-www-form-urlencoded', params: [{ name: 'grant_type', value: 'authorization_code' }, { name: 'client_secret', value: secret }] } },
        { url: 'https://api.example.test/v1/mail', headers: { 'x-api-key': key, Authorization: `Bearer ${jwt}`, Referer: 'https://app.example.test/' } },
        { url: 'https://analytics.partner.test/p.gif', headers: { Referer: `https://app.example.test/welcome?session_token=${session}` } },
        { url: 'https://app.example.test/login', method: 'POST', responseHeaders: [{ 'Set-Cookie': `session_id=${session}; Path=/; Secure` }] },
      ]),
      'traffic.har',
    );
    expect(findings.map((f) => [f.ruleId, f.source, f.severity, f.location.parameter ?? f.location.header ?? f.location.keyPath, f.details?.harEntry]).sort()).toEqual([
      ['cookie-without-httponly', 'cookie', 'high', 'set-cookie', 3],
      ['jwt', 'request-header', 'medium', 'Authorization', 1],
      ['oauth-client-secret-in-browser', 'request-body', 'critical', 'client_secret', 0],
      ['referer-credential-leak', 'referer', 'high', 'session_token', 2],
      ['sendgrid-api-key', 'request-header', 'critical', 'x-api-key', 1],
    ]);
    for (const finding of findings) expect(finding.location.file).toBe('traffic.har');
    expectNoRawValues(findings, secret, key, session, jwt);
  });

  it('calls Basic credentials over plain HTTP cleartext, with the user name and the password\'s hash only', () => {
    const password = fakePassword();
    const [finding, ...rest] = scanHar(har([{ url: 'http://legacy.example.test/api/me', headers: { Authorization: `Basic ${btoa(`dana:${password}`)}`, Referer: 'http://legacy.example.test/' } }]), 'legacy.har');
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ ruleId: 'cleartext-credential', source: 'cleartext', severity: 'high', details: { username: 'dana' }, secretHash: sha32(password) });
    expectNoRawValues([finding!], password);
  });

  it('is one finding for one token sent to one host in many entries (the CLI merges them with a count)', () => {
    const token = fakeOpaqueToken();
    const findings = scanHar(har(Array.from({ length: 5 }, (_, i) => ({ url: `https://api.example.test/v1/items/${i}?access_token=${token}` }))), 'many.har');
    expect(new Set(findings.map((f) => f.fingerprint)).size).toBe(1);
    expect(findings).toHaveLength(5);
  });
});
