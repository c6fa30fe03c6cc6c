/**
 * The same request can be seen twice: by webRequest in the background and by the page-side hook (which
 * exists for what webRequest cannot see: blocked mixed content, and headers on browsers that hide
 * them). Findings carry the same fingerprint from both, and the store would count the request twice.
 * This keeps, per tab and fingerprint, how often each side saw it recently, and lets a sighting through
 * only when its side has seen it more often than the other: a request both saw counts once, fifty
 * requests only one side saw count fifty.
 */
import type { Finding } from '../../shared/finding.ts';

export type Vantage = 'network' | 'page';

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

  keep(from: Vantage, tabId: number, findings: readonly Finding[]): Finding[] {
    if (findings.length === 0) return [];
    const now = this.now();
    if (this.counts.size > this.maxEntries) this.prune(now);
    return findings.filter((finding) => {
      const key = `${tabId}\u0000${finding.fingerprint}`;
      let counts = this.counts.get(key);
      if (!counts || now - counts.at > this.windowMs) this.counts.set(key, (counts = { network: 0, page: 0, at: now }));
      counts.at = now;
      counts[from] += 1;
      return counts[from] > counts[from === 'network' ? 'page' : 'network'];
    });
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
