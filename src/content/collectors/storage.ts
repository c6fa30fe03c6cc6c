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

/** Storage can throw on access (sandboxed frames, storage disabled, opaque origins). */
export function safeStorage(scope: Window, name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return scope[name];
  } catch {
    return undefined;
  }
}

export class StorageDiff {
  /** Last value handed over per key (kept to compare; never leaves the page). */
  private readonly last = new Map<string, string>();
  private readonly reportedOversize = new Set<string>();

  constructor(private readonly area: 'localStorage' | 'sessionStorage') {}

  changes(storage: Storage | undefined): StorageChanges {
    const entries: [string, string][] = [];
    const skipped: SnapshotSkip[] = [];
    if (!storage) return { entries, skipped };
    try {
      const length = storage.length;
      const count = Math.min(length, STORAGE_LIMITS.maxKeys);
      for (let index = 0; index < count; index++) {
        const key = storage.key(index);
        if (key === null) continue;
        const value = storage.getItem(key);
        if (value === null || this.last.get(key) === value) continue;
        if (value.length > STORAGE_LIMITS.maxValueLength || key.length > SNAPSHOT_LIMITS.maxLabelLength) {
          if (!this.reportedOversize.has(key)) {
            this.reportedOversize.add(key);
            skipped.push({ what: `${this.area} ${key.slice(0, 200)}`, reason: `too large (${value.length} characters)` });
          }
          continue;
        }
        // Keys come and go on some sites; forgetting everything now and then only costs one resend.
        if (this.last.size >= STORAGE_LIMITS.maxKeys * 2) this.last.clear();
        this.last.set(key, value);
        entries.push([key, value]);
      }
      if (length > STORAGE_LIMITS.maxKeys && !this.reportedOversize.has('\u0000keys')) {
        this.reportedOversize.add('\u0000keys');
        skipped.push({ what: this.area, reason: `only the first ${STORAGE_LIMITS.maxKeys} of ${length} keys are read` });
      }
    } catch {
      // Storage went away mid-read (quota, permissions): what was read so far is still good.
    }
    return { entries, skipped };
  }
}

/**
 * `document.cookie` split into pairs, handing over only pairs that are new or changed. The string is
 * small (browsers cap cookies at ~4 KB each) and reading it is one call per pass. (The async Cookie
 * Store API avoids that call's round trip to the browser, but setting it up in the content script's
 * fresh world cost more main-thread CPU than the reads it saved, measured with the page-load bench.)
 */
export class CookieDiff {
  private lastString = '';
  private readonly last = new Map<string, string>();

  changes(cookieString: string): string {
    if (cookieString === this.lastString) return '';
    this.lastString = cookieString;
    const changed: string[] = [];
    for (const part of cookieString.split(';')) {
      const separator = part.indexOf('=');
      if (separator <= 0) continue;
      const name = part.slice(0, separator).trim();
      const value = part.slice(separator + 1).trim();
      if (this.last.get(name) === value) continue;
      if (this.last.size >= 1000) this.last.clear();
      this.last.set(name, value);
      changed.push(`${name}=${value}`);
    }
    return changed.join('; ');
  }
}

export function readCookies(doc: Document): string {
  try {
    return doc.cookie;
  } catch {
    // Sandboxed documents throw on document.cookie.
    return '';
  }
}
