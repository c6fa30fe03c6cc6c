// @vitest-environment happy-dom
/**
 * Web storage and cookie collectors: everything on the first run, then only what is new or changed,
 * so late writes (a sign-in, a token refresh) are caught by running again without resending the rest.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { cookieChanges, newCookieMemory, newStorageMemory, STORAGE_LIMITS, storageChanges } from '../../src/content/collectors/storage.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';

beforeEach(() => {
  localStorage.clear();
  sessionStorage.clear();
});

describe('storageChanges', () => {
  it('hands over every key first, then only keys written or changed since', () => {
    const memory = newStorageMemory('localStorage');
    const diff = { changes: () => storageChanges(memory, window) };
    localStorage.setItem('theme', 'dark');
    localStorage.setItem('auth.session', JSON.stringify({ accessToken: fakeJwt({ sub: 'u' }) }));
    expect(diff.changes().entries.map(([key]) => key).sort()).toEqual(['auth.session', 'theme']);
    expect(diff.changes().entries).toEqual([]);

    // A token written after load (property assignment, not setItem: the diff sees any API).
    const refresh = fakeOpaqueToken();
    (localStorage as unknown as Record<string, string>)['acme.refresh'] = refresh;
    localStorage.setItem('theme', 'light');
    expect(diff.changes().entries.sort()).toEqual([
      ['acme.refresh', refresh],
      ['theme', 'light'],
    ]);
    // Same value written again: nothing new.
    localStorage.setItem('theme', 'light');
    expect(diff.changes().entries).toEqual([]);
  });

  it('reports an oversized value once as skipped and never copies it', () => {
    const memory = newStorageMemory('sessionStorage');
    const huge = 'x'.repeat(STORAGE_LIMITS.maxValueLength + 1);
    const fake = { sessionStorage: fakeStorage([['big', huge], ['small', 'value-1234']]) };
    const first = storageChanges(memory, fake);
    expect(first.entries).toEqual([['small', 'value-1234']]);
    expect(first.skipped).toEqual([{ what: 'sessionStorage big', reason: `too large (${huge.length} characters)` }]);
    expect(storageChanges(memory, fake).skipped).toEqual([]);
  });

  it('says when a store has more keys than it reads', () => {
    const entries = Array.from({ length: STORAGE_LIMITS.maxKeys + 5 }, (_, i) => [`k${i}`, `value-${i}`] as [string, string]);
    const result = storageChanges(newStorageMemory('localStorage'), { localStorage: fakeStorage(entries) });
    expect(result.entries).toHaveLength(STORAGE_LIMITS.maxKeys);
    expect(result.skipped[0]!.reason).toMatch(/only the first 2000 of 2005 keys/);
  });

  it('survives storage that throws, and missing storage', () => {
    const throwing = { get length(): number {
      throw new Error('SecurityError');
    } } as unknown as Storage;
    expect(storageChanges(newStorageMemory('localStorage'), { localStorage: throwing })).toEqual({ entries: [], skipped: [] });
    expect(storageChanges(newStorageMemory('localStorage'), {})).toEqual({ entries: [], skipped: [] });
    const denied = Object.defineProperty({}, 'localStorage', { get() {
      throw new Error('denied');
    } }) as Window;
    expect(storageChanges(newStorageMemory('localStorage'), denied)).toEqual({ entries: [], skipped: [] });
    sessionStorage.setItem('tab', 'value-1');
    expect(storageChanges(newStorageMemory('sessionStorage'), window).entries).toEqual([['tab', 'value-1']]);
  });
});

describe('cookieChanges', () => {
  it('hands over new and changed cookies only', () => {
    const memory = newCookieMemory();
    const diff = { changes: (cookie: string) => cookieChanges(memory, { cookie }) };
    const jwt = fakeJwt({ sub: 'u' });
    expect(diff.changes(`theme=dark; session_token=${jwt}`)).toBe(`theme=dark; session_token=${jwt}`);
    expect(diff.changes(`theme=dark; session_token=${jwt}`)).toBe('');
    expect(diff.changes(`theme=light; session_token=${jwt}; lang=en`)).toBe('theme=light; lang=en');
    expect(diff.changes('=odd; noequals; theme=light')).toBe('');
  });

  it('reads document.cookie, and nothing when it throws', () => {
    document.cookie = 'visible=yes';
    expect(cookieChanges(newCookieMemory(), document)).toContain('visible=yes');
    const sandboxed = Object.defineProperty({}, 'cookie', { get() {
      throw new Error('sandboxed');
    } }) as Document;
    expect(cookieChanges(newCookieMemory(), sandboxed)).toBe('');
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
