/** The content script's memory of what it already sent: repeats are dropped, and it stays bounded. */
import { describe, expect, it } from 'vitest';
import { firstTime, type SentMemo } from '../../src/content/collectors/memo.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';

describe('firstTime', () => {
  it('is true once per (kind, place, value) and false for repeats', () => {
    const memo: SentMemo = new Set();
    const token = fakeOpaqueToken();
    expect(firstTime(memo, 'indexeddb', 'app/tokens/k', token)).toBe(true);
    expect(firstTime(memo, 'indexeddb', 'app/tokens/k', token)).toBe(false);
    // Another place, another kind or a changed value is new.
    expect(firstTime(memo, 'indexeddb', 'app/tokens/other', token)).toBe(true);
    expect(firstTime(memo, 'probe:globals', 'app/tokens/k', token)).toBe(true);
    expect(firstTime(memo, 'indexeddb', 'app/tokens/k', `${token}x`)).toBe(true);
  });

  it('tells long values apart by their ends and length without keeping them whole', () => {
    const memo: SentMemo = new Set();
    const long = 'a'.repeat(10_000);
    expect(firstTime(memo, 'k', 'p', long)).toBe(true);
    expect(firstTime(memo, 'k', 'p', `${long}b`)).toBe(true);
    expect(firstTime(memo, 'k', 'p', `b${long.slice(1)}`)).toBe(true);
    expect(Math.max(...[...memo].map((id) => id.length))).toBeLessThan(200);
  });

  it('forgets the oldest past its bound, so at worst one repeat is sent again', () => {
    const memo: SentMemo = new Set();
    for (let i = 0; i < 4; i++) expect(firstTime(memo, 'k', `place-${i}`, 'value-123', 3)).toBe(true);
    expect(memo.size).toBe(3);
    expect(firstTime(memo, 'k', 'place-3', 'value-123', 3)).toBe(false);
    expect(firstTime(memo, 'k', 'place-0', 'value-123', 3)).toBe(true);
  });
});
