/** Probe handlers for the network hook's `requests` and `responses` kinds: hostile input, checked and labelled. */
import { describe, expect, it } from 'vitest';
import { crossSource } from '../../src/background/network/cross-source.ts';
import { isRequestsPayload, scanProbeRequests } from '../../src/background/network/probe-requests.ts';
import { isResponsesPayload, scanProbeResponses } from '../../src/background/network/probe-responses.ts';
import { handleProbeReport } from '../../src/background/probe-handlers.ts';
import { NETWORK_HOOK_LIMITS } from '../../src/content/probe/network-hook.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { expectNoRawValues, fakeStripeSecret, nowSeconds } from './network-fixtures.ts';

const PAGE = 'https://app.leaklens.test/mixed.html';
let tab = 100;
const context = () => ({ tabId: tab++, pageUrl: PAGE });

describe('requests from the page hook', () => {
  it('turns a blocked mixed-content fetch with a bearer token into a high finding labelled as reported by the page', () => {
    const token = fakeOpaqueToken();
    const findings = handleProbeReport('requests', [{ api: 'fetch', url: 'http://insecure.leaklens.test:8080/api/me', headers: [['Authorization', `Bearer ${token}`]] }], context());
    expect(findings).toHaveLength(1);
    expect(findings![0]).toMatchObject({ ruleId: 'mixed-content', severity: 'high', source: 'mixed-content', reportedByPage: true, details: { outcome: 'blocked' } });
    expectNoRawValues(findings!, token);
  });

  it('inspects only the headers of requests the network also saw, and drops what the network already reported', () => {
    const jwt = fakeJwt({ sub: 'u', iat: nowSeconds(), exp: nowSeconds() + 30 * 86400 });
    const ctx = context();
    const entry = { api: 'xhr', url: `https://api.leaklens.test/v1/orders?access_token=${fakeOpaqueToken()}`, headers: [['Authorization', `Bearer ${jwt}`]] };
    const first = scanProbeRequests([entry], ctx)!;
    expect(first.map((f) => [f.ruleId, f.source])).toEqual([['jwt', 'request-header']]); // not the URL: webRequest saw it
    // The network reports the same header for the next request first: the page's copy is then dropped.
    crossSource.keep('network', ctx.tabId, first);
    crossSource.keep('network', ctx.tabId, first);
    expect(scanProbeRequests([entry], ctx)).toEqual([]);
    // Requests that are neither mixed nor carry headers are not the hook's business.
    expect(scanProbeRequests([{ api: 'fetch', url: 'https://api.leaklens.test/v1/orders' }], context())).toEqual([]);
  });

  it('leaves the network’s later sighting of what it reported to confirm it, not to count it again', () => {
    const ctx = context();
    const url = `http://insecure.leaklens.test/api/me?access_token=${fakeOpaqueToken()}`;
    const fromPage = scanProbeRequests([{ api: 'fetch', url }], ctx)!;
    expect(fromPage.map((f) => f.ruleId)).toEqual(['url-credential-parameter', 'mixed-content']);
    expect(crossSource.keep('network', ctx.tabId, fromPage)).toEqual({ kept: [], confirmations: fromPage });
  });

  it('reads fragment tokens and the meta referrer policy of the page itself, never of another origin', () => {
    const token = fakeOpaqueToken();
    const own = scanProbeRequests([{ api: 'page', url: `https://app.leaklens.test/callback.html#access_token=${token}` }], context())!;
    expect(own.map((f) => f.location.parameter)).toEqual(['#access_token']);
    expect(scanProbeRequests([{ api: 'page', url: `https://victim.example/cb#access_token=${token}` }], context())).toEqual([]);
    const policy = scanProbeRequests([{ api: 'page', url: `https://app.leaklens.test/network.html?session_token=${token}`, referrerPolicy: 'unsafe-url' }], context())!;
    expect(policy[0]).toMatchObject({ ruleId: 'referrer-policy-leaks-url', location: { keyPath: 'meta[name=referrer]', parameter: 'session_token' } });
  });

  it('refuses malformed or oversized payloads', () => {
    const ok = { api: 'fetch', url: 'http://x.test/' };
    expect(isRequestsPayload([ok])).toBe(true);
    for (const bad of [
      {},
      [ok, 5],
      [{ ...ok, api: 'teleport' }],
      [{ ...ok, url: 'h'.repeat(NETWORK_HOOK_LIMITS.maxUrlLength + 1) }],
      [{ ...ok, headers: [['a']] }],
      [{ ...ok, headers: [['a', 1]] }],
      [{ ...ok, body: 'b'.repeat(NETWORK_HOOK_LIMITS.maxBodyLength + 1) }],
      [{ ...ok, passwordField: 'yes' }],
      Array.from({ length: NETWORK_HOOK_LIMITS.maxEntries + 1 }, () => ok),
    ]) {
      expect(isRequestsPayload(bad), JSON.stringify(bad).slice(0, 80)).toBe(false);
      expect(handleProbeReport('requests', bad, context())).toBeUndefined();
    }
  });
});

describe('responses from the page hook', () => {
  it('scans JSON bodies at their JSON path and labels the findings', () => {
    const stripe = fakeStripeSecret();
    const findings = handleProbeReport('responses', [{ url: 'https://app.leaklens.test/api/config', status: 200, contentType: 'application/json', body: JSON.stringify({ payments: { secretKey: stripe } }) }], context());
    expect(findings![0]).toMatchObject({ ruleId: 'stripe-secret-key', source: 'response-body', reportedByPage: true, location: { jsonPath: '$.payments.secretKey', url: 'https://app.leaklens.test/api/config' } });
    expectNoRawValues(findings!, stripe);
  });

  it('refuses oversized bodies, non-web URLs and too many entries', () => {
    const ok = { url: 'https://a.test/x', status: 200, contentType: 'application/json', body: '{}' };
    expect(isResponsesPayload([ok])).toBe(true);
    expect(isResponsesPayload([{ ...ok, body: 'x'.repeat(NETWORK_HOOK_LIMITS.maxResponseBodyLength + 1) }])).toBe(false);
    expect(isResponsesPayload([{ ...ok, url: 'javascript:alert(1)' }])).toBe(false);
    expect(isResponsesPayload(Array.from({ length: NETWORK_HOOK_LIMITS.maxResponsesPerMessage + 1 }, () => ok))).toBe(false);
    expect(scanProbeResponses('nope', context())).toBeUndefined();
  });
});
