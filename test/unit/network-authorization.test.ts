import { describe, expect, it } from 'vitest';
import { inspectRequest } from '../../src/engine/inspectors/exchange.ts';
import { fakeAwsKeyId, fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { chromeHeaders, expectNoRawValues, fakePassword, nowSeconds, sha32 } from './network-fixtures.ts';

const withAuthorization = (value: string, url = 'https://api.example.test/v1/orders') =>
  inspectRequest({ url, type: 'xmlhttprequest', documentUrl: 'https://app.example.test', headers: chromeHeaders({ Authorization: value }) });

describe('Authorization header', () => {
  it('reports a bearer JWT that lives longer than a day (medium), with its lifetime', () => {
    const now = nowSeconds();
    const jwt = fakeJwt({ sub: 'u', iat: now, exp: now + 30 * 86400, scope: 'openid profile' });
    const findings = withAuthorization(`Bearer ${jwt}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'jwt', severity: 'medium', source: 'request-header', verification: 'verified', location: { header: 'Authorization' }, title: 'Bearer JWT: 720-hour lifetime' });
    expectNoRawValues(findings, jwt);
  });

  it('reports unsigned (alg none) high, no expiry and broad scopes medium', () => {
    const now = nowSeconds();
    expect(withAuthorization(`Bearer ${fakeJwt({ sub: 'u', iat: now, exp: now + 600 }, { alg: 'none' })}`)[0]).toMatchObject({ severity: 'high', title: expect.stringContaining('alg none') });
    expect(withAuthorization(`Bearer ${fakeJwt({ sub: 'u', iat: now })}`)[0]).toMatchObject({ severity: 'medium', title: expect.stringContaining('no expiry') });
    expect(withAuthorization(`Bearer ${fakeJwt({ sub: 'u', iat: now, exp: now + 600, scope: 'read:orders admin:*' })}`)[0]).toMatchObject({ severity: 'medium', title: expect.stringContaining('broad scope (admin:*)') });
  });

  it('does not report what is fine: a short-lived narrow JWT, an expired one, an opaque token, Basic over HTTPS', () => {
    const now = nowSeconds();
    expect(withAuthorization(`Bearer ${fakeJwt({ sub: 'u', iat: now, exp: now + 900, scope: 'openid' })}`)).toEqual([]);
    expect(withAuthorization(`Bearer ${fakeJwt({ sub: 'u', iat: now - 90000, exp: now - 3600 })}`)).toEqual([]);
    expect(withAuthorization(`Bearer ${fakeOpaqueToken(40)}`)).toEqual([]);
    expect(withAuthorization(`Basic ${btoa(`dana:${fakePassword()}`)}`)).toEqual([]);
    expect(withAuthorization('Digest username="dana", realm="x", nonce="abc", response="def"')).toEqual([]);
  });

  it('rates an AWS request signed in the page with an AKIA key critical, an ASIA (temporary) key not at all', () => {
    const akia = fakeAwsKeyId();
    const [finding] = withAuthorization(`AWS4-HMAC-SHA256 Credential=${akia}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=${'ab'.repeat(32)}`);
    expect(finding).toMatchObject({ ruleId: 'aws-request-signed-in-browser', severity: 'critical', secretHash: sha32(akia) });
    expect(finding!.details!.keyId).toBe(`AKIA…${akia.slice(-4)}`);
    const asia = `ASIA${akia.slice(4)}`;
    expect(withAuthorization(`AWS4-HMAC-SHA256 Credential=${asia}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=${'ab'.repeat(32)}`)).toEqual([]);
  });

  it('over plain HTTP: any scheme is a cleartext credential; Basic shows the user name, never the password', () => {
    const password = fakePassword();
    const findings = inspectRequest({ url: 'http://legacy.example.test/api/me', type: 'xmlhttprequest', documentUrl: 'http://legacy.example.test', headers: chromeHeaders({ Authorization: `Basic ${btoa(`dana.whitaker:${password}`)}` }, 'http://legacy.example.test') });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'cleartext-credential',
      severity: 'high',
      source: 'cleartext',
      title: 'Authorization (Basic) sent over plain HTTP',
      location: { header: 'Authorization', url: 'http://legacy.example.test/api/me' },
      details: { username: 'dana.whitaker', scheme: 'Basic', transport: 'http' },
      secretHash: sha32(password),
    });
    expectNoRawValues(findings, password, btoa(`dana.whitaker:${password}`));
    const token = fakeOpaqueToken();
    expect(inspectRequest({ url: 'http://legacy.example.test/api/me', headers: chromeHeaders({ Authorization: `Token ${token}` }) })[0]).toMatchObject({ ruleId: 'cleartext-credential', title: 'Authorization (Token) sent over plain HTTP' });
  });
});
