/**
 * The relay budget for MAIN-world reports: the probe's own bursts pass, a page's flood of forged
 * reports is slowed to the refill rate, and what the budget refuses waits in a bounded queue (newest
 * kept, released newest first) instead of being lost outright.
 */
import { describe, expect, it } from 'vitest';
import { holdReport, newHeldReports, newRelayBudget, RELAY_LIMITS, releaseHeld, spendRelay } from '../../src/content/collectors/relay-budget.ts';

describe('relay budget', () => {
  it('lets a full burst through at once, then refuses until time refills it', () => {
    const budget = newRelayBudget(0);
    let passed = 0;
    for (let i = 0; i < RELAY_LIMITS.burstReports * 10; i++) if (spendRelay(budget, 100, 0)) passed++;
    expect(passed).toBe(RELAY_LIMITS.burstReports);
    // One second later: the refill rate's worth, no more.
    let later = 0;
    for (let i = 0; i < 100; i++) if (spendRelay(budget, 100, 1000)) later++;
    expect(later).toBe(RELAY_LIMITS.reportsPerSecond);
  });

  it('bounds bytes as well as reports: large reports run out the byte budget first', () => {
    const budget = newRelayBudget(0);
    const size = 2 * 1024 * 1024;
    let passed = 0;
    for (let i = 0; i < 100; i++) if (spendRelay(budget, size, 0)) passed++;
    expect(passed).toBe(RELAY_LIMITS.burstBytes / size);
    expect(budget.reports).toBeGreaterThan(RELAY_LIMITS.burstReports / 2); // reports were not what ran out
    expect(spendRelay(budget, 10, 0)).toBe(false);
    expect(spendRelay(budget, size, 1000)).toBe(true); // a second refills bytesPerSecond (= one more)
    expect(spendRelay(budget, size, 1000)).toBe(false);
  });

  it('never refills beyond the burst, however long the page was quiet', () => {
    const budget = newRelayBudget(0);
    spendRelay(budget, 1, 0);
    let passed = 0;
    for (let i = 0; i < RELAY_LIMITS.burstReports * 2; i++) if (spendRelay(budget, 1, 3_600_000)) passed++;
    expect(passed).toBe(RELAY_LIMITS.burstReports);
  });

  it('a clock that goes backwards refills nothing', () => {
    const budget = newRelayBudget(10_000);
    for (let i = 0; i < RELAY_LIMITS.burstReports; i++) spendRelay(budget, 1, 10_000);
    expect(spendRelay(budget, 1, 5_000)).toBe(false);
  });
});

describe('held reports', () => {
  const report = (n: number, size = 10) => ({ kind: 'globals', json: `${n}`.padEnd(size, '.') });

  it('keeps the newest, says which fell out, and releases newest first as the budget refills', () => {
    const budget = newRelayBudget(0);
    while (spendRelay(budget, 1, 0));
    const held = newHeldReports();
    const lost = [];
    for (let i = 0; i < RELAY_LIMITS.maxHeld + 30; i++) lost.push(...holdReport(held, report(i)));
    expect(lost.map((entry) => Number.parseInt(entry.json, 10))).toEqual(Array.from({ length: 30 }, (_, i) => i));
    expect(held.reports).toHaveLength(RELAY_LIMITS.maxHeld);
    expect(releaseHeld(held, budget, 0)).toEqual([]); // nothing to spend yet
    const released = releaseHeld(held, budget, 1000);
    const newest = RELAY_LIMITS.maxHeld + 29;
    expect(released.map((entry) => Number.parseInt(entry.json, 10))).toEqual(Array.from({ length: RELAY_LIMITS.reportsPerSecond }, (_, i) => newest - i));
    expect(held.reports).toHaveLength(RELAY_LIMITS.maxHeld - RELAY_LIMITS.reportsPerSecond);
  });

  it('bounds the held bytes, and does not hold a report larger than the whole queue', () => {
    const held = newHeldReports();
    const big = Math.floor(RELAY_LIMITS.maxHeldBytes / 3) + 1;
    expect(holdReport(held, report(1, big))).toEqual([]);
    expect(holdReport(held, report(2, big))).toEqual([]);
    expect(holdReport(held, report(3, big)).map((entry) => entry.json[0])).toEqual(['1']);
    expect(held.bytes).toBe(2 * big);
    const huge = report(4, RELAY_LIMITS.maxHeldBytes + 1);
    expect(holdReport(held, huge)).toEqual([huge]);
    expect(held.reports.map((entry) => entry.json[0])).toEqual(['2', '3']);
  });
});
