import { describe, expect, it } from 'vitest';
import { inspectPageUrl, inspectRequest, inspectResponse } from '../../src/engine/inspectors/exchange.ts';
import { effectiveReferrerPolicy } from '../../src/engine/inspectors/referer.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { chromeHeaders, expectNoRawValues, headers, nowSeconds, sha32 } from './network-fixtures.ts';

const pixel = (referer: string, url = 'https://analytics.thirdparty.test/pixel.gif?event=pageview') =>
  inspectRequest({ url, type: 'image', documentUrl: 'https://app.leaklens.test', headers: chromeHeaders({ Referer: referer }) });

describe('Referer leaks', () => {
  it('reports a credential-bearing page URL sent to another site (high), pointing at the recipient', () => {
    const token = fakeOpaqueToken();
    const findings = pixel(`https://app.leaklens.test/network.html?session_token=${token}`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'referer-credential-leak',
      severity: 'high',
      source: 'referer',
      location: { header: 'referer', parameter: 'session_token', url: 'https://analytics.thirdparty.test/pixel.gif?event=pageview' },
      details: { leakedFrom: 'https://app.leaklens.test/network.html?session_token=[redacted]', recipient: 'analytics.thirdparty.test' },
      secretHash: sha32(token),
    });
    expectNoRawValues(findings, token);
  });

  it('recognises a JWT in the referring URL and raises it to high', () => {
    const jwt = fakeJwt({ sub: 'u', exp: nowSeconds() + 300 });
    const [finding] = pixel(`https://app.leaklens.test/reset/${jwt}`);
    expect(finding).toMatchObject({ ruleId: 'jwt', severity: 'high', source: 'referer', title: expect.stringContaining('sent to analytics.thirdparty.test in Referer') });
  });

  it('is quiet for the same site, origin-only referrers and harmless query strings', () => {
    const token = fakeOpaqueToken();
    expect(inspectRequest({ url: 'https://api.leaklens.test/v1/orders', headers: chromeHeaders({ Referer: `https://app.leaklens.test/network.html?session_token=${token}` }) })).toEqual([]);
    expect(pixel('https://app.leaklens.test/')).toEqual([]);
    expect(pixel('https://app.leaklens.test/search?q=shoes&page=2')).toEqual([]);
  });

  it('rates an OAuth code leaking in Referer low at most', () => {
    const [finding] = pixel(`https://app.leaklens.test/oauth/callback?code=${fakeOpaqueToken(32)}&state=xyz`);
    expect(finding).toMatchObject({ ruleId: 'url-oauth-code', severity: 'low', source: 'referer' });
  });
});

describe('referrer policy', () => {
  it('takes the last policy the browser understands', () => {
    expect(effectiveReferrerPolicy('no-referrer, unsafe-url')).toBe('unsafe-url');
    expect(effectiveReferrerPolicy('unsafe-url, made-up-policy')).toBe('unsafe-url');
    expect(effectiveReferrerPolicy('UNSAFE-URL')).toBe('unsafe-url');
    expect(effectiveReferrerPolicy('nonsense')).toBeUndefined();
  });

  it('reports a page whose URL carries a token under a leaky policy (meta, or the Referrer-Policy header)', () => {
    const token = fakeOpaqueToken();
    const page = `https://app.leaklens.test/network.html?session_token=${token}`;
    const [fromMeta] = inspectPageUrl(page, { referrerPolicy: 'unsafe-url' });
    expect(fromMeta).toMatchObject({ ruleId: 'referrer-policy-leaks-url', severity: 'medium', source: 'referer', location: { parameter: 'session_token', keyPath: 'meta[name=referrer]' }, details: { policy: 'unsafe-url', via: 'meta' } });
    const [fromHeader] = inspectResponse({ url: page, type: 'main_frame', headers: headers({ 'Referrer-Policy': 'no-referrer-when-downgrade' }) });
    expect(fromHeader).toMatchObject({ ruleId: 'referrer-policy-leaks-url', location: { header: 'referrer-policy' } });
    expectNoRawValues([fromMeta!, fromHeader!], token);
  });

  it('is quiet under safe policies, without a token, and for tokens only in the fragment (never sent)', () => {
    const token = fakeOpaqueToken();
    expect(inspectPageUrl(`https://app.leaklens.test/p?session_token=${token}`, { referrerPolicy: 'strict-origin-when-cross-origin' })).toEqual([]);
    expect(inspectPageUrl('https://app.leaklens.test/p?tab=billing', { referrerPolicy: 'unsafe-url' })).toEqual([]);
    const fragmentOnly = inspectPageUrl(`https://app.leaklens.test/cb#access_token=${token}`, { referrerPolicy: 'unsafe-url' });
    expect(fragmentOnly.map((f) => f.ruleId)).toEqual(['url-credential-parameter']);
    expect(fragmentOnly[0]!.location.parameter).toBe('#access_token');
  });
});
