/**
 * Findings per tab in `storage.session` (memory-only, cleared when the browser closes; the service
 * worker itself is stopped when idle, so state cannot live only in variables). Listeners run
 * concurrently, so every read-modify-write goes through one queue, or writes get lost (PLATFORM.md).
 *
 * Writes are batched. Serialising a full tab record (up to 500 findings) costs milliseconds, and a page
 * load delivers findings in bursts of separate events, so writing per add spent most of the store's time
 * rewriting the same record. Instead the store keeps every tab it has touched in memory (authoritative
 * from then on: this store is the only writer of its keys), serves reads from there, so a read right after
 * an add sees it, and writes each changed tab at most once per FLUSH_DELAY_MS.
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

/**
 * How long a change may wait in memory before it is written. Counted from the first unwritten change,
 * not reset by later ones, so a steady stream of findings cannot postpone the write indefinitely.
 *
 * Why a finding cannot be lost to the worker being stopped: Chrome stops an MV3 service worker only
 * after ~30 s without events or extension API calls (Firefox's event page likewise after an idle
 * period), and every add is the tail of an event being handled, so a 50 ms timer fires long before the
 * worker can be considered idle. The cases where the worker dies sooner (browser shutdown, extension
 * reload or update, a crash) also clear `storage.session`, so an earlier write would not have kept the
 * finding either.
 */
export const FLUSH_DELAY_MS = 50;

export interface FindingsStoreOptions {
  /** Default FLUSH_DELAY_MS. */
  flushDelayMs?: number;
}

/**
 * A copy of a record for callers: its own arrays, so the store's later adds, evictions and sorts do
 * not change what a caller already holds. Findings are shared but never mutated by the store after they
 * are handed out (a repeat replaces the object, see mergeRepeat).
 */
function snapshot(record: TabRecord): TabRecord {
  return { ...record, findings: [...record.findings], skipped: [...record.skipped] };
}

/**
 * The browser's own copy of a finding the page reported: what it says (severity, details, label gone)
 * rests on the browser's observation; when, where and how often it was seen stay the stored copy's,
 * apart from what the caller passes.
 */
function browserCopy(existing: Finding, incoming: Finding, seenAt: string, count: number): Finding {
  const confirmed: Finding = { ...incoming, tabId: existing.tabId, firstSeen: existing.firstSeen, lastSeen: seenAt, count };
  if (existing.pageUrl === undefined) delete confirmed.pageUrl;
  else confirmed.pageUrl = existing.pageUrl;
  delete confirmed.reportedByPage;
  return confirmed;
}

/**
 * A repeat of a stored finding (same fingerprint). Counts the sighting; beyond that, what the finding
 * says rests on the browser's own observation whenever there is one: a finding the page's MAIN world
 * reported (`reportedByPage`, which the page can forge) that the browser then saw itself is replaced by
 * the browser's copy, label dropped; a page report of something the browser already saw only counts.
 * Between two copies from the same side, the worse severity wins.
 */
function mergeRepeat(existing: Finding, incoming: Finding, seenAt: string): Finding {
  const count = (existing.count ?? 1) + 1;
  const existingFromPage = existing.reportedByPage === true;
  const incomingFromPage = incoming.reportedByPage === true;
  if (existingFromPage && !incomingFromPage) return browserCopy(existing, incoming, seenAt, count);
  const severity = !existingFromPage && incomingFromPage ? existing.severity : moreSevere(existing.severity, incoming.severity);
  return { ...existing, count, lastSeen: seenAt, severity };
}

export class FindingsStore {
  private queue: Promise<unknown> = Promise.resolve();
  /** Tabs read or changed since the worker started; for these, memory is newer than storage. */
  private readonly cache = new Map<number, TabRecord>();
  /** Every stored tab is in `cache`: storage need not be read again. */
  private loadedAll = false;
  /** Tabs changed in memory and not yet written. */
  private readonly dirty = new Set<number>();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  private writing = 0;
  private readonly flushDelayMs: number;

  constructor(
    private readonly area: StorageAreaLike,
    private readonly now: () => Date = () => new Date(),
    options: FindingsStoreOptions = {},
  ) {
    this.flushDelayMs = options.flushDelayMs ?? FLUSH_DELAY_MS;
  }

  /** Runs `task` after every earlier task (and write) has finished. */
  private serialized<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The tab's live record (only inside a serialized task), loaded from storage the first time. */
  private async load(tabId: number): Promise<TabRecord | undefined> {
    const cached = this.cache.get(tabId);
    if (cached || this.loadedAll) return cached;
    const key = `${KEY_PREFIX}${tabId}`;
    const stored = (await this.area.get(key))[key] as TabRecord | undefined;
    if (stored) this.cache.set(tabId, stored);
    return stored;
  }

  private empty(tabId: number, pageUrl: string): TabRecord {
    return { tabId, pageUrl, findings: [], evicted: 0, skipped: [], updatedAt: this.now().toISOString() };
  }

  /** Records a change made in memory and makes sure a write follows within the flush delay. */
  private changed(record: TabRecord): void {
    record.updatedAt = this.now().toISOString();
    this.cache.set(record.tabId, record);
    this.dirty.add(record.tabId);
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      // A failed write leaves its tabs dirty for the next one; readers are served from memory meanwhile.
      this.flush().catch(() => undefined);
    }, this.flushDelayMs);
  }

  /** Writes every changed tab now, in one `set`. Resolves once storage has them. */
  flush(): Promise<void> {
    if (this.flushTimer !== undefined) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    this.writing++;
    return this.serialized(async () => {
      if (this.dirty.size === 0) return;
      const tabIds = [...this.dirty];
      const items: Record<string, TabRecord> = {};
      for (const tabId of tabIds) items[`${KEY_PREFIX}${tabId}`] = this.cache.get(tabId)!;
      this.dirty.clear();
      try {
        // Inside the queue, so nothing changes the records while the real storage serialises them.
        await this.area.set(items);
      } catch (error) {
        for (const tabId of tabIds) this.dirty.add(tabId);
        throw error;
      }
    }).finally(() => this.writing--);
  }

  /**
   * Whether a write is scheduled or running (automation waits for this before "settled"). Tabs whose
   * write failed stay dirty but do not count: they go out with the next change's write, and a storage
   * that keeps failing (quota) must not keep automation waiting forever; reads come from memory anyway.
   */
  hasPendingWrites(): boolean {
    return this.flushTimer !== undefined || this.writing > 0;
  }

  /** A new top-level page in the tab: forget the old page's findings. */
  resetTab(tabId: number, pageUrl: string): Promise<void> {
    return this.serialized(async () => this.changed(this.empty(tabId, pageUrl)));
  }

  removeTab(tabId: number): Promise<void> {
    return this.serialized(async () => {
      this.cache.delete(tabId);
      this.dirty.delete(tabId);
      await this.area.remove(`${KEY_PREFIX}${tabId}`);
    });
  }

  /** Adds findings, merging repeats by fingerprint (count, last seen). Returns the tab's record. */
  add(tabId: number, findings: readonly Finding[], pageUrl?: string): Promise<TabRecord> {
    return this.serialized(async () => {
      const record = (await this.load(tabId)) ?? this.empty(tabId, pageUrl ?? '');
      if (!record.pageUrl && pageUrl) record.pageUrl = pageUrl;
      const seenAt = this.now().toISOString();
      const indexOf = new Map(record.findings.map((finding, index) => [finding.fingerprint, index]));
      for (const incoming of findings) {
        const index = indexOf.get(incoming.fingerprint);
        if (index !== undefined) {
          record.findings[index] = mergeRepeat(record.findings[index]!, incoming, seenAt);
          continue;
        }
        const stored: Finding = { ...incoming, tabId, firstSeen: seenAt, lastSeen: seenAt, count: 1 };
        if (record.pageUrl) stored.pageUrl = record.pageUrl;
        indexOf.set(stored.fingerprint, record.findings.length);
        record.findings.push(stored);
      }
      if (record.findings.length > MAX_FINDINGS_PER_TAB) {
        // Keep the most severe; among equals, the most recent.
        record.findings.sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || (b.lastSeen ?? '').localeCompare(a.lastSeen ?? ''));
        record.evicted += record.findings.length - MAX_FINDINGS_PER_TAB;
        record.findings.length = MAX_FINDINGS_PER_TAB;
      }
      this.changed(record);
      return snapshot(record);
    });
  }

  /**
   * The browser saw, itself, requests whose findings the page hook had already reported (see
   * network/cross-source.ts): the request was counted when the page's copy was added, so `add` would
   * count it twice. Each stored page-reported finding with a confirmation's fingerprint is replaced by
   * the browser's copy, count unchanged. Nothing else changes: a confirmation never adds a finding (the
   * tab was reset, or the page's copy was evicted or never stored) and never touches one the browser
   * already saw; a copy still labelled `reportedByPage` confirms nothing. Returns the tab's record when
   * a finding was upgraded (the badge may need repainting), undefined when nothing changed.
   */
  confirm(tabId: number, findings: readonly Finding[]): Promise<TabRecord | undefined> {
    return this.serialized(async () => {
      const browserSeen = new Map(findings.filter((finding) => finding.reportedByPage !== true).map((finding) => [finding.fingerprint, finding]));
      if (browserSeen.size === 0) return undefined;
      const record = await this.load(tabId);
      if (!record) return undefined;
      const seenAt = this.now().toISOString();
      let upgraded = false;
      record.findings.forEach((existing, index) => {
        const incoming = existing.reportedByPage === true ? browserSeen.get(existing.fingerprint) : undefined;
        if (!incoming) return;
        record.findings[index] = browserCopy(existing, incoming, seenAt, existing.count ?? 1);
        upgraded = true;
      });
      if (!upgraded) return undefined;
      // Same batching as `add`: served from memory at once, written within the flush delay.
      this.changed(record);
      return snapshot(record);
    });
  }

  noteSkipped(tabId: number, skipped: SkippedResource): Promise<void> {
    return this.serialized(async () => {
      const record = (await this.load(tabId)) ?? this.empty(tabId, '');
      if (record.skipped.length >= MAX_SKIPPED_PER_TAB || record.skipped.some((entry) => entry.url === skipped.url)) return;
      record.skipped.push(skipped);
      this.changed(record);
    });
  }

  getTab(tabId: number): Promise<TabRecord | undefined> {
    return this.serialized(async () => {
      const record = await this.load(tabId);
      return record && snapshot(record);
    });
  }

  allTabs(): Promise<TabRecord[]> {
    return this.serialized(async () => {
      if (!this.loadedAll) {
        // Once per worker lifetime: tabs stored before the worker (re)started.
        const everything = await this.area.get(null);
        for (const [key, value] of Object.entries(everything)) {
          const record = value as TabRecord;
          if (key.startsWith(KEY_PREFIX) && !this.cache.has(record.tabId)) this.cache.set(record.tabId, record);
        }
        this.loadedAll = true;
      }
      return [...this.cache.values()].map(snapshot).sort((a, b) => a.tabId - b.tabId);
    });
  }
}
