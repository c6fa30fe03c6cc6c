/**
 * IndexedDB: which databases and stores exist, and a bounded sample of records from each, as JSON
 * text (recordJson) for the background to scan with key paths
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

/**
 * A record as JSON text for the background to scan with key paths, or undefined when it holds no
 * string long enough to matter.
 *
 * Records read from IndexedDB are structured clones made in this isolated world, out of this world's
 * own objects: no page getter, Proxy or `toJSON` can be in them (those are the reasons prune.ts
 * exists, for the MAIN world's page objects). So the native JSON.stringify is safe here, and it costs
 * the page less than the walker: no per-node JavaScript, and no compile of the walker in this fresh
 * world, which on a page with a few small records was most of the sample's cost (the callback that
 * writes the demo's records went from 0.8–1.4 ms to 0.5–0.6 ms in traced loads). The replacer
 * keeps what JSON would lose (Map and Set entries) and drops binary data. The bounded walker is the
 * fallback, for a cycle (JSON.stringify throws), a value nested too deep for the stack, or text past
 * the limit.
 */
export function recordJson(value: unknown): string | undefined {
  if (typeof value !== 'string') {
    try {
      sawLongString = false;
      const text = JSON.stringify(value, clonedDataOnly);
      if (text === undefined || !sawLongString) return undefined;
      if (text.length <= RECORD_PRUNE_LIMITS.maxChars) return text;
    } catch {
      // A cycle, or too deep: the walker cuts both.
    }
  }
  return serialisePruned(value, RECORD_PRUNE_LIMITS);
}

/** Set by clonedDataOnly: the value being written holds a string long enough to be a credential. */
let sawLongString = false;

/** JSON.stringify replacer for structured clones: Maps as objects (string and number keys), Sets as arrays, no binary. */
function clonedDataOnly(_key: string, value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.length >= RECORD_PRUNE_LIMITS.minStringLength) sawLongString = true;
    return value;
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Map) {
    const entries: Record<string, unknown> = Object.create(null);
    for (const [key, item] of value) if (typeof key === 'string' || typeof key === 'number') entries[key] = item;
    return entries;
  }
  if (value instanceof Set) return Array.from(value);
  if (value instanceof ArrayBuffer || ArrayBuffer.isView(value) || (typeof Blob === 'function' && value instanceof Blob)) return undefined;
  return value;
}

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
 *
 * Few functions on purpose: V8 compiles each one the first time it runs in the page's fresh isolated
 * world, and for a handful of small records that compile is most of the cost. One watchdog timer is
 * re-armed for each step (listing, then each database); callbacks of a step that was given up on are
 * recognised by its number and ignored.
 */
export function sampleIndexedDbInto(factory: IndexedDbFactoryLike | undefined, onDone: (sample: IndexedDbSample) => void): void {
  const sample: IndexedDbSample = { records: [], skipped: [] };
  if (!factory || typeof factory.databases !== 'function') {
    onDone(sample);
    return;
  }
  let names: string[] = [];
  let index = 0;
  let chars = 0;
  /** The step now running: 0 while listing, then one per database; NaN once finished (matches nothing). */
  let step = 0;
  let connection: IDBDatabase | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;

  /** Ends the current step (closing our connection, so the page's upgrades never wait on us) and starts the next. */
  const next = (): void => {
    if (Number.isNaN(step)) return;
    clearTimeout(watchdog);
    connection?.close();
    connection = undefined;
    if (index >= names.length) {
      step = NaN;
      onDone(sample);
      return;
    }
    const current = ++step;
    const name = names[index++]!;
    watchdog = setTimeout(next, INDEXEDDB_LIMITS.timeoutMs);
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      next();
      return;
    }
    // Only happens when the database does not exist (any more): do not create it.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onblocked = request.onerror = () => {
      if (current === step) next();
    };
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      if (current !== step) {
        db.close(); // Too late: this database was given up on already.
        return;
      }
      connection = db;
      try {
        const stores = Array.from(db.objectStoreNames);
        if (stores.length > INDEXEDDB_LIMITS.maxStoresPerDatabase) {
          sample.skipped.push({ what: `indexeddb ${db.name}`, reason: `only ${INDEXEDDB_LIMITS.maxStoresPerDatabase} of ${stores.length} object stores sampled` });
          stores.length = INDEXEDDB_LIMITS.maxStoresPerDatabase;
        }
        if (stores.length === 0) {
          next();
          return;
        }
        const transaction = db.transaction(stores, 'readonly');
        const reads = stores.map((store) => {
          const objectStore = transaction.objectStore(store);
          return { store, values: objectStore.getAll(null, INDEXEDDB_LIMITS.maxRecordsPerStore), keys: objectStore.getAllKeys(null, INDEXEDDB_LIMITS.maxRecordsPerStore) };
        });
        let pending = reads.length * 2;
        const arrived = () => {
          if (--pending > 0 || current !== step) return;
          for (const { store, values, keys } of reads) {
            const records = values.result as unknown[];
            for (let at = 0; at < records.length && sample.records.length < INDEXEDDB_LIMITS.maxRecords && chars < INDEXEDDB_LIMITS.maxTotalChars; at++) {
              const text = recordJson(records[at]);
              if (text === undefined) continue;
              chars += text.length;
              sample.records.push({ database: name.slice(0, 200), store: store.slice(0, 200), key: formatKey(keys.result[at]), value: text });
            }
          }
          next();
        };
        for (const { values, keys } of reads) values.onsuccess = keys.onsuccess = arrived;
        transaction.onerror = transaction.onabort = () => {
          if (current === step) next();
        };
      } catch {
        next();
      }
    };
  };

  watchdog = setTimeout(next, INDEXEDDB_LIMITS.timeoutMs);
  factory.databases().then((databases) => {
    if (step !== 0) return; // Listing took too long: already finished.
    names = databases.map((info) => info.name).filter((name): name is string => typeof name === 'string');
    if (names.length > INDEXEDDB_LIMITS.maxDatabases) {
      sample.skipped.push({ what: 'indexeddb', reason: `only ${INDEXEDDB_LIMITS.maxDatabases} of ${names.length} databases sampled` });
      names = names.slice(0, INDEXEDDB_LIMITS.maxDatabases);
    }
    next();
  }, next);
}

/** The same as a promise (for callers that do not care where the work is attributed, and tests). */
export function sampleIndexedDb(factory: IndexedDbFactoryLike | undefined): Promise<IndexedDbSample> {
  return new Promise((resolve) => sampleIndexedDbInto(factory, resolve));
}
