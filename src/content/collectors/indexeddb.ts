/**
 * IndexedDB: which databases and stores exist, and a bounded sample of records from each, serialised
 * (strings and the keys leading to them, see prune.ts) for the background to scan with key paths
 * (`acme-cache/tokens/session` → `$.refresh_token`).
 *
 * Being a polite guest in the page's database matters more than completeness:
 * - it runs late and lazily (the caller schedules it after load, on idle), and all reads are async;
 * - a database that vanished between `databases()` and `open()` would be created by `open()`: the
 *   upgrade is aborted instead, so the page never finds an empty database it did not make;
 * - our connection closes as soon as the sample is read, and at once on `versionchange`, so the
 *   page's own upgrades are never blocked by us;
 * - one short read-only transaction per database, `getAll` with a count; every step has a timeout.
 */
import type { IndexedDbRecord, SnapshotSkip } from '../../shared/messages.ts';
import { SNAPSHOT_LIMITS } from '../../shared/messages.ts';
import { DEFAULT_PRUNE_LIMITS, serialisePruned, type PruneLimits } from './prune.ts';

export const INDEXEDDB_LIMITS = {
  maxDatabases: 20,
  maxStoresPerDatabase: 30,
  maxRecordsPerStore: 25,
  maxRecords: SNAPSHOT_LIMITS.maxIndexedDbRecords,
  maxTotalChars: 4 * 1024 * 1024,
  /** Per database: open, read, close. */
  timeoutMs: 3000,
} as const;

const RECORD_PRUNE_LIMITS: PruneLimits = { ...DEFAULT_PRUNE_LIMITS, maxChars: SNAPSHOT_LIMITS.maxIndexedDbValueLength };

/** The parts of IDBFactory used here (a fake in tests). */
export interface IndexedDbFactoryLike {
  databases?(): Promise<{ name?: string; version?: number }[]>;
  open(name: string): IDBOpenDBRequest;
}

export interface IndexedDbSample {
  records: IndexedDbRecord[];
  skipped: SnapshotSkip[];
}

/** A primary key for display: strings as they are, numbers and dates as text, arrays joined. */
export function formatKey(key: unknown, depth = 0): string {
  if (typeof key === 'string') return key.slice(0, 200);
  if (typeof key === 'number') return String(key);
  if (key instanceof Date) return Number.isNaN(key.getTime()) ? 'Invalid Date' : key.toISOString();
  if (Array.isArray(key) && depth < 3) return `[${key.slice(0, 10).map((part) => formatKey(part, depth + 1)).join(',')}]`;
  if (key instanceof ArrayBuffer || ArrayBuffer.isView(key)) return `<binary ${key.byteLength} bytes>`;
  return '?';
}

/**
 * Samples every database this origin has (bounded) and calls `onDone` once, never throwing. Written
 * with event handlers rather than async/await: records are copied inside IndexedDB's own success
 * callbacks, so their main-thread cost is attributed to this script by browser tracing (see
 * schedule.ts); only the `databases()` promise resolves in a microtask, and it just opens the first
 * database.
 */
export function sampleIndexedDbInto(factory: IndexedDbFactoryLike | undefined, onDone: (sample: IndexedDbSample) => void): void {
  const sample: IndexedDbSample = { records: [], skipped: [] };
  if (!factory || typeof factory.databases !== 'function') {
    onDone(sample);
    return;
  }
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    onDone(sample);
  };
  const listTimer = setTimeout(finish, INDEXEDDB_LIMITS.timeoutMs);
  let names: string[] = [];
  let next = 0;
  let chars = 0;

  const openNext = (): void => {
    if (finished) return;
    if (next >= names.length) {
      finish();
      return;
    }
    const name = names[next++]!;
    let settled = false;
    let db: IDBDatabase | undefined;
    // One outcome per database: done, failed or timed out, whichever comes first.
    const settle = () => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      db?.close();
      return true;
    };
    const timer = setTimeout(() => {
      if (settle()) openNext();
    }, INDEXEDDB_LIMITS.timeoutMs);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      if (settle()) openNext();
      return;
    }
    request.onupgradeneeded = () => {
      // Only happens when the database does not exist (any more): do not create it.
      request.transaction?.abort();
    };
    request.onblocked = () => {
      if (settle()) openNext();
    };
    request.onerror = () => {
      if (settle()) openNext();
    };
    request.onsuccess = () => {
      const opened = request.result;
      // Closing at once on versionchange keeps the page's own upgrades from ever waiting on us.
      opened.onversionchange = () => opened.close();
      if (settled) {
        // Too late: we gave up on this one already.
        opened.close();
        return;
      }
      db = opened;
      try {
        readStores(opened, () => {
          if (settle()) openNext();
        });
      } catch {
        if (settle()) openNext();
      }
    };
  };

  const readStores = (db: IDBDatabase, then: () => void): void => {
    const storeNames = Array.from(db.objectStoreNames).slice(0, INDEXEDDB_LIMITS.maxStoresPerDatabase);
    if (db.objectStoreNames.length > storeNames.length) {
      sample.skipped.push({ what: `indexeddb ${db.name}`, reason: `only ${storeNames.length} of ${db.objectStoreNames.length} object stores sampled` });
    }
    if (storeNames.length === 0) {
      then();
      return;
    }
    const transaction = db.transaction(storeNames, 'readonly');
    let pending = storeNames.length;
    for (const storeName of storeNames) {
      const store = transaction.objectStore(storeName);
      const values = store.getAll(null, INDEXEDDB_LIMITS.maxRecordsPerStore);
      const keys = store.getAllKeys(null, INDEXEDDB_LIMITS.maxRecordsPerStore);
      let arrived = 0;
      const both = () => {
        if (++arrived < 2) return;
        copyRecords(db.name, storeName, values.result as unknown[], keys.result);
        if (--pending === 0) then();
      };
      values.onsuccess = both;
      keys.onsuccess = both;
    }
    transaction.onerror = () => then();
    transaction.onabort = () => then();
  };

  const copyRecords = (database: string, store: string, values: unknown[], keys: IDBValidKey[]): void => {
    values.forEach((value, index) => {
      if (sample.records.length >= INDEXEDDB_LIMITS.maxRecords || chars >= INDEXEDDB_LIMITS.maxTotalChars) return;
      const text = serialisePruned(value, RECORD_PRUNE_LIMITS);
      if (text === undefined) return;
      chars += text.length;
      sample.records.push({ database: database.slice(0, 200), store: store.slice(0, 200), key: formatKey(keys[index]), value: text });
    });
  };

  factory.databases().then(
    (databases) => {
      clearTimeout(listTimer);
      names = databases.map((info) => info.name).filter((name): name is string => typeof name === 'string');
      if (names.length > INDEXEDDB_LIMITS.maxDatabases) {
        sample.skipped.push({ what: 'indexeddb', reason: `only ${INDEXEDDB_LIMITS.maxDatabases} of ${names.length} databases sampled` });
        names = names.slice(0, INDEXEDDB_LIMITS.maxDatabases);
      }
      openNext();
    },
    () => {
      clearTimeout(listTimer);
      finish();
    },
  );
}

/** The same as a promise (for callers that do not care where the work is attributed, and tests). */
export function sampleIndexedDb(factory: IndexedDbFactoryLike | undefined): Promise<IndexedDbSample> {
  return new Promise((resolve) => sampleIndexedDbInto(factory, resolve));
}
