/**
 * The same request can be seen twice: by webRequest in the background and by the page-side hook (which
 * exists for what webRequest cannot see: blocked mixed content, and headers on browsers that hide
 * them). Findings carry the same fingerprint from both, and the store would count the request twice.
 * This keeps, per tab and fingerprint, how often each side saw it recently, and lets a sighting through
 * only when its side has seen it more often than the other: a request both saw counts once, fifty
 * requests only one side saw count fifty.
 *
 * What the network drops is still news when the page saw the request first: the stored copy is the
 * page's (labelled "reported by the page", which the page can forge), and the browser has now seen the
 * request itself. Those sightings come back as confirmations, so the store can swap in the browser's
 * copy without counting the request a second time. The page side never confirms anything: a page
 * report adds nothing to what the browser saw.
 */
import type { Finding } from '../../shared/finding.ts';

export type Vantage = 'network' | 'page';

export interface CrossSourceResult {
  /** Sightings to add (and count): this side has seen the fingerprint more often than the other. */
  kept: Finding[];
  /**
   * Network sightings of requests the page already reported (and that were counted then): not to be
   * counted again, but they replace the page's copy. Always empty for the page side.
   */
  confirmations: Finding[];
}

interface Counts {
  network: number;
  page: number;
  at: number;
}

export class CrossSourceCounter {
  private readonly counts = new Map<string, Counts>();

  constructor(
    /** Sightings further apart than this are separate requests. */
    private readonly windowMs = 30_000,
    private readonly maxEntries = 5000,
    private readonly now: () => number = Date.now,
  ) {}

  keep(from: Vantage, tabId: number, findings: readonly Finding[]): CrossSourceResult {
    const result: CrossSourceResult = { kept: [], confirmations: [] };
    if (findings.length === 0) return result;
    const now = this.now();
    if (this.counts.size > this.maxEntries) this.prune(now);
    for (const finding of findings) {
      const key = `${tabId}\u0000${finding.fingerprint}`;
      let counts = this.counts.get(key);
      if (!counts || now - counts.at > this.windowMs) this.counts.set(key, (counts = { network: 0, page: 0, at: now }));
      counts.at = now;
      counts[from] += 1;
      if (counts[from] > counts[from === 'network' ? 'page' : 'network']) result.kept.push(finding);
      // Dropped on the network side means the page has seen it at least as often: the page got there first.
      else if (from === 'network') result.confirmations.push(finding);
    }
    return result;
  }

  /**
   * A tab navigated: the findings store cleared it, so earlier sightings must not make a new one look
   * like a repeat (a page-side report of the request that navigated would otherwise turn the browser's
   * own copy into a confirmation of a finding that is no longer stored, and it would be lost).
   */
  forgetTab(tabId: number): void {
    const prefix = `${tabId}\u0000`;
    for (const key of this.counts.keys()) if (key.startsWith(prefix)) this.counts.delete(key);
  }

  private prune(now: number): void {
    for (const [key, counts] of this.counts) if (now - counts.at > this.windowMs) this.counts.delete(key);
    // Still too many (a flood inside the window): drop the oldest half rather than grow without bound.
    if (this.counts.size > this.maxEntries) {
      let drop = this.counts.size - Math.floor(this.maxEntries / 2);
      for (const key of this.counts.keys()) {
        if (drop-- <= 0) break;
        this.counts.delete(key);
      }
    }
  }
}

/** One per service-worker lifetime, shared by the webRequest observers and the probe handlers. */
export const crossSource = new CrossSourceCounter();
