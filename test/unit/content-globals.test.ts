// @vitest-environment happy-dom
/**
 * The MAIN-world globals probe: the well-known config globals plus everything the page added to
 * window (measured against the window's own names at document_start), walked safely and bounded,
 * and reported again only when a global's copy changed.
 */
import { describe, expect, it } from 'vitest';
import { GLOBALS_LIMITS } from '../../src/shared/probe-protocol.ts';
import { GLOBAL_WALK_LIMITS, GlobalsProbe, namesToProbe, serialiseGlobal, toPosts, WELL_KNOWN_GLOBALS } from '../../src/content/probe/globals.ts';
import { fakeAwsKeyId, fakeOpaqueToken } from '../support/fake-secrets.ts';

/** A stand-in for window: its own names when the probe starts are the "standard" globals. */
function fakeWindow(): Record<string, unknown> {
  return { document: {}, fetch() {}, location: { href: 'https://app.example.test/' }, localStorage: {} };
}

describe('namesToProbe', () => {
  it('lists the well-known globals, then what the page added, without tooling plumbing', () => {
    const scope = fakeWindow();
    const baseline = new Set(Object.getOwnPropertyNames(scope));
    scope.acmeRuntime = {};
    scope.webpackChunkacme = [];
    scope.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {};
    scope.__APP_CONFIG__ = {};
    const names = namesToProbe(scope, baseline);
    expect(names.slice(0, WELL_KNOWN_GLOBALS.length)).toEqual(WELL_KNOWN_GLOBALS);
    expect(names.slice(WELL_KNOWN_GLOBALS.length)).toEqual(['acmeRuntime']);
  });

  it('looks at a bounded number of page globals', () => {
    const scope = fakeWindow();
    const baseline = new Set(Object.getOwnPropertyNames(scope));
    for (let i = 0; i < 1000; i++) scope[`g${i}`] = `value-${i}`;
    expect(namesToProbe(scope, baseline)).toHaveLength(WELL_KNOWN_GLOBALS.length + GLOBAL_WALK_LIMITS.maxPageGlobals);
  });
});

describe('serialiseGlobal', () => {
  it('copies objects as pruned JSON and strings as they are; skips functions, nodes, the window itself and accessors', () => {
    const keyId = fakeAwsKeyId();
    let getterCalls = 0;
    const scope: Record<string, unknown> = {
      config: { aws: { accessKeyId: keyId, region: 'us-east-1', retries: 3 }, render() {} },
      token: fakeOpaqueToken(),
      helper() {},
      element: document.createElement('div'),
    };
    scope.self = scope;
    Object.defineProperty(scope, 'lazyConfig', {
      get() {
        getterCalls++;
        return { secret: fakeOpaqueToken() };
      },
    });
    expect(JSON.parse(serialiseGlobal(scope, 'config')!)).toEqual({ aws: { accessKeyId: keyId, region: 'us-east-1' } });
    expect(serialiseGlobal(scope, 'token')).toBe(scope.token);
    for (const name of ['helper', 'element', 'self', 'lazyConfig', 'missing']) expect(serialiseGlobal(scope, name), name).toBeUndefined();
    expect(getterCalls).toBe(0);
  });
});

describe('GlobalsProbe', () => {
  it('reports page-added globals with their window path, then only those whose copy changed', () => {
    const scope = fakeWindow();
    const probe = new GlobalsProbe(scope, new Set(Object.getOwnPropertyNames(scope)));
    const token = fakeOpaqueToken();
    scope.__APP_CONFIG__ = { env: 'production', apiToken: token };
    expect(probe.collectAll()).toEqual([['window.__APP_CONFIG__', JSON.stringify({ env: 'production', apiToken: token })]]);
    expect(probe.collectAll()).toEqual([]);

    // Set after load by lazy code: caught by the next probe; the unchanged config is not resent.
    const refresh = fakeOpaqueToken();
    scope.acmeRuntime = { integrations: { github: { appId: 1, refreshToken: refresh } } };
    expect(probe.collectAll()).toEqual([['window.acmeRuntime', JSON.stringify({ integrations: { github: { refreshToken: refresh } } })]]);
    (scope.__APP_CONFIG__ as Record<string, string>).apiToken = fakeOpaqueToken();
    expect(probe.collectAll().map(([path]) => path)).toEqual(['window.__APP_CONFIG__']);
  });

  it('shares one node budget across a probe round', () => {
    const scope = fakeWindow();
    const probe = new GlobalsProbe(scope, new Set(Object.getOwnPropertyNames(scope)));
    for (let i = 0; i < 80; i++) scope[`big${i}`] = Array.from({ length: 200 }, (_, j) => ({ label: `item-${i}-${j}` }));
    const budget = { nodes: 0 };
    const reported = probe.collect(namesToProbe(scope, new Set(Object.getOwnPropertyNames(fakeWindow()))), budget);
    expect(budget.nodes).toBeLessThanOrEqual(GLOBAL_WALK_LIMITS.maxNodesPerProbe + 64);
    expect(reported.length).toBeLessThan(80);
    expect(reported.length).toBeGreaterThan(0);
  });
});

describe('toPosts', () => {
  it('splits entries by count and size so every post passes the relay', () => {
    const entries = Array.from({ length: GLOBALS_LIMITS.maxEntries + 10 }, (_, i) => [`window.g${i}`, 'v'.repeat(100)] as [string, string]);
    const posts = toPosts(entries, 1024 * 1024);
    expect(posts.map((post) => post.length)).toEqual([GLOBALS_LIMITS.maxEntries, 10]);
    const bigOnes = Array.from({ length: 5 }, (_, i) => [`window.b${i}`, 'w'.repeat(200_000)] as [string, string]);
    expect(toPosts(bigOnes, 500_000).map((post) => post.length)).toEqual([2, 2, 1]);
    expect(toPosts([], 10)).toEqual([]);
  });
});
