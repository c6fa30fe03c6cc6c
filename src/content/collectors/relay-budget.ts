/**
 * How much the content script relays from the MAIN world to the background. The page owns the MAIN
 * world and can post as many forged probe reports as it likes; each one costs the background a
 * validation and a scan, and one worker serves every tab. A token bucket (reports and bytes) lets the
 * probe's own bursts through — its batched network reports at load, a globals round — and slows a
 * flood to a trickle.
 *
 * What the bucket refuses is held, newest kept, in a small bounded queue and relayed as the bucket
 * refills, newest first: the probe's own reports that arrive right after a burst of forged ones still
 * get through a few seconds later. Only what falls out of the queue is lost, and the caller says so
 * once, as a skip note, never silently.
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
  /** Refused reports held for later, at most this many and this many JSON characters. */
  maxHeld: 50,
  maxHeldBytes: 8 * 1024 * 1024,
} as const;

export interface RelayBudget {
  reports: number;
  bytes: number;
  /** When the bucket was last refilled (ms, any monotonic clock). */
  at: number;
}

export interface HeldReport {
  kind: string;
  /** The report's payload as JSON (what is relayed, and what its size is counted by). */
  json: string;
}

export interface HeldReports {
  /** Oldest first. */
  reports: HeldReport[];
  bytes: number;
}

export function newRelayBudget(now: number): RelayBudget {
  return { reports: RELAY_LIMITS.burstReports, bytes: RELAY_LIMITS.burstBytes, at: now };
}

export function newHeldReports(): HeldReports {
  return { reports: [], bytes: 0 };
}

/** Takes one report of `bytes` JSON characters from the budget; false when it is spent. */
export function spendRelay(budget: RelayBudget, bytes: number, now: number): boolean {
  const seconds = Math.max(0, now - budget.at) / 1000;
  budget.at = now;
  budget.reports = Math.min(RELAY_LIMITS.burstReports, budget.reports + seconds * RELAY_LIMITS.reportsPerSecond);
  budget.bytes = Math.min(RELAY_LIMITS.burstBytes, budget.bytes + seconds * RELAY_LIMITS.bytesPerSecond);
  if (budget.reports < 1 || budget.bytes < bytes) return false;
  budget.reports -= 1;
  budget.bytes -= bytes;
  return true;
}

/**
 * Holds a refused report; the oldest held ones make room (returned: they are lost). A report larger
 * than the whole queue is not held at all.
 */
export function holdReport(held: HeldReports, report: HeldReport): HeldReport[] {
  if (report.json.length > RELAY_LIMITS.maxHeldBytes) return [report];
  held.reports.push(report);
  held.bytes += report.json.length;
  const lost: HeldReport[] = [];
  while (held.reports.length > RELAY_LIMITS.maxHeld || held.bytes > RELAY_LIMITS.maxHeldBytes) {
    const oldest = held.reports.shift()!;
    held.bytes -= oldest.json.length;
    lost.push(oldest);
  }
  return lost;
}

/** The held reports the budget now allows, newest first; the rest stay held. */
export function releaseHeld(held: HeldReports, budget: RelayBudget, now: number): HeldReport[] {
  const released: HeldReport[] = [];
  while (held.reports.length > 0) {
    const newest = held.reports[held.reports.length - 1]!;
    if (!spendRelay(budget, newest.json.length, now)) break;
    held.reports.pop();
    held.bytes -= newest.json.length;
    released.push(newest);
  }
  return released;
}
