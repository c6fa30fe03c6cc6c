/** URL inspector extensions: whole-name matching, OAuth context, signed URLs, user info, memoised redaction. */
import { describe, expect, it } from 'vitest';
import { inspectParsedUrl, inspectUrl, redactUrl } from '../../src/engine/inspectors/url.ts';
import { fakeAwsKeyId, fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { expectNoRawValues, nowSeconds } from './network-fixtures.ts';

const inspect = (url: string) => inspectUrl(url, { source: 'request-url' });

describe('URL inspector: names', () => {
  it.each(['access_token', 'id_token', 'refresh_token', 'token', 'auth', 'api_key', 'apikey', 'client_secret', 'secret', 'password', 'pwd', 'session', 'jwt', 'sessionToken', 'connect.sid'])(
    'reports a credential in ?%s=',
    (name) => {
      const value = fakeOpaqueToken(32);
      const [finding] = inspect(`https://api.example.test/v1/x?${encodeURIComponent(name)}=${value}`);
      expect(finding).toMatchObject({ ruleId: 'url-credential-parameter', severity: 'high', location: { parameter: name } });
      expectNoRawValues([finding!], value);
    },
  );

  it.each(['passiveAuth', 'monkey', 'authorName', 'tokenizer', 'keyboard', 'nextPageToken', 'csrf_token', 'state', 'author', 'secretary'])('does not report ?%s= (whole names only)', (name) => {
    expect(inspect(`https://api.example.test/v1/x?${name}=${fakeOpaqueToken(32)}`)).toEqual([]);
  });

  it('reports `key` only with a high-entropy value', () => {
    expect(inspect(`https://maps.example.test/api?key=${fakeOpaqueToken(32)}`)[0]).toMatchObject({ ruleId: 'url-credential-parameter' });
    expect(inspect('https://maps.example.test/api?key=aaaaaaaaaaaaaaaaaaaa')).toEqual([]);
    expect(inspect('https://shop.example.test/search?key=running-shoes')).toEqual([]);
  });
});

describe('URL inspector: OAuth redirects', () => {
  it('rates a code on a redirect low and ignores state', () => {
    const findings = inspect(`https://app.example.test/oauth/callback?code=${fakeOpaqueToken(32)}&state=${fakeOpaqueToken(16)}`);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.parameter])).toEqual([['url-oauth-code', 'low', 'code']]);
  });
  it('does not call any `code` an OAuth code (promo and country codes)', () => {
    expect(inspect('https://shop.example.test/cart?code=SPRINGSALE2026')).toEqual([]);
    expect(inspect('https://shop.example.test/checkout?code=ABCD1234EFGH')).toEqual([]);
  });
});

describe('URL inspector: engine over values and paths', () => {
  it('recognises a JWT in any parameter and in a path segment, and redacts both', () => {
    const jwt = fakeJwt({ sub: 'u', exp: nowSeconds() + 600 });
    const [inQuery] = inspect(`https://a.example.test/cb?data=${jwt}`);
    expect(inQuery).toMatchObject({ ruleId: 'jwt', severity: 'high', location: { parameter: 'data' } });
    const [inPath] = inspect(`https://a.example.test/reset/${jwt}/confirm`);
    expect(inPath).toMatchObject({ ruleId: 'jwt', location: { keyPath: 'path', url: 'https://a.example.test/reset/[redacted]/confirm' } });
    expectNoRawValues([inQuery!, inPath!], jwt);
  });

  it('reports user name and password in the URL, showing the user name only', () => {
    const password = fakeOpaqueToken(20);
    const [finding] = inspect(`https://deploy:${password}@ci.example.test/hooks`);
    expect(finding).toMatchObject({ ruleId: 'url-embedded-credentials', severity: 'high', details: { username: 'deploy' } });
    expect(finding!.location.url).not.toContain(password);
    expectNoRawValues([finding!], password);
  });

  it('returns sightings for the cleartext and mixed-content inspectors, without putting raw values in findings', () => {
    const token = fakeOpaqueToken();
    const url = new URL(`http://legacy.example.test/api?session=${token}&page=2`);
    const { findings, sightings } = inspectParsedUrl(url, url.href, { source: 'request-url' });
    expect(sightings.map((s) => [s.label, s.reported])).toEqual([['session parameter', true]]);
    expect(sightings[0]!.value).toBe(token);
    expectNoRawValues(findings, token);
  });
});

describe('URL inspector: signed URLs', () => {
  it('lists an S3 presigned URL as info with its expiry, not its security token as a leaked credential', () => {
    const keyId = fakeAwsKeyId();
    const url =
      `https://bucket.s3.amazonaws.com/report.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${keyId}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request` +
      `&X-Amz-Date=20260101T120000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=${fakeOpaqueToken(60)}&X-Amz-Signature=${'ab'.repeat(32)}`;
    const findings = inspect(url);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'signed-url',
      severity: 'info',
      location: { parameter: 'X-Amz-Signature' },
      details: { provider: 'AWS (SigV4)', expiresAt: '2026-01-01T13:00:00.000Z', lifetimeHours: 1 },
    });
    expect(findings[0]!.location.url).toContain('X-Amz-Signature=[redacted]');
    expect(findings[0]!.location.url).toContain('X-Amz-Security-Token=[redacted]');
    expect(findings[0]!.location.url).not.toContain(keyId);
  });
});

describe('redactUrl', () => {
  it('redacts signatures and credentials, keeps the rest, and gives the same answer from its memo', () => {
    const token = fakeOpaqueToken();
    const raw = `https://a.example.test/x?sig=${'cd'.repeat(20)}&sv=2024-01-01&q=shoes&access_token=${token}`;
    const first = redactUrl(raw);
    expect(first).toBe('https://a.example.test/x?sig=[redacted]&sv=2024-01-01&q=shoes&access_token=[redacted]');
    expect(redactUrl(raw)).toBe(first);
  });
});
