/**
 * IndexedDB sampling against a small fake of the IDB API: databases, stores and a bounded sample of
 * records with their keys; a database that vanished is not re-created; our connection never stays
 * open to block the page; a stuck database is given up on.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatKey, INDEXEDDB_LIMITS, recordJson, sampleIndexedDb, type IndexedDbFactoryLike } from '../../src/content/collectors/indexeddb.ts';
import { SNAPSHOT_LIMITS } from '../../src/shared/messages.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';

type Records = { key: unknown; value: unknown }[];

interface FakeDbState {
  stores: Record<string, Records>;
  closed: boolean;
  connection?: { onversionchange: (() => void) | null };
}

/** Just enough of IDBFactory for the sampler; events fire asynchronously, as in browsers. */
function fakeFactory(databases: Record<string, FakeDbState>, options: { listed?: string[]; hang?: Set<string> } = {}) {
  const aborted: string[] = [];
  const later = (fn: () => void) => setTimeout(fn, 0);
  const request = <T>(result: () => T) => {
    const req: { onsuccess: (() => void) | null; onerror: (() => void) | null; result?: T } = { onsuccess: null, onerror: null };
    later(() => {
      req.result = result();
      req.onsuccess?.();
    });
    return req;
  };
  const factory = {
    databases: async () => (options.listed ?? Object.keys(databases)).map((name) => ({ name, version: 1 })),
    open(name: string) {
      const req: Record<string, unknown> = { onsuccess: null, onerror: null, onupgradeneeded: null, onblocked: null };
      if (options.hang?.has(name)) return req;
      const state = databases[name];
      later(() => {
        if (!state) {
          // Opening a missing database would create it: the sampler must abort the upgrade.
          req.transaction = { abort: () => aborted.push(name) };
          (req.onupgradeneeded as () => void)?.();
          req.error = new Error('AbortError');
          (req.onerror as () => void)?.();
          return;
        }
        const connection = {
          name,
          objectStoreNames: Object.keys(state.stores),
          onversionchange: null as (() => void) | null,
          close: () => void (state.closed = true),
          transaction: (names: string[]) => ({
            objectStore: (store: string) => {
              expect(names).toContain(store);
              const records = state.stores[store]!;
              return {
                getAll: (_query: null, count: number) => request(() => records.slice(0, count).map((r) => r.value)),
                getAllKeys: (_query: null, count: number) => request(() => records.slice(0, count).map((r) => r.key)),
              };
            },
          }),
        };
        state.connection = connection;
        req.result = connection;
        (req.onsuccess as () => void)?.();
      });
      return req;
    },
  };
  return { factory: factory as unknown as IndexedDbFactoryLike, aborted };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('sampleIndexedDb', () => {
  it('samples records of every store with database/store/key and the record as JSON, skipping records with no string long enough to matter', async () => {
    const refresh = fakeOpaqueToken(48);
    const db: FakeDbState = {
      stores: {
        tokens: [{ key: 'session', value: { id: 'session', refresh_token: refresh, token_type: 'Bearer', expires: 3600 } }],
        prefs: [{ key: 7, value: { theme: 'dark' } }, { key: 8, value: 42 }],
      },
      closed: false,
    };
    const { factory } = fakeFactory({ 'acme-cache': db });
    const { records, skipped } = await sampleIndexedDb(factory);
    expect(records).toEqual([{ database: 'acme-cache', store: 'tokens', key: 'session', value: JSON.stringify({ id: 'session', refresh_token: refresh, token_type: 'Bearer', expires: 3600 }) }]);
    expect(skipped).toEqual([]);
    expect(db.closed).toBe(true);
  });

  it('reads a bounded sample per store', async () => {
    const many: Records = Array.from({ length: 100 }, (_, i) => ({ key: i, value: { note: `record number ${i}` } }));
    const { factory } = fakeFactory({ big: { stores: { log: many }, closed: false } });
    const { records } = await sampleIndexedDb(factory);
    expect(records).toHaveLength(INDEXEDDB_LIMITS.maxRecordsPerStore);
    expect(records.at(-1)!.key).toBe(String(INDEXEDDB_LIMITS.maxRecordsPerStore - 1));
  });

  it('does not create a database that vanished between databases() and open()', async () => {
    const { factory, aborted } = fakeFactory({}, { listed: ['ghost'] });
    expect(await sampleIndexedDb(factory)).toEqual({ records: [], skipped: [] });
    expect(aborted).toEqual(['ghost']);
  });

  it('closes at once when the page wants to upgrade', async () => {
    const db: FakeDbState = { stores: { s: [] }, closed: false };
    const { factory } = fakeFactory({ app: db });
    await sampleIndexedDb(factory);
    db.closed = false;
    db.connection!.onversionchange!();
    expect(db.closed).toBe(true);
  });

  it('gives up on a database that never opens, and still samples the others', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const token = fakeOpaqueToken();
    const { factory } = fakeFactory({ stuck: { stores: {}, closed: false }, fine: { stores: { kv: [{ key: 'k', value: { token } }] }, closed: false } }, { hang: new Set(['stuck']) });
    const pending = sampleIndexedDb(factory);
    await vi.advanceTimersByTimeAsync(INDEXEDDB_LIMITS.timeoutMs + 100);
    const { records } = await pending;
    expect(records.map((record) => record.database)).toEqual(['fine']);
  });

  it('reports databases beyond its limit as skipped, and does nothing without databases()', async () => {
    const dbs = Object.fromEntries(Array.from({ length: INDEXEDDB_LIMITS.maxDatabases + 3 }, (_, i) => [`db${i}`, { stores: {}, closed: false }]));
    const { factory } = fakeFactory(dbs);
    const { skipped } = await sampleIndexedDb(factory);
    expect(skipped).toEqual([{ what: 'indexeddb', reason: `only ${INDEXEDDB_LIMITS.maxDatabases} of ${INDEXEDDB_LIMITS.maxDatabases + 3} databases sampled` }]);
    expect(await sampleIndexedDb({ open: factory.open } as IndexedDbFactoryLike)).toEqual({ records: [], skipped: [] });
    expect(await sampleIndexedDb(undefined)).toEqual({ records: [], skipped: [] });
  });
});

describe('recordJson', () => {
  it('keeps what structured clones hold beyond JSON (Map and Set entries) and drops binary data', () => {
    const token = fakeOpaqueToken();
    const value = {
      session: new Map<unknown, unknown>([
        ['access_token', token],
        [7, 'seventh entry'],
        [{ objectKey: true }, 'not addressable'],
      ]),
      scopes: new Set(['read:all', 'write:all']),
      avatar: new Uint8Array([1, 2, 3]),
      buffer: new ArrayBuffer(8),
      upload: new Blob(['file contents here']),
    };
    expect(JSON.parse(recordJson(value)!)).toEqual({ session: { access_token: token, 7: 'seventh entry' }, scopes: ['read:all', 'write:all'] });
  });

  it('falls back to the bounded walker for a cycle, a BigInt and text past the limit', () => {
    const token = fakeOpaqueToken();
    const cyclic: Record<string, unknown> = { auth: { refresh_token: token } };
    cyclic.self = cyclic;
    expect(JSON.parse(recordJson(cyclic)!)).toEqual({ auth: { refresh_token: token } });
    // JSON.stringify throws on a BigInt; the walker keeps the strings beside it.
    expect(JSON.parse(recordJson({ userId: 2n ** 70n, refresh_token: token })!)).toEqual({ refresh_token: token });

    const huge = { notes: Array.from({ length: 400 }, (_, i) => `${'n'.repeat(2000)} ${i}`), token };
    const text = recordJson(huge)!;
    expect(text.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.maxIndexedDbValueLength + 1024);
    expect(JSON.parse(text).notes.length).toBeLessThan(400);
  });

  it('returns nothing for a record without a string long enough to be a credential, and a string record as itself', () => {
    expect(recordJson({ theme: 'dark', count: 42, enabled: true })).toBeUndefined();
    expect(recordJson(42)).toBeUndefined();
    expect(recordJson(null)).toBeUndefined();
    expect(recordJson(undefined)).toBeUndefined();
    const token = fakeOpaqueToken();
    expect(recordJson(token)).toBe(token);
    expect(recordJson('short')).toBeUndefined();
  });
});

describe('formatKey', () => {
  it('formats every valid key type for display', () => {
    expect(formatKey('session')).toBe('session');
    expect(formatKey(42)).toBe('42');
    expect(formatKey(new Date(0))).toBe('1970-01-01T00:00:00.000Z');
    expect(formatKey(['user', 7])).toBe('[user,7]');
    expect(formatKey(new Uint8Array(4))).toBe('<binary 4 bytes>');
    expect(formatKey('k'.repeat(500))).toHaveLength(200);
  });
});
