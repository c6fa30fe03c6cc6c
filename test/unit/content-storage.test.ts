// @vitest-environment happy-dom
/**
 * Web storage and cookie collectors: everything on the first run, then only what is new or changed,
 * so late writes (a sign-in, a token refresh) are caught by running again without resending the rest.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { CookieDiff, readCookies, safeStorage, STORAGE_LIMITS, StorageDiff } from '../../src/content/collectors/storage.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('StorageDiff', () => {
  it('hands over every key first, then only keys written or changed since', () => {
    const diff = new StorageDiff('localStorage');
    localStorage.setItem('theme', 'dark');
    localStorage.setItem('auth.session', JSON.stringify({ accessToken: fakeJwt({ sub: 'u' }) }));
    expect(diff.changes(localStorage).entries.map(([key]) => key).sort()).toEqual(['auth.session', 'theme']);
    expect(diff.changes(localStorage).entries).toEqual([]);

    // A token written after load (property assignment, not setItem: the diff sees any API).
    const refresh = fakeOpaqueToken();
    (localStorage as unknown as Record<string, string>)['acme.refresh'] = refresh;
    localStorage.setItem('theme', 'light');
    expect(diff.changes(localStorage).entries.sort()).toEqual([
      ['acme.refresh', refresh],
      ['theme', 'light'],
    ]);
    // Same value written again: nothing new.
    localStorage.setItem('theme', 'light');
    expect(diff.changes(localStorage).entries).toEqual([]);
  });

  it('reports an oversized value once as skipped and never copies it', () => {
    const diff = new StorageDiff('sessionStorage');
    const huge = 'x'.repeat(STORAGE_LIMITS.maxValueLength + 1);
    const fake = fakeStorage([['big', huge], ['small', 'value-1234']]);
    const first = diff.changes(fake);
    expect(first.entries).toEqual([['small', 'value-1234']]);
    expect(first.skipped).toEqual([{ what: 'sessionStorage big', reason: `too large (${huge.length} characters)` }]);
    expect(diff.changes(fake).skipped).toEqual([]);
  });

  it('says when a store has more keys than it reads', () => {
    const entries = Array.from({ length: STORAGE_LIMITS.maxKeys + 5 }, (_, i) => [`k${i}`, `value-${i}`] as [string, string]);
    const result = new StorageDiff('localStorage').changes(fakeStorage(entries));
    expect(result.entries).toHaveLength(STORAGE_LIMITS.maxKeys);
    expect(result.skipped[0]!.reason).toMatch(/only the first 2000 of 2005 keys/);
  });

  it('survives storage that throws, and missing storage', () => {
    const throwing = { get length(): number {
      throw new Error('SecurityError');
    } } as unknown as Storage;
    expect(new StorageDiff('localStorage').changes(throwing)).toEqual({ entries: [], skipped: [] });
    expect(new StorageDiff('localStorage').changes(undefined)).toEqual({ entries: [], skipped: [] });
    const denied = Object.defineProperty({}, 'localStorage', { get() {
      throw new Error('denied');
    } }) as Window;
    expect(safeStorage(denied, 'localStorage')).toBeUndefined();
    expect(safeStorage(window, 'sessionStorage')).toBe(sessionStorage);
  });
});

describe('CookieDiff', () => {
  it('hands over new and changed cookies only', () => {
    const diff = new CookieDiff();
    const jwt = fakeJwt({ sub: 'u' });
    expect(diff.changes(`theme=dark; session_token=${jwt}`)).toBe(`theme=dark; session_token=${jwt}`);
    expect(diff.changes(`theme=dark; session_token=${jwt}`)).toBe('');
    expect(diff.changes(`theme=light; session_token=${jwt}; lang=en`)).toBe('theme=light; lang=en');
    expect(diff.changes('=odd; noequals; theme=light')).toBe('');
  });

  it('reads document.cookie, and nothing when it throws', () => {
    document.cookie = 'visible=yes';
    expect(readCookies(document)).toContain('visible=yes');
    const sandboxed = Object.defineProperty({}, 'cookie', { get() {
      throw new Error('sandboxed');
    } }) as Document;
    expect(readCookies(sandboxed)).toBe('');
  });
});

function fakeStorage(entries: [string, string][]): Storage {
  const map = new Map(entries);
  const keys = [...map.keys()];
  return {
    get length() {
      return keys.length;
    },
    key: (index: number) => keys[index] ?? null,
    getItem: (key: string) => map.get(key) ?? null,
  } as Storage;
}
