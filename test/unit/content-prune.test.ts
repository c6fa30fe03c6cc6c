// @vitest-environment happy-dom
/**
 * The bounded, getter-safe copy that the globals probe and the IndexedDB sampler use on page values:
 * it must keep every string a scan needs with the path that leads to it, and survive whatever a
 * hostile page hands it (getters, throwing proxies, cycles, huge or deep values) without running
 * page code it does not have to.
 */
import { describe, expect, it } from 'vitest';
import { dataProperty, DEFAULT_PRUNE_LIMITS, plainJson, pruneForScan, serialisePruned, type PruneStats } from '../../src/content/collectors/prune.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';

/** Runs `body` while Array.prototype and Object.prototype carry a page's toJSON; counts its calls. */
function withPageToJson<T>(body: () => T): { result: T; calls: number } {
  let calls = 0;
  const prototypes = [Array.prototype, Object.prototype] as unknown as Record<string, unknown>[];
  for (const prototype of prototypes) {
    Object.defineProperty(prototype, 'toJSON', { value: () => (calls++, 'rewritten by the page'), configurable: true, writable: true });
  }
  try {
    const result = body();
    return { result, calls };
  } finally {
    for (const prototype of prototypes) delete prototype.toJSON;
  }
}

describe('pruneForScan', () => {
  it('keeps strings with the keys and array positions that lead to them, and drops the rest', () => {
    const token = fakeOpaqueToken();
    const value = { env: 'production', retries: 3, enabled: true, nested: { list: [1, 'ab', { apiKey: token }], fn: () => token } };
    expect(pruneForScan(value)).toEqual({ env: 'production', nested: { list: [null, null, { apiKey: token }] } });
    // The JSON path the background will compute still points at the right element.
    expect(JSON.parse(serialisePruned(value)!).nested.list[2].apiKey).toBe(token);
  });

  it('never calls a getter, and survives getters and proxy traps that throw', () => {
    let calls = 0;
    const token = fakeOpaqueToken();
    const withGetter = { plain: token, get secret() {
      calls++;
      return fakeOpaqueToken();
    } };
    const hostile = new Proxy({}, {
      ownKeys() {
        throw new Error('no keys for you');
      },
    });
    const lyingProxy = new Proxy({ a: token }, {
      getOwnPropertyDescriptor() {
        throw new Error('nope');
      },
    });
    expect(pruneForScan({ withGetter, hostile, lyingProxy })).toEqual({ withGetter: { plain: token } });
    expect(calls).toBe(0);
  });

  it('cuts cycles and stops at the depth limit', () => {
    const token = fakeOpaqueToken();
    const cyclic: Record<string, unknown> = { token };
    cyclic.self = cyclic;
    expect(pruneForScan(cyclic)).toEqual({ token });
    let deep: Record<string, unknown> = { token };
    for (let i = 0; i < 50; i++) deep = { next: deep };
    expect(pruneForScan(deep)).toBeUndefined();
    expect(pruneForScan(deep, { ...DEFAULT_PRUNE_LIMITS, maxDepth: 60 })).toBeDefined();
  });

  it('bounds nodes, characters, keys per object and array items', () => {
    const many = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, `value-number-${i}`]));
    const stats: PruneStats = { nodes: 0 };
    const pruned = pruneForScan(many, { ...DEFAULT_PRUNE_LIMITS, maxNodes: 100 }, stats) as Record<string, string>;
    expect(Object.keys(pruned).length).toBeLessThanOrEqual(100);
    expect(stats.nodes).toBeLessThanOrEqual(101);
    const big = Array.from({ length: 1000 }, () => 'x'.repeat(1000));
    expect(JSON.stringify(pruneForScan(big, { ...DEFAULT_PRUNE_LIMITS, maxChars: 10_000 })).length).toBeLessThan(12_000);
    expect((pruneForScan(big) as unknown[]).length).toBe(DEFAULT_PRUNE_LIMITS.maxArrayItems);
    const huge = 'y'.repeat(DEFAULT_PRUNE_LIMITS.maxStringLength * 2);
    expect((pruneForScan({ huge }) as { huge: string }).huge).toHaveLength(DEFAULT_PRUNE_LIMITS.maxStringLength);
  });

  it('reads Maps and Sets, skips binary data, dates, DOM nodes and functions', () => {
    const token = fakeOpaqueToken();
    const value = {
      map: new Map<unknown, unknown>([['accessToken', token], [{}, 'object keys are dropped']]),
      set: new Set(['short', token]),
      bytes: new Uint8Array(64),
      buffer: new ArrayBuffer(16),
      when: new Date(),
      node: document.createElement('div'),
      fn() {},
    };
    expect(pruneForScan(value)).toEqual({ map: { accessToken: token }, set: [null, token] });
  });

  it('keeps a key named __proto__ as data instead of changing the copy\'s prototype', () => {
    const token = fakeOpaqueToken();
    const value = JSON.parse(`{"__proto__": {"token": "${token}"}}`) as object;
    const pruned = pruneForScan(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(pruned)).toBeNull();
    expect(Object.keys(pruned)).toEqual(['__proto__']);
    expect(JSON.parse(JSON.stringify(pruned))).toEqual({ ['__proto__']: { token } });
  });

  it('serialises to the same JSON as JSON.stringify, with keys, positions, escapes and __proto__', () => {
    const token = fakeOpaqueToken();
    const value = JSON.parse(`{"a":{"list":[1,"${token}",{"k\\"ey":"quote \\" and \\u2028 line"}]},"__proto__":{"t":"${token}"}}`) as object;
    const text = serialisePruned(value)!;
    expect(text).toBe(JSON.stringify(pruneForScan(value)));
    expect(JSON.parse(text)).toEqual({ a: { list: [null, token, { 'k"ey': 'quote " and \u2028 line' }] }, ['__proto__']: { t: token } });
  });

  it('is not rewritten by a toJSON the page put on Array.prototype or Object.prototype (as Prototype.js did)', () => {
    const token = fakeOpaqueToken();
    const { result, calls } = withPageToJson(() => serialisePruned({ keys: [{ apiKey: token }], nested: { list: ['padding', token] } }));
    expect(result).toBe(`{"keys":[{"apiKey":"${token}"}],"nested":{"list":["padding","${token}"]}}`);
    expect(calls).toBe(0);
  });

  it('serialises strings as they are and nothing-left as undefined', () => {
    expect(serialisePruned('short')).toBeUndefined();
    expect(serialisePruned('a long enough string')).toBe('a long enough string');
    expect(serialisePruned({ n: 1, b: false })).toBeUndefined();
    expect(serialisePruned(null)).toBeUndefined();
  });
});

describe('plainJson (probe reports)', () => {
  it('writes plain data exactly as JSON.stringify does: numbers, booleans, null, undefined members and holes', () => {
    const report = {
      kind: 'requests',
      payload: [
        { api: 'fetch', url: 'https://api.example.test/v1?q="x"\n', status: 200, ratio: 0.5, negative: -3, passwordField: true, secure: false, gone: undefined, body: null },
        { api: 'xhr', headers: [['authorization', 'Bearer \u2028 token']], notANumber: Number.NaN, infinite: Number.POSITIVE_INFINITY, method: () => 'GET' },
        [undefined, 1, 'two'],
      ],
    };
    expect(plainJson(report)).toBe(JSON.stringify(report));
    expect(JSON.parse(plainJson(report))).toEqual(JSON.parse(JSON.stringify(report)));
  });

  it('is not rewritten by a toJSON the page put on Array.prototype or Object.prototype', () => {
    const token = fakeOpaqueToken();
    const { result, calls } = withPageToJson(() => plainJson({ kind: 'globals', payload: [['window.config', token]] }));
    expect(result).toBe(`{"kind":"globals","payload":[["window.config","${token}"]]}`);
    expect(calls).toBe(0);
  });
});

describe('dataProperty', () => {
  it('returns data values only', () => {
    let called = false;
    const object = { a: 'value', get b() {
      called = true;
      return 'getter';
    } };
    expect(dataProperty(object, 'a')).toBe('value');
    expect(dataProperty(object, 'b')).toBeUndefined();
    expect(dataProperty(object, 'missing')).toBeUndefined();
    expect(called).toBe(false);
  });
});
