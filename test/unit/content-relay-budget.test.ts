/**
 * The relay budget for MAIN-world reports: the probe's own bursts pass, a page's flood of forged
 * reports is slowed to the refill rate, and every drop is counted.
 */
import { describe, expect, it } from 'vitest';
import { newRelayBudget, RELAY_LIMITS, spendRelay } from '../../src/content/collectors/relay-budget.ts';

describe('relay budget', () => {
  it('lets a full burst through at once, then refuses until time refills it', () => {
    const budget = newRelayBudget(0);
    let passed = 0;
    for (let i = 0; i < RELAY_LIMITS.burstReports * 10; i++) if (spendRelay(budget, 100, 0)) passed++;
    expect(passed).toBe(RELAY_LIMITS.burstReports);
    expect(budget.dropped).toBe(RELAY_LIMITS.burstReports * 9);
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
