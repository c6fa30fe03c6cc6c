/**
 * Findings per tab in `storage.session` (memory-only, cleared when the browser closes; the service
 * worker itself is stopped when idle, so state cannot live in variables). Listeners run concurrently,
 * so every read-modify-write goes through one queue, or writes get lost (PLATFORM.md).
 *
 * Only redacted findings are ever stored: the type has no field for a raw value.
 */
import { severityRank, type Finding } from '../shared/finding.ts';
import { moreSevere } from '../engine/severity.ts';

/** The subset of `storage.session` the store needs; tests pass a fake. */
export interface StorageAreaLike {
  get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

export interface SkippedResource {
  url: string;
  reason: string;
}

export interface TabRecord {
  tabId: number;
  /** Redacted URL of the top-level page. */
  pageUrl: string;
  findings: Finding[];
  /** Findings evicted by the cap, so the UI can say "N more". */
  evicted: number;
  /** Resources not scanned, with why (too large, fetch failed): never silent. */
  skipped: SkippedResource[];
  updatedAt: string;
}

/** Per-tab cap; beyond it the least severe, oldest findings are evicted (and counted). */
export const MAX_FINDINGS_PER_TAB = 500;
const MAX_SKIPPED_PER_TAB = 100;
const KEY_PREFIX = 'tab:';

export class FindingsStore {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly area: StorageAreaLike,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Runs `task` after every earlier write has finished. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async read(tabId: number): Promise<TabRecord | undefined> {
    const key = `${KEY_PREFIX}${tabId}`;
    const stored = await this.area.get(key);
    return stored[key] as TabRecord | undefined;
  }

  private async write(record: TabRecord): Promise<void> {
    record.updatedAt = this.now().toISOString();
    await this.area.set({ [`${KEY_PREFIX}${record.tabId}`]: record });
  }

  private empty(tabId: number, pageUrl: string): TabRecord {
    return { tabId, pageUrl, findings: [], evicted: 0, skipped: [], updatedAt: this.now().toISOString() };
  }

  /** A new top-level page in the tab: forget the old page's findings. */
  resetTab(tabId: number, pageUrl: string): Promise<void> {
    return this.serialized(() => this.write(this.empty(tabId, pageUrl)));
  }

  removeTab(tabId: number): Promise<void> {
    return this.serialized(() => this.area.remove(`${KEY_PREFIX}${tabId}`));
  }

  /** Adds findings, merging repeats by fingerprint (count, last seen). Returns the tab's record. */
  add(tabId: number, findings: readonly Finding[], pageUrl?: string): Promise<TabRecord> {
    return this.serialized(async () => {
      const record = (await this.read(tabId)) ?? this.empty(tabId, pageUrl ?? '');
      if (!record.pageUrl && pageUrl) record.pageUrl = pageUrl;
      const seenAt = this.now().toISOString();
      const byFingerprint = new Map(record.findings.map((finding) => [finding.fingerprint, finding]));
      for (const incoming of findings) {
        const existing = byFingerprint.get(incoming.fingerprint);
        if (existing) {
          existing.count = (existing.count ?? 1) + 1;
          existing.lastSeen = seenAt;
          existing.severity = moreSevere(existing.severity, incoming.severity);
          continue;
        }
        const stored: Finding = { ...incoming, tabId, firstSeen: seenAt, lastSeen: seenAt, count: 1 };
        if (record.pageUrl) stored.pageUrl = record.pageUrl;
        byFingerprint.set(stored.fingerprint, stored);
        record.findings.push(stored);
      }
      if (record.findings.length > MAX_FINDINGS_PER_TAB) {
        // Keep the most severe; among equals, the most recent.
        record.findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
        record.evicted += record.findings.length - MAX_FINDINGS_PER_TAB;
        record.findings.length = MAX_FINDINGS_PER_TAB;
      }
      await this.write(record);
      return record;
    });
  }

  noteSkipped(tabId: number, skipped: SkippedResource): Promise<void> {
    return this.serialized(async () => {
      const record = (await this.read(tabId)) ?? this.empty(tabId, '');
      if (record.skipped.some((entry) => entry.url === skipped.url)) return;
      if (record.skipped.length < MAX_SKIPPED_PER_TAB) record.skipped.push(skipped);
      await this.write(record);
    });
  }

  getTab(tabId: number): Promise<TabRecord | undefined> {
    return this.serialized(() => this.read(tabId));
  }

  allTabs(): Promise<TabRecord[]> {
    return this.serialized(async () => {
      const everything = await this.area.get(null);
      return Object.entries(everything)
        .filter(([key]) => key.startsWith(KEY_PREFIX))
        .map(([, value]) => value as TabRecord)
        .sort((a, b) => a.tabId - b.tabId);
    });
  }
}
