import { describe, expect, it } from 'vitest';
import { badgeFor } from '../../src/background/badge.ts';
import { FindingsStore, MAX_FINDINGS_PER_TAB } from '../../src/background/findings-store.ts';
import type { Finding, Severity } from '../../src/shared/finding.ts';
import { FakeStorageArea } from '../support/fake-storage.ts';

function finding(fingerprint: string, severity: Severity = 'high'): Finding {
  return {
    ruleId: 'test-rule',
    title: 'Test',
    severity,
    source: 'request-url',
    location: { url: 'https://a.test/' },
    preview: 'tok…abcd',
    fingerprint,
    secretHash: fingerprint.padEnd(32, '0'),
    exposure: 'secret',
    verification: 'pattern',
    description: 'd',
    remediation: 'r',
  };
}

describe('FindingsStore', () => {
  it('loses no write when many adds race on a slow storage', async () => {
    const store = new FindingsStore(new FakeStorageArea(5));
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.add(7, [finding(`fp${i % 20}`)])));
    const record = await store.getTab(7);
    expect(record?.findings).toHaveLength(20);
    expect(record?.findings.reduce((sum, f) => sum + (f.count ?? 0), 0)).toBe(60);
  });
  it('merges repeats: count, last seen, and keeps the worse severity', async () => {
    let now = 1_000_000;
    const store = new FindingsStore(new FakeStorageArea(), () => new Date(now));
    await store.add(1, [finding('a', 'medium')]);
    now += 5000;
    await store.add(1, [finding('a', 'high')]);
    const [merged] = (await store.getTab(1))!.findings;
    expect(merged).toMatchObject({ count: 2, severity: 'high', firstSeen: new Date(1_000_000).toISOString(), lastSeen: new Date(1_005_000).toISOString(), tabId: 1 });
  });
  it('keeps tabs apart, resets on navigation and forgets closed tabs', async () => {
    const store = new FindingsStore(new FakeStorageArea());
    await store.add(1, [finding('a')]);
    await store.add(2, [finding('a')]);
    await store.resetTab(1, 'https://next.test/');
    expect((await store.getTab(1))?.findings).toEqual([]);
    expect((await store.getTab(2))?.findings).toHaveLength(1);
    await store.removeTab(2);
    expect(await store.getTab(2)).toBeUndefined();
  });
  it('caps a tab, evicting the least severe first, and counts what it evicted', async () => {
    const store = new FindingsStore(new FakeStorageArea());
    const many = Array.from({ length: MAX_FINDINGS_PER_TAB + 10 }, (_, i) => finding(`f${i}`, i < 10 ? 'critical' : 'low'));
    await store.add(3, many);
    const record = (await store.getTab(3))!;
    expect(record.findings).toHaveLength(MAX_FINDINGS_PER_TAB);
    expect(record.evicted).toBe(10);
    expect(record.findings.filter((f) => f.severity === 'critical')).toHaveLength(10);
  });
});

describe('badge', () => {
  it('counts medium and above, coloured by the worst', () => {
    expect(badgeFor([finding('a', 'low'), finding('b', 'info')]).text).toBe('');
    const state = badgeFor([finding('a', 'medium'), finding('b', 'critical'), finding('c', 'low')]);
    expect(state.text).toBe('2');
    expect(state.color).toBe('#b91c1c');
  });
});
