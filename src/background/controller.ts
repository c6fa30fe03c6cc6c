/**
 * The background's state machine, with every browser API passed in so glue tests can run it against
 * a fake browser: request observers and page snapshots produce findings, the store keeps them, the
 * badge shows them, extension pages ask for reports.
 */
import type { Finding } from '../shared/finding.ts';
import {
  type ClearFindingsRequest,
  type IgnoreRequest,
  type IgnoredFindingView,
  type SettingsChangedResponse,
  type SettingsResponse,
  type SettingsUpdateRequest,
  type TabStateRequest,
  type TabStateResponse,
  isExtensionPageRequest,
  isPageSnapshot,
  isProbeReport,
  type ErrorResponse,
  type ExtensionPageRequest,
  type FindingsResponse,
  type ReportResponse,
  type StatusResponse,
} from '../shared/messages.ts';
import { parseProbeReport } from '../shared/probe-protocol.ts';
import { createScanner, setActiveScanner } from '../engine/index.ts';
import { mergeByFingerprint } from '../engine/merge-findings.ts';
import { foldGlobalTwins } from '../engine/page-global-twins.ts';
import { redactUrl } from '../engine/inspectors/url.ts';
import { describeWhere, renderReport } from '../reports/index.ts';
import { paintBadge, type ActionLike } from './badge.ts';
import type { FindingsStore, TabRecord } from './findings-store.ts';
import { scanPageSnapshot, snapshotSkips, withMarkupRead } from './page-scan.ts';
import { handleProbeReport } from './probe-handlers.ts';
import type { RequestObserverSink } from './request-observer.ts';
import type { ScriptScanner } from './script-scan.ts';
import {
  activeRules,
  categorySummaries,
  hostMatches,
  ignoreFindingId,
  ignoreRuleId,
  isIgnored,
  isInScope,
  isRuleEnabled,
  isScopeUnrestricted,
  normalizeSitePattern,
  SettingsStore,
  siteOf,
  validateCategories,
  validateCustomRules,
  validateScope,
  withIgnoreEntry,
  withoutIgnoreEntry,
  withSiteIncluded,
  type Settings,
} from './settings.ts';

export interface SenderLike {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface ControllerDeps {
  store: FindingsStore;
  scripts: ScriptScanner;
  action: ActionLike;
  extensionId: string;
  /** The extension's own origin, e.g. `chrome-extension://<id>/`. */
  extensionOrigin: string;
  version: string;
  now?: () => number;
  /** Scope, categories, custom rules, ignore list. Default: in-memory defaults (every site, all rules). */
  settings?: SettingsStore;
  /** Open tabs at start-up, so scope is known for pages loaded before the worker (re)started. */
  listTabs?: () => Promise<{ id?: number; url?: string }[]>;
  /** How long a loading page's script scans wait for its first snapshot (default SCRIPT_SCAN_GRACE_MS). */
  scriptScanGraceMs?: number;
}

/**
 * Script scans of a loading page wait until it has loaded (its content script's first snapshot, sent
 * on idle after the load event), and at most this long after the navigation started: a page whose
 * load never ends, or that has no content script, is still scanned.
 */
export const SCRIPT_SCAN_GRACE_MS = 10_000;

/** A loading page: its script scans wait on `loaded` (holdScriptScans, pageLoaded). */
interface PageLoad {
  loaded: Promise<void>;
  release(): void;
}

/** What the scope gate needs to see of a webRequest event. */
export interface GatedRequestDetails {
  tabId: number;
  type: string;
  url: string;
  frameId?: number;
  initiator?: string;
}

export class BackgroundController implements RequestObserverSink {
  private pending = 0;
  /** Scripts already scanned for each tab since its last navigation (counts stay honest). */
  private readonly scriptsSeen = new Map<number, Set<string>>();
  private lastActivity: number;
  private readonly now: () => number;
  private readonly settings: SettingsStore;
  /**
   * tabId → URL of its top-level page (in memory only, never stored): request observers must decide
   * synchronously whether a tab is in scope. Fed by main-frame requests, tab updates and content
   * scripts; rebuilt from the open tabs when the worker starts.
   */
  private readonly topLevel = new Map<number, string>();
  /** Tabs whose findings were dropped because their site is out of scope (so it happens once). */
  private readonly outOfScope = new Set<number>();
  private rulesKey = '';
  /**
   * Tabs whose page is loading. Fetching and scanning a second copy of megabytes of bundles while the
   * page loads competes with it for cores and bandwidth. Measured on a 6.9 MB page (8 paired loads,
   * medians): 1.46 s without the extension, 1.63 s with scans during its load, 1.50 s with them held.
   * So script scans of a loading page wait until it has loaded.
   */
  private readonly pageLoads = new Map<number, PageLoad>();
  /** Settings loaded and open tabs known: until then the scope gate holds webRequest events. */
  readonly ready: Promise<void>;
  private isReadyFlag = false;

  constructor(private readonly deps: ControllerDeps) {
    this.now = deps.now ?? Date.now;
    this.lastActivity = this.now();
    this.settings = deps.settings ?? SettingsStore.inMemory();
    this.settings.subscribe((settings) => this.applySettings(settings));
    const tabsKnown = (deps.listTabs?.() ?? Promise.resolve([]))
      .then((tabs) => {
        for (const tab of tabs) if (tab.id !== undefined && tab.url && !this.topLevel.has(tab.id)) this.topLevel.set(tab.id, tab.url);
      })
      .catch(() => undefined);
    this.ready = Promise.all([this.settings.ready, tabsKnown]).then(() => {
      this.isReadyFlag = true;
      this.applySettings(this.settings.current());
    });
  }

  isReady(): boolean {
    return this.isReadyFlag;
  }

  // --- Scope ---------------------------------------------------------------------------------------

  /** Whether the tab's top-level site is scanned. Unknown tabs are scanned only when every site is. */
  isTabInScope(tabId: number, hintUrl?: string): boolean {
    const url = this.topLevel.get(tabId) ?? hintUrl;
    const settings = this.settings.current();
    return url === undefined ? isScopeUnrestricted(settings) : isInScope(url, settings);
  }

  /** The tab shows a new top-level URL (navigation, history API, content script): re-decide scope. */
  noteTopLevel(tabId: number, url: string): void {
    if (tabId < 0 || !url) return;
    this.topLevel.set(tabId, url);
    this.reconcileScope(tabId);
  }

  /** Drops what was kept for a tab whose site just left scope; clears the mark when it is back. */
  private reconcileScope(tabId: number): void {
    if (this.isTabInScope(tabId)) {
      this.outOfScope.delete(tabId);
      return;
    }
    if (this.outOfScope.has(tabId)) return;
    this.outOfScope.add(tabId);
    this.scriptsSeen.delete(tabId);
    void this.track(this.deps.store.removeTab(tabId).then(() => paintBadge(this.deps.action, tabId, [])));
  }

  /**
   * The scope gate's decision for one webRequest event (see scope-gate.ts): requests of out-of-scope
   * tabs never reach the observers, so they are not inspected, fetched or stored.
   */
  admitRequest(event: string, details: GatedRequestDetails): boolean {
    if (details.tabId < 0) return true; // not a tab's request: the observers ignore those themselves
    if (details.type === 'main_frame') {
      if (event === 'onBeforeRequest') this.noteTopLevel(details.tabId, details.url);
      return isInScope(details.url, this.settings.current());
    }
    // The worker may have restarted mid-page: a top frame's initiator is the top-level origin.
    if (!this.topLevel.has(details.tabId) && details.frameId === 0 && details.initiator) this.noteTopLevel(details.tabId, details.initiator);
    return this.isTabInScope(details.tabId);
  }

  // --- Settings ------------------------------------------------------------------------------------

  /** Rebuilds the scanner when rules changed, re-decides scope, repaints badges (ignore list). */
  private applySettings(settings: Settings): void {
    const rulesKey = JSON.stringify([settings.disabledCategories, settings.customRules]);
    if (rulesKey !== this.rulesKey) {
      this.rulesKey = rulesKey;
      const rules = activeRules(settings);
      setActiveScanner(rules === undefined ? undefined : createScanner(rules));
      // Cached bundle results were produced by the old rules.
      this.deps.scripts.clear();
    }
    for (const tabId of this.topLevel.keys()) this.reconcileScope(tabId);
    void this.track(this.repaintAll());
  }

  private async repaintAll(): Promise<void> {
    for (const record of await this.deps.store.allTabs()) await paintBadge(this.deps.action, record.tabId, this.visible(record));
  }

  private siteOfRecord(record: TabRecord): string | undefined {
    return siteOf(record.pageUrl) ?? siteOf(this.topLevel.get(record.tabId));
  }

  /**
   * A tab's findings as shown, counted and exported: a global that an inline script of the page set is
   * folded into that script's finding (engine/page-global-twins.ts), then what is ignored or whose rule
   * is off is left out. Folding first, so ignoring the inline finding hides its global twin too.
   */
  private visible(record: TabRecord): Finding[] {
    const settings = this.settings.current();
    const site = this.siteOfRecord(record);
    return foldGlobalTwins(record.findings).filter((finding) => isRuleEnabled(finding.ruleId, settings) && isIgnored(finding, settings, site) === undefined);
  }

  /** Tracks work so `leaklens/status` can tell automation when scanning has settled. */
  private track<T>(work: Promise<T>): Promise<T> {
    this.pending++;
    this.lastActivity = this.now();
    return work.finally(() => {
      this.pending--;
      this.lastActivity = this.now();
    });
  }

  onNavigation(tabId: number, url: string): void {
    this.noteTopLevel(tabId, url);
    if (!this.isTabInScope(tabId)) return;
    this.scriptsSeen.delete(tabId);
    this.holdScriptScans(tabId);
    void this.track(this.deps.store.resetTab(tabId, redactUrl(url)).then(() => paintBadge(this.deps.action, tabId, [])));
  }

  onFindings(tabId: number, findings: Finding[]): void {
    if (!this.isTabInScope(tabId)) return;
    void this.track(this.record(tabId, findings));
  }

  onConfirmations(tabId: number, findings: Finding[]): void {
    if (!this.isTabInScope(tabId)) return;
    void this.track(this.confirm(tabId, findings));
  }

  forgetTab(tabId: number): Promise<void> {
    this.scriptsSeen.delete(tabId);
    this.pageLoaded(tabId);
    this.topLevel.delete(tabId);
    this.outOfScope.delete(tabId);
    return this.deps.store.removeTab(tabId);
  }

  onScript(tabId: number, url: string): void {
    if (!this.isTabInScope(tabId)) return;
    void this.track(this.scanScript(tabId, url));
  }

  private async record(tabId: number, findings: Finding[], pageUrl?: string): Promise<void> {
    // Checked again here: the tab may have left scope while a bundle was being fetched.
    if (findings.length === 0 || !this.isTabInScope(tabId)) return;
    const record = await this.deps.store.add(tabId, findings, pageUrl);
    // Ignored findings stay in the (memory-only) store so "unignore" can bring them back at once;
    // they are left out of the badge, the popup and every report.
    await paintBadge(this.deps.action, tabId, this.visible(record));
  }

  /** The browser's copies replace page-reported ones (see FindingsStore.confirm); nothing is counted. */
  private async confirm(tabId: number, findings: Finding[]): Promise<void> {
    const record = await this.deps.store.confirm(tabId, findings);
    // The browser's severity replaced the page's: the badge may change.
    if (record) await paintBadge(this.deps.action, tabId, this.visible(record));
  }

  /**
   * A page started loading in the tab: its scripts are fetched and scanned once it has loaded. A
   * redirect is the same load (the gate already exists). Released by pageLoaded().
   */
  private holdScriptScans(tabId: number): void {
    if (this.pageLoads.has(tabId)) return;
    let resolve!: () => void;
    const loaded = new Promise<void>((done) => (resolve = done));
    const timer = setTimeout(() => this.pageLoaded(tabId), this.deps.scriptScanGraceMs ?? SCRIPT_SCAN_GRACE_MS);
    this.pageLoads.set(tabId, {
      loaded,
      release: () => {
        clearTimeout(timer);
        resolve();
      },
    });
  }

  /** The tab's page has loaded (or was closed, or its grace period ran out): held scans start. */
  private pageLoaded(tabId: number): void {
    const load = this.pageLoads.get(tabId);
    if (!load) return;
    this.pageLoads.delete(tabId);
    load.release();
  }

  private async scanScript(tabId: number, url: string): Promise<void> {
    if (!/^https?:/.test(url) || !this.isTabInScope(tabId)) return;
    let seen = this.scriptsSeen.get(tabId);
    if (!seen) this.scriptsSeen.set(tabId, (seen = new Set()));
    if (seen.has(url)) return;
    seen.add(url);
    const loading = this.pageLoads.get(tabId);
    if (loading) {
      await loading.loaded;
      // The tab went on to another page meanwhile (its scripts-seen set was reset): not this page's.
      if (this.scriptsSeen.get(tabId) !== seen) return;
    }
    const result = await this.deps.scripts.scan(url);
    if (result.kind === 'skipped') {
      await this.deps.store.noteSkipped(tabId, { url: redactUrl(url), reason: result.reason });
      return;
    }
    await this.record(tabId, result.findings);
    // A source map too large to read, say: the script was scanned, but not all of it is covered.
    for (const skipped of result.skipped ?? []) await this.deps.store.noteSkipped(tabId, skipped);
  }

  /**
   * The single entry for runtime messages. Content scripts may only send page snapshots (and only
   * for their own tab); extension pages may ask for findings, status and reports. Anything else,
   * or anything malformed, is refused.
   */
  handleMessage(message: unknown, sender: SenderLike): Promise<unknown> | undefined {
    if (sender.id !== this.deps.extensionId) return undefined;
    // Extension pages (the popup, also when automation opens it in a tab) have our origin; content
    // scripts run in web pages and carry the page's URL and tab.
    const fromExtensionPage = sender.url?.startsWith(this.deps.extensionOrigin) === true;
    const tabId = sender.tab?.id;
    if (!fromExtensionPage) {
      if (tabId === undefined) return undefined;
      if (sender.frameId !== undefined && sender.frameId !== 0) return undefined;
      return this.handleContentMessage(message, tabId);
    }
    if (!isExtensionPageRequest(message)) return Promise.resolve({ ok: false, error: 'unknown request' } satisfies ErrorResponse);
    return this.answer(message);
  }

  /** Messages from content scripts: page snapshots and relayed MAIN-world probe reports. */
  private handleContentMessage(message: unknown, tabId: number): Promise<unknown> | undefined {
    if (isPageSnapshot(message)) {
      return this.track(
        (async () => {
          await this.ready;
          // Sent on idle after the load event: the page has loaded, its held script scans may start.
          // (After `ready`: webRequest events held until then, its navigation among them, come first.)
          this.pageLoaded(tabId);
          this.noteTopLevel(tabId, message.pageUrl);
          // Out of scope: nothing is read, and the content script is told so it stops collecting.
          if (!this.isTabInScope(tabId)) return { ok: true, inScope: false };
          const snapshot = withMarkupRead(message);
          await this.record(tabId, scanPageSnapshot(snapshot), redactUrl(snapshot.pageUrl));
          for (const skipped of snapshotSkips(snapshot)) await this.deps.store.noteSkipped(tabId, skipped);
          for (const url of snapshot.scriptUrls) void this.track(this.scanScript(tabId, url));
          return { ok: true };
        })(),
      );
    }
    if (isProbeReport(message)) {
      // Scope is unknown until settings load (the worker just woke up): decide after, never before.
      if (!this.isReady()) return this.track(this.ready.then(() => this.handleContentMessage(message, tabId) ?? { ok: false }));
      if (!this.isTabInScope(tabId, message.pageUrl)) return Promise.resolve({ ok: true });
      const report = parseProbeReport(message.report);
      const findings = report && handleProbeReport(report.kind, report.payload, { tabId, pageUrl: message.pageUrl });
      if (findings === undefined) return undefined;
      return this.track(this.record(tabId, findings, redactUrl(message.pageUrl)).then(() => ({ ok: true })));
    }
    return undefined;
  }

  private async answer(
    request: ExtensionPageRequest,
  ): Promise<ReportResponse | StatusResponse | FindingsResponse | TabStateResponse | SettingsResponse | SettingsChangedResponse | ErrorResponse> {
    switch (request.type) {
      case 'leaklens/status': {
        const tabs = await this.deps.store.allTabs();
        return {
          ok: true,
          // Findings not yet written count as work: "settled" means nothing is left only in memory.
          pending: this.pending + (this.deps.store.hasPendingWrites() ? 1 : 0),
          lastActivity: this.lastActivity,
          findings: tabs.reduce((sum, tab) => sum + tab.findings.length, 0),
        };
      }
      case 'leaklens/findings': {
        const record = await this.deps.store.getTab(request.tabId);
        return { ok: true, findings: record ? this.visible(record) : [] };
      }
      case 'leaklens/report': {
        const tabs = await this.deps.store.allTabs();
        const selected = request.tabId === undefined ? tabs : tabs.filter((tab) => tab.tabId === request.tabId);
        // Several tabs of one app see the same storage keys and bundles: one finding each, counted.
        const findings = mergeByFingerprint(selected.flatMap((tab) => this.visible(tab)));
        const warnings = [...new Set(selected.flatMap((tab) => tab.skipped.map((skipped) => `skipped ${skipped.url}: ${skipped.reason}`)))];
        const document = renderReport(findings, request.format, {
          version: this.deps.version,
          target: selected.map((tab) => tab.pageUrl).filter(Boolean),
          warnings,
        });
        return { ok: true, format: request.format, document };
      }
      case 'leaklens/tab-state':
        return this.tabState(request);
      case 'leaklens/settings': {
        const tabs = await this.deps.store.allTabs();
        return {
          ok: true,
          settings: this.settings.current(),
          categories: categorySummaries(),
          stored: { tabs: tabs.filter((tab) => tab.findings.length > 0).length, findings: tabs.reduce((sum, tab) => sum + tab.findings.length, 0) },
        };
      }
      case 'leaklens/settings-update':
        return this.updateSettings(request);
      case 'leaklens/ignore':
        return this.ignore(request);
      case 'leaklens/unignore':
        return { ok: true, settings: await this.settings.update((settings) => withoutIgnoreEntry(settings, request.id)) };
      case 'leaklens/include-site': {
        const site = normalizeSitePattern(request.site);
        if (!site.ok || site.value.startsWith('*.')) return { ok: false, error: `not a site: ${request.site}` };
        return { ok: true, settings: await this.settings.update((settings) => withSiteIncluded(settings, site.value)) };
      }
      case 'leaklens/clear':
        await this.clearFindings(request);
        return { ok: true, settings: this.settings.current() };
    }
  }

  private async tabState(request: TabStateRequest): Promise<TabStateResponse> {
    await this.ready;
    const record = await this.deps.store.getTab(request.tabId);
    const settings = this.settings.current();
    const known = this.topLevel.get(request.tabId) ?? request.url ?? record?.pageUrl;
    const site = (record && this.siteOfRecord(record)) ?? siteOf(known);
    // What visible() shows, and beside it what the ignore list hides, from one fold.
    const findings: Finding[] = [];
    const ignored: IgnoredFindingView[] = [];
    for (const finding of foldGlobalTwins(record?.findings ?? [])) {
      if (!isRuleEnabled(finding.ruleId, settings)) continue;
      const entry = isIgnored(finding, settings, site);
      if (entry) ignored.push({ finding, entry });
      else findings.push(finding);
    }
    return {
      ok: true,
      state: {
        tabId: request.tabId,
        ...(site === undefined ? {} : { site }),
        pageUrl: record?.pageUrl || (known ? redactUrl(known) : ''),
        inScope: this.isTabInScope(request.tabId, request.url),
        excludedBy: site === undefined ? [] : settings.scope.exclude.filter((pattern) => hostMatches(site, pattern)),
        findings,
        ignored,
        evicted: record?.evicted ?? 0,
        skipped: record?.skipped ?? [],
        pending: this.pending,
        disabledCategories: settings.disabledCategories,
        customRules: settings.customRules.length,
      },
    };
  }

  private async updateSettings(request: SettingsUpdateRequest): Promise<SettingsChangedResponse | ErrorResponse> {
    const scope = request.scope === undefined ? undefined : validateScope(request.scope);
    const categories = request.disabledCategories === undefined ? undefined : validateCategories(request.disabledCategories);
    const customRules = request.customRules === undefined ? undefined : validateCustomRules(request.customRules);
    for (const checked of [scope, categories, customRules]) if (checked && !checked.ok) return { ok: false, error: checked.error };
    const settings = await this.settings.update((current) => ({
      ...current,
      ...(scope?.ok ? { scope: scope.value } : {}),
      ...(categories?.ok ? { disabledCategories: categories.value } : {}),
      ...(customRules?.ok ? { customRules: customRules.value } : {}),
    }));
    return { ok: true, settings };
  }

  /** The entry is built from the stored finding, never from what the asking page says about it. */
  private async ignore(request: IgnoreRequest): Promise<SettingsChangedResponse | ErrorResponse> {
    const record = await this.deps.store.getTab(request.tabId);
    const finding = record?.findings.find((candidate) => candidate.fingerprint === request.fingerprint);
    const site = record && this.siteOfRecord(record);
    if (!record || !finding || !site) return { ok: false, error: 'no such finding in this tab' };
    const addedAt = new Date(this.now()).toISOString();
    const entry =
      request.kind === 'finding'
        ? { kind: 'finding' as const, id: ignoreFindingId(finding.fingerprint), fingerprint: finding.fingerprint, ruleId: finding.ruleId, title: finding.title, site, where: describeWhere(finding), addedAt }
        : { kind: 'rule' as const, id: ignoreRuleId(site, finding.ruleId), ruleId: finding.ruleId, title: finding.title, site, addedAt };
    return { ok: true, settings: await this.settings.update((settings) => withIgnoreEntry(settings, entry)) };
  }

  private async clearFindings(request: ClearFindingsRequest): Promise<void> {
    const tabIds = request.tabId === undefined ? (await this.deps.store.allTabs()).map((tab) => tab.tabId) : [request.tabId];
    for (const tabId of tabIds) {
      this.scriptsSeen.delete(tabId);
      const url = this.topLevel.get(tabId);
      await (url === undefined ? this.deps.store.removeTab(tabId) : this.deps.store.resetTab(tabId, redactUrl(url)));
      await paintBadge(this.deps.action, tabId, []);
    }
  }
}
