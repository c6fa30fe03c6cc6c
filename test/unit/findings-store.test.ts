import { afterEach, describe, expect, it, vi } from 'vitest';
import { badgeFor } from '../../src/background/badge.ts';
import { FindingsStore, FLUSH_DELAY_MS, MAX_FINDINGS_PER_TAB, type TabRecord } from '../../src/background/findings-store.ts';
import type { Finding, Severity } from '../../src/shared/finding.ts';
import { FakeStorageArea } from '../support/fake-storage.ts';

/** Counts `set` calls and the tab keys they wrote: what batching is meant to reduce. */
class CountingArea extends FakeStorageArea {
  sets = 0;
  keysWritten: string[] = [];
  override async set(items: Record<string, unknown>) {
    this.sets++;
    this.keysWritten.push(...Object.keys(items));
    return super.set(items);
  }
  stored(tabId: number): TabRecord | undefined {
    return this.data.get(`tab:${tabId}`) as TabRecord | undefined;
  }
}

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
    const area = new FakeStorageArea(5);
    const store = new FindingsStore(area);
    await Promise.all(Array.from({ length: 60 }, (_, i) => store.add(7, [finding(`fp${i % 20}`)])));
    const record = await store.getTab(7);
    expect(record?.findings).toHaveLength(20);
    expect(record?.findings.reduce((sum, f) => sum + (f.count ?? 0), 0)).toBe(60);
    // And storage (what a restarted worker reads) ends up with the same.
    await store.flush();
    const restarted = await new FindingsStore(area).getTab(7);
    expect(restarted?.findings.reduce((sum, f) => sum + (f.count ?? 0), 0)).toBe(60);
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

describe('FindingsStore write batching', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('coalesces a burst of adds (separate events, several tabs) into one write, within the flush delay', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const area = new CountingArea();
    const store = new FindingsStore(area);
    // 40 findings arriving as 40 events 1 ms apart, alternating between two tabs.
    for (let i = 0; i < 40; i++) {
      void store.add(1 + (i % 2), [finding(`b${i}`)]);
      await vi.advanceTimersByTimeAsync(1);
    }
    expect(area.sets, 'nothing written before the delay').toBe(0);
    await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS);
    expect(area.sets).toBe(1); // was 40 when every add wrote its tab
    expect(area.keysWritten.sort()).toEqual(['tab:1', 'tab:2']);
    expect(area.stored(1)?.findings).toHaveLength(20);
    expect(area.stored(2)?.findings).toHaveLength(20);
    // Nothing changed since: no further write.
    await vi.advanceTimersByTimeAsync(10 * FLUSH_DELAY_MS);
    expect(area.sets).toBe(1);
  });

  it('a steady stream cannot postpone the write: each change is stored within the flush delay', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const area = new CountingArea();
    const store = new FindingsStore(area);
    void store.add(1, [finding('first')]);
    // One add every 10 ms, for twice the delay.
    for (let elapsed = 10; elapsed <= 2 * FLUSH_DELAY_MS; elapsed += 10) {
      await vi.advanceTimersByTimeAsync(10);
      if (elapsed >= FLUSH_DELAY_MS) expect(area.stored(1)?.findings.map((f) => f.fingerprint), `at ${elapsed} ms`).toContain('first');
      void store.add(1, [finding(`s${elapsed}`)]);
    }
    await vi.advanceTimersByTimeAsync(FLUSH_DELAY_MS);
    expect(area.stored(1)?.findings).toHaveLength(1 + (2 * FLUSH_DELAY_MS) / 10);
    expect(area.sets).toBe(3); // ~one per delay, against 11 adds
  });

  it('serves a read right after an add from memory, before anything is written', async () => {
    const area = new CountingArea();
    const store = new FindingsStore(area);
    const returned = await store.add(4, [finding('r1')], 'https://app.test/');
    expect(area.sets).toBe(0);
    expect(returned.findings.map((f) => f.fingerprint)).toEqual(['r1']);
    expect((await store.getTab(4))?.findings.map((f) => f.fingerprint)).toEqual(['r1']);
    expect((await store.allTabs()).map((tab) => [tab.tabId, tab.pageUrl, tab.findings.length])).toEqual([[4, 'https://app.test/', 1]]);
    await store.noteSkipped(4, { url: 'https://app.test/big.js', reason: 'too large' });
    expect((await store.getTab(4))?.skipped).toEqual([{ url: 'https://app.test/big.js', reason: 'too large' }]);
    expect(area.sets).toBe(0);
  });

  it('hands out snapshots: a record read earlier does not change under its holder', async () => {
    const store = new FindingsStore(new FakeStorageArea());
    await store.add(1, [finding('a', 'low')]);
    const before = (await store.getTab(1))!;
    await store.add(1, [finding('a', 'critical'), finding('b')]);
    expect(before.findings).toHaveLength(1);
    expect(before.findings[0]).toMatchObject({ count: 1, severity: 'low' });
    expect((await store.getTab(1))!.findings[0]).toMatchObject({ count: 2, severity: 'critical' });
  });

  it('a restarted worker finds what was written, and its tabs from storage, and keeps merging', async () => {
    const area = new CountingArea();
    const first = new FindingsStore(area);
    await first.add(1, [finding('a')], 'https://one.test/');
    await first.add(2, [finding('b')], 'https://two.test/');
    await first.flush();
    const second = new FindingsStore(area);
    expect((await second.allTabs()).map((tab) => tab.tabId)).toEqual([1, 2]);
    await second.add(1, [finding('a'), finding('c')]);
    expect((await second.getTab(1))!.findings.map((f) => [f.fingerprint, f.count])).toEqual([['a', 2], ['c', 1]]);
    await second.flush();
    expect(area.stored(1)!.findings.map((f) => [f.fingerprint, f.count])).toEqual([['a', 2], ['c', 1]]);
    expect(area.stored(2)!.findings).toHaveLength(1);
  });

  it('a tab removed before or while its write is pending is not written back', async () => {
    const area = new FakeStorageArea(5);
    const store = new FindingsStore(area);
    await store.add(1, [finding('a')]);
    await store.add(2, [finding('b')]);
    await store.removeTab(1); // before the write
    const writing = store.flush();
    await store.removeTab(2); // while it is in flight
    await writing;
    await new Promise((resolve) => setTimeout(resolve, 2 * FLUSH_DELAY_MS));
    expect(area.data.has('tab:1')).toBe(false);
    expect(area.data.has('tab:2')).toBe(false);
    expect(await store.allTabs()).toEqual([]);
    expect(store.hasPendingWrites()).toBe(false);
  });

  it('keeps the cap and the eviction count in what it writes', async () => {
    const area = new CountingArea();
    const store = new FindingsStore(area);
    for (let i = 0; i < MAX_FINDINGS_PER_TAB + 25; i++) void store.add(3, [finding(`c${i}`, i % 50 === 0 ? 'critical' : 'low')]);
    await store.flush();
    expect(area.sets).toBe(1);
    expect(area.stored(3)!.findings).toHaveLength(MAX_FINDINGS_PER_TAB);
    expect(area.stored(3)!.evicted).toBe(25);
    expect(area.stored(3)!.findings.filter((f) => f.severity === 'critical')).toHaveLength(11);
    expect(area.stored(3)).toEqual(await store.getTab(3));
  });

  it('reports pending writes until storage has them', async () => {
    const store = new FindingsStore(new FakeStorageArea(5));
    expect(store.hasPendingWrites()).toBe(false);
    await store.add(1, [finding('a')]);
    expect(store.hasPendingWrites()).toBe(true);
    const writing = store.flush();
    expect(store.hasPendingWrites()).toBe(true);
    await writing;
    expect(store.hasPendingWrites()).toBe(false);
  });

  it('retries a failed write with the next one, without holding "settled" meanwhile', async () => {
    const area = new CountingArea();
    const store = new FindingsStore(area);
    const realSet = area.set.bind(area);
    area.set = async () => {
      throw new Error('quota');
    };
    await store.add(1, [finding('a')]);
    await store.add(2, [finding('z')]);
    await expect(store.flush()).rejects.toThrow('quota');
    expect(store.hasPendingWrites()).toBe(false);
    expect((await store.getTab(1))!.findings).toHaveLength(1); // still served from memory
    area.set = realSet;
    await store.add(1, [finding('b')]);
    await new Promise((resolve) => setTimeout(resolve, 2 * FLUSH_DELAY_MS)); // the timer's write
    expect(area.stored(1)!.findings.map((f) => f.fingerprint)).toEqual(['a', 'b']);
    expect(area.stored(2)!.findings.map((f) => f.fingerprint)).toEqual(['z']); // unchanged since, written too
  });
});

/** A copy of a finding as the MAIN-world probe would report it. */
const fromPage = (f: Finding): Finding => ({ ...f, reportedByPage: true });

describe('FindingsStore merging what the page reported with what the browser saw', () => {
  it('drops the reportedByPage label once the browser saw the same finding, and takes the browser’s copy', async () => {
    let now = 2_000_000;
    const area = new CountingArea();
    const store = new FindingsStore(area, () => new Date(now));
    await store.add(1, [fromPage({ ...finding('x', 'medium'), details: { claimed: 'by page' } })], 'https://app.test/');
    expect((await store.getTab(1))!.findings[0]!.reportedByPage).toBe(true);
    now += 1000;
    await store.add(1, [{ ...finding('x', 'high'), details: { seen: 'by browser' } }]);
    const [merged] = (await store.getTab(1))!.findings;
    expect(merged).not.toHaveProperty('reportedByPage');
    expect(merged).toMatchObject({ count: 2, severity: 'high', details: { seen: 'by browser' }, firstSeen: new Date(2_000_000).toISOString(), lastSeen: new Date(2_001_000).toISOString(), tabId: 1, pageUrl: 'https://app.test/' });
    expect(merged!.details).not.toHaveProperty('claimed');
    // Also in what is written.
    await store.flush();
    expect(area.stored(1)!.findings[0]).not.toHaveProperty('reportedByPage');
  });

  it('drops the label when both copies arrive in the same batch', async () => {
    const store = new FindingsStore(new FakeStorageArea());
    await store.add(1, [fromPage(finding('x')), finding('x')]);
    const [merged] = (await store.getTab(1))!.findings;
    expect(merged).not.toHaveProperty('reportedByPage');
    expect(merged!.count).toBe(2);
  });

  it('keeps the label while only the page reported it', async () => {
    const store = new FindingsStore(new FakeStorageArea());
    await store.add(1, [fromPage(finding('x', 'medium'))]);
    await store.add(1, [fromPage(finding('x', 'high'))]);
    const [merged] = (await store.getTab(1))!.findings;
    expect(merged).toMatchObject({ reportedByPage: true, count: 2, severity: 'high' });
  });

  it('a page report of what the browser already saw only counts: no label, no severity from the page', async () => {
    const store = new FindingsStore(new FakeStorageArea());
    await store.add(1, [finding('x', 'medium')]);
    await store.add(1, [fromPage({ ...finding('x', 'critical'), details: { claimed: 'by page' } })]);
    const [merged] = (await store.getTab(1))!.findings;
    expect(merged).not.toHaveProperty('reportedByPage');
    expect(merged).toMatchObject({ count: 2, severity: 'medium' });
    expect(merged).not.toHaveProperty('details');
  });
});

describe('FindingsStore.confirm: the browser saw a request the page already reported (and that was counted)', () => {
  it('replaces the page’s copy with the browser’s without counting the request again', async () => {
    let now = 3_000_000;
    const area = new CountingArea();
    const store = new FindingsStore(area, () => new Date(now));
    await store.add(1, [fromPage({ ...finding('x', 'medium'), details: { claimed: 'by page' } }), fromPage(finding('other', 'low'))], 'https://app.test/');
    await store.flush();
    now += 1000;
    const record = await store.confirm(1, [{ ...finding('x', 'high'), details: { seen: 'by browser' } }]);
    const [confirmed, other] = (await store.getTab(1))!.findings;
    expect(record!.findings[0]).toEqual(confirmed);
    expect(confirmed).not.toHaveProperty('reportedByPage');
    expect(confirmed).toMatchObject({ count: 1, severity: 'high', details: { seen: 'by browser' }, firstSeen: new Date(3_000_000).toISOString(), lastSeen: new Date(3_001_000).toISOString(), tabId: 1, pageUrl: 'https://app.test/' });
    expect(confirmed!.details).not.toHaveProperty('claimed');
    expect(other).toMatchObject({ fingerprint: 'other', reportedByPage: true, count: 1 }); // not confirmed: untouched
    // Batched like every change: not written yet, written within the flush delay.
    expect(area.stored(1)!.findings[0]).toHaveProperty('reportedByPage', true);
    await new Promise((resolve) => setTimeout(resolve, 2 * FLUSH_DELAY_MS));
    expect(area.stored(1)!.findings[0]).not.toHaveProperty('reportedByPage');
    expect(area.stored(1)!.findings[0]!.count).toBe(1);
  });

  it('changes nothing for a finding not stored, one the browser already saw, or a copy from the page', async () => {
    const area = new CountingArea();
    const store = new FindingsStore(area);
    expect(await store.confirm(1, [finding('x')])).toBeUndefined(); // no such tab: nothing created
    expect(await store.getTab(1)).toBeUndefined();
    await store.add(1, [finding('seen', 'medium'), fromPage(finding('page', 'medium'))]);
    await store.flush();
    const before = (await store.getTab(1))!;
    expect(await store.confirm(1, [finding('unknown')])).toBeUndefined();
    expect(await store.confirm(1, [{ ...finding('seen', 'critical'), details: { seen: 'again' } }])).toBeUndefined();
    expect(await store.confirm(1, [fromPage(finding('page', 'critical'))])).toBeUndefined(); // the page cannot confirm itself
    const after = (await store.getTab(1))!;
    expect(after.findings).toEqual(before.findings);
    expect(after.findings.map((f) => f.fingerprint)).toEqual(['seen', 'page']);
    expect(store.hasPendingWrites()).toBe(false); // nothing changed, nothing to write
    // Confirmed once, then confirmed again: the second changes nothing either.
    expect(await store.confirm(1, [finding('page', 'high')])).toBeDefined();
    expect(await store.confirm(1, [finding('page', 'critical')])).toBeUndefined();
    expect((await store.getTab(1))!.findings[1]).toMatchObject({ count: 1, severity: 'high' });
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
