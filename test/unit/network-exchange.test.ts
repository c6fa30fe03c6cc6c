/** The orchestrator on whole requests as the demo app makes them: one judgement per request, de-duplicated, redacted. */
import { describe, expect, it } from 'vitest';
import { inspectPageUrl, inspectRequest, inspectResponseBody } from '../../src/engine/inspectors/exchange.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { chromeHeaders, expectNoRawValues, fakeStripeSecret, nowSeconds } from './network-fixtures.ts';

describe('inspectRequest', () => {
  it('gives the same token one identity across requests to one host (host + parameter name), another on another host', () => {
    const token = fakeOpaqueToken();
    const prints = new Set(
      ['/v1/a', '/v1/b?page=2', '/v2/c'].map((path) => inspectRequest({ url: `https://api.example.test${path}${path.includes('?') ? '&' : '?'}access_token=${token}` })[0]!.fingerprint),
    );
    expect(prints.size).toBe(1);
    expect(inspectRequest({ url: `https://cdn.example.test/x?access_token=${token}` })[0]!.fingerprint).not.toBe([...prints][0]);
    expect(inspectRequest({ url: `https://api.example.test/x?token=${token}` })[0]!.fingerprint).not.toBe([...prints][0]);
  });

  it('stores only redacted URLs, and no raw value anywhere, for a request that carries everything', () => {
    const token = fakeOpaqueToken();
    const secret = fakeOpaqueToken(40);
    const jwt = fakeJwt({ sub: 'u', iat: nowSeconds(), exp: nowSeconds() + 30 * 86400 });
    const findings = inspectRequest({
      url: `https://api.example.test/oauth/token?session_token=${token}`,
      method: 'POST',
      type: 'xmlhttprequest',
      documentUrl: 'https://app.example.test',
      headers: chromeHeaders({ Authorization: `Bearer ${jwt}`, Referer: `https://partner.example.org/?session_token=${token}` }),
      body: { kind: 'form', fields: [['grant_type', 'client_credentials'], ['client_secret', secret]] },
    });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['jwt', 'oauth-client-secret-in-browser', 'referer-credential-leak', 'url-credential-parameter']);
    for (const finding of findings) expect(finding.location.url).toBe('https://api.example.test/oauth/token?session_token=[redacted]');
    expectNoRawValues(findings, token, secret, jwt);
  });

  it('ignores what is not a web request, and survives garbage', () => {
    expect(inspectRequest({ url: 'data:text/plain,token=abc' })).toEqual([]);
    expect(inspectRequest({ url: 'not a url' })).toEqual([]);
    expect(inspectRequest({ url: 'chrome-extension://abc/page.html?token=' + fakeOpaqueToken() })).toEqual([]);
    expect(inspectRequest({ url: 'https://a.example.test/', headers: [{ name: 'x-api-key', value: '' }, { name: 5 as unknown as string, value: 'x' }] })).toEqual([]);
  });
});

describe('inspectPageUrl', () => {
  it('reports fragment tokens (implicit flow) and only them', () => {
    const token = fakeOpaqueToken();
    const findings = inspectPageUrl(`https://app.example.test/callback.html?session_token=${fakeOpaqueToken()}#access_token=${token}&token_type=Bearer&state=abc`);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.parameter])).toEqual([['url-credential-parameter', 'high', '#access_token']]);
    expect(findings[0]!.location.url).toContain('#access_token=[redacted]');
    expectNoRawValues(findings, token);
  });
});

describe('inspectResponseBody', () => {
  it('reports a secret key a config endpoint hands the browser, not the token a sign-in endpoint returns', () => {
    const stripe = fakeStripeSecret();
    const [config] = inspectResponseBody(JSON.stringify({ payments: { secretKey: stripe } }), 'https://app.example.test/api/config');
    expect(config).toMatchObject({ ruleId: 'stripe-secret-key', severity: 'critical', source: 'response-body', location: { jsonPath: '$.payments.secretKey' } });
    const jwt = fakeJwt({ sub: 'u', iat: nowSeconds(), exp: nowSeconds() + 3600 });
    expect(inspectResponseBody(JSON.stringify({ access_token: jwt, token_type: 'Bearer', expires_in: 3600 }), 'https://auth.example.test/oauth/token')).toEqual([]);
  });
});
