/**
 * Web storage and JS-readable cookies, copied as they are (the background parses JSON values and
 * scans them with key paths). Each collector remembers what it last handed over and returns only
 * what is new or changed, so it can run again cheaply — after load, on a slow timer, after user
 * interaction, on `storage` events — and catch tokens written after load without resending the rest.
 *
 * Why a diff and not a hook on Storage.prototype.setItem: a hook lives in the page's own world, where
 * the page can remove or fool it, and it misses `localStorage.token = …`, `clear()` followed by
 * writes, and writes from other tabs. Reading storage from the isolated world sees every write
 * whatever API made it, costs tens of microseconds for typical stores, and needs no MAIN-world code.
 */
import type { SnapshotSkip } from '../../shared/messages.ts';
import { SNAPSHOT_LIMITS } from '../../shared/messages.ts';

export const STORAGE_LIMITS = {
  maxKeys: SNAPSHOT_LIMITS.maxEntries,
  maxValueLength: SNAPSHOT_LIMITS.maxValueLength,
} as const;

export interface StorageChanges {
  entries: [string, string][];
  skipped: SnapshotSkip[];
}

/**
 * What one storage area's reads remember between passes: the last value handed over per key (kept to
 * compare; never leaves the page) and the oversized keys already reported. Plain data and functions,
 * not classes: each class costs the page a constructor compile in the content script's fresh world.
 */
export interface StorageMemory {
  readonly area: 'localStorage' | 'sessionStorage';
  readonly last: Map<string, string>;
  readonly reportedOversize: Set<string>;
}

export function newStorageMemory(area: StorageMemory['area']): StorageMemory {
  return { area, last: new Map(), reportedOversize: new Set() };
}

/**
 * The entries of `scope[memory.area]` that are new or changed since the last call. Storage can throw
 * on access (sandboxed frames, storage disabled, opaque origins) or go away mid-read (quota,
 * permissions): what was read so far is still good.
 */
export function storageChanges(memory: StorageMemory, scope: Partial<Record<StorageMemory['area'], Storage>>): StorageChanges {
  const entries: [string, string][] = [];
  const skipped: SnapshotSkip[] = [];
  const { area, last, reportedOversize } = memory;
  try {
    const storage = scope[area];
    if (!storage) return { entries, skipped };
    const length = storage.length;
    const count = Math.min(length, STORAGE_LIMITS.maxKeys);
    for (let index = 0; index < count; index++) {
      const key = storage.key(index);
      if (key === null) continue;
      const value = storage.getItem(key);
      if (value === null || last.get(key) === value) continue;
      if (value.length > STORAGE_LIMITS.maxValueLength || key.length > SNAPSHOT_LIMITS.maxLabelLength) {
        if (!reportedOversize.has(key)) {
          reportedOversize.add(key);
          skipped.push({ what: `${area} ${key.slice(0, 200)}`, reason: `too large (${value.length} characters)` });
        }
        continue;
      }
      // Keys come and go on some sites; forgetting everything now and then only costs one resend.
      if (last.size >= STORAGE_LIMITS.maxKeys * 2) last.clear();
      last.set(key, value);
      entries.push([key, value]);
    }
    if (length > STORAGE_LIMITS.maxKeys && !reportedOversize.has('\u0000keys')) {
      reportedOversize.add('\u0000keys');
      skipped.push({ what: area, reason: `only the first ${STORAGE_LIMITS.maxKeys} of ${length} keys are read` });
    }
  } catch {
    // Keep what was read.
  }
  return { entries, skipped };
}

/** What the cookie reads remember between passes. */
export interface CookieMemory {
  lastString: string;
  readonly last: Map<string, string>;
}

export function newCookieMemory(): CookieMemory {
  return { lastString: '', last: new Map() };
}

/**
 * `document.cookie` split into pairs, handing over only pairs that are new or changed (empty when
 * nothing is, or when the document throws: sandboxed documents do). The string is small (browsers cap
 * cookies at ~4 KB each) and reading it is one call per pass. (The async Cookie Store API avoids that
 * call's round trip to the browser, but setting it up in the content script's fresh world cost more
 * main-thread CPU than the reads it saved, measured with the page-load bench.)
 */
export function cookieChanges(memory: CookieMemory, doc: Pick<Document, 'cookie'>): string {
  let cookieString: string;
  try {
    cookieString = doc.cookie;
  } catch {
    return '';
  }
  if (cookieString === memory.lastString) return '';
  memory.lastString = cookieString;
  const { last } = memory;
  const changed: string[] = [];
  for (const part of cookieString.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    const name = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (last.get(name) === value) continue;
    if (last.size >= 1000) last.clear();
    last.set(name, value);
    changed.push(`${name}=${value}`);
  }
  return changed.join('; ');
}
