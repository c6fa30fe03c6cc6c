/**
 * The background's state machine, with every browser API passed in so glue tests can run it against
 * a fake browser: request observers and page snapshots produce findings, the store keeps them, the
 * badge shows them, extension pages ask for reports.
 */
import type { Finding } from '../shared/finding.ts';
import {
  isExtensionPageRequest,
  isPageSnapshot,
  isProbeReport,
  type ErrorResponse,
  type ExtensionPageRequest,
  type FindingsResponse,
  type ReportResponse,
  type StatusResponse,
} from '../shared/messages.ts';
import { redactUrl } from '../engine/inspectors/url.ts';
import { renderReport } from '../reports/index.ts';
import { paintBadge, type ActionLike } from './badge.ts';
import type { FindingsStore } from './findings-store.ts';
import { scanPageSnapshot } from './page-scan.ts';
import { handleProbeReport } from './probe-handlers.ts';
import type { RequestObserverSink } from './request-observer.ts';
import type { ScriptScanner } from './script-scan.ts';

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
}

export class BackgroundController implements RequestObserverSink {
  private pending = 0;
  /** Scripts already scanned for each tab since its last navigation (counts stay honest). */
  private readonly scriptsSeen = new Map<number, Set<string>>();
  private lastActivity: number;
  private readonly now: () => number;

  constructor(private readonly deps: ControllerDeps) {
    this.now = deps.now ?? Date.now;
    this.lastActivity = this.now();
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
    this.scriptsSeen.delete(tabId);
    void this.track(this.deps.store.resetTab(tabId, redactUrl(url)).then(() => paintBadge(this.deps.action, tabId, [])));
  }

  onFindings(tabId: number, findings: Finding[]): void {
    void this.track(this.record(tabId, findings));
  }

  forgetTab(tabId: number): Promise<void> {
    this.scriptsSeen.delete(tabId);
    return this.deps.store.removeTab(tabId);
  }

  onScript(tabId: number, url: string): void {
    void this.track(this.scanScript(tabId, url));
  }

  private async record(tabId: number, findings: Finding[], pageUrl?: string): Promise<void> {
    if (findings.length === 0) return;
    const record = await this.deps.store.add(tabId, findings, pageUrl);
    await paintBadge(this.deps.action, tabId, record.findings);
  }

  private async scanScript(tabId: number, url: string): Promise<void> {
    if (!/^https?:/.test(url)) return;
    let seen = this.scriptsSeen.get(tabId);
    if (!seen) this.scriptsSeen.set(tabId, (seen = new Set()));
    if (seen.has(url)) return;
    seen.add(url);
    const result = await this.deps.scripts.scan(url);
    if (result.kind === 'skipped') {
      await this.deps.store.noteSkipped(tabId, { url: redactUrl(url), reason: result.reason });
      return;
    }
    await this.record(tabId, result.findings);
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
          await this.record(tabId, scanPageSnapshot(message), redactUrl(message.pageUrl));
          for (const url of message.scriptUrls) void this.track(this.scanScript(tabId, url));
          return { ok: true };
        })(),
      );
    }
    if (isProbeReport(message)) {
      const findings = handleProbeReport(message.kind, message.payload, { tabId, pageUrl: message.pageUrl });
      if (findings === undefined) return undefined;
      return this.track(this.record(tabId, findings, redactUrl(message.pageUrl)).then(() => ({ ok: true })));
    }
    return undefined;
  }

  private async answer(request: ExtensionPageRequest): Promise<ReportResponse | StatusResponse | FindingsResponse> {
    switch (request.type) {
      case 'leaklens/status': {
        const tabs = await this.deps.store.allTabs();
        return {
          ok: true,
          pending: this.pending,
          lastActivity: this.lastActivity,
          findings: tabs.reduce((sum, tab) => sum + tab.findings.length, 0),
        };
      }
      case 'leaklens/findings': {
        const record = await this.deps.store.getTab(request.tabId);
        return { ok: true, findings: record?.findings ?? [] };
      }
      case 'leaklens/report': {
        const tabs = await this.deps.store.allTabs();
        const selected = request.tabId === undefined ? tabs : tabs.filter((tab) => tab.tabId === request.tabId);
        const findings = selected.flatMap((tab) => tab.findings);
        const warnings = selected.flatMap((tab) => tab.skipped.map((skipped) => `skipped ${skipped.url}: ${skipped.reason}`));
        const document = renderReport(findings, request.format, {
          version: this.deps.version,
          target: selected.map((tab) => tab.pageUrl).filter(Boolean),
          warnings,
        });
        return { ok: true, format: request.format, document };
      }
    }
  }
}
