/**
 * How much the content script relays from the MAIN world to the background. The page owns the MAIN
 * world and can post as many forged probe reports as it likes; each one costs the background a
 * validation and a scan, and one worker serves every tab. A token bucket (reports and bytes) lets the
 * probe's own bursts through — its batched network reports at load, a globals round — and slows a
 * flood to a trickle. What is dropped is said once, as a skip note, never silently.
 *
 * Plain data plus functions, like the other collectors' state (one compile fewer in a fresh world).
 */
export const RELAY_LIMITS = {
  /** Reports a page may post at once: far above what the probe sends while a page loads. */
  burstReports: 500,
  reportsPerSecond: 5,
  /** JSON characters: a burst may carry the probe's response bodies (256 KB each) for a busy app. */
  burstBytes: 32 * 1024 * 1024,
  bytesPerSecond: 2 * 1024 * 1024,
} as const;

export interface RelayBudget {
  reports: number;
  bytes: number;
  /** When the bucket was last refilled (ms, any monotonic clock). */
  at: number;
  /** Reports dropped so far. */
  dropped: number;
}

export function newRelayBudget(now: number): RelayBudget {
  return { reports: RELAY_LIMITS.burstReports, bytes: RELAY_LIMITS.burstBytes, at: now, dropped: 0 };
}

/** Takes one report of `bytes` JSON characters from the budget; false (and counted) when it is spent. */
export function spendRelay(budget: RelayBudget, bytes: number, now: number): boolean {
  const seconds = Math.max(0, now - budget.at) / 1000;
  budget.at = now;
  budget.reports = Math.min(RELAY_LIMITS.burstReports, budget.reports + seconds * RELAY_LIMITS.reportsPerSecond);
  budget.bytes = Math.min(RELAY_LIMITS.burstBytes, budget.bytes + seconds * RELAY_LIMITS.bytesPerSecond);
  if (budget.reports < 1 || budget.bytes < bytes) {
    budget.dropped++;
    return false;
  }
  budget.reports -= 1;
  budget.bytes -= bytes;
  return true;
}
