/**
 * What the popup (and the DevTools panel) need from the extension, behind an interface so component
 * tests can pass a mock. The browser implementation talks to the background through the message
 * protocol; every "ok: false" answer becomes a thrown Error with the background's reason.
 */
import browser from 'webextension-polyfill';
import type { ReportFormat, ReportResponse, TabState, TabStateResponse } from '../shared/messages.ts';

export interface ActiveTab {
  id: number;
  url: string;
}

export interface PopupConnector {
  activeTab(): Promise<ActiveTab | undefined>;
  tabState(tab: ActiveTab): Promise<TabState>;
  report(format: ReportFormat, tabId?: number): Promise<string>;
  ignore(kind: 'finding' | 'rule', tabId: number, fingerprint: string): Promise<void>;
  unignore(id: string): Promise<void>;
  /** Brings a site into scope (the out-of-scope state's one click). */
  includeSite(site: string): Promise<void>;
  reloadTab(tabId: number): Promise<void>;
  /**
   * Opens a script's or page's source. The popup opens view-source: in a new tab (no line anchor
   * there); the DevTools panel opens its Sources panel at the 1-based line and column.
   */
  openSource(url: string, line?: number, column?: number): Promise<void>;
  copy(text: string): Promise<void>;
  download(fileName: string, mime: string, text: string): void;
  openOptions(): Promise<void>;
  /** Calls `listener` when the tab's findings or the settings change; returns the unsubscribe. */
  onChange(tabId: number, listener: () => void): () => void;
}

async function send<T extends { ok: true }>(message: unknown): Promise<T> {
  const answer = (await browser.runtime.sendMessage(message)) as T | { ok: false; error: string } | undefined;
  if (!answer || answer.ok !== true) throw new Error(answer && 'error' in answer ? answer.error : 'the extension did not answer');
  return answer;
}

export const browserConnector: PopupConnector = {
  async activeTab() {
    // Opened as a tab by automation (or from the DevTools panel), the page targets the tab in `?tab=`.
    const forced = new URLSearchParams(location.search).get('tab');
    if (forced) {
      const tab = await browser.tabs.get(Number(forced));
      return tab.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
  },
  async tabState(tab) {
    return (await send<TabStateResponse>({ type: 'leaklens/tab-state', tabId: tab.id, ...(tab.url ? { url: tab.url } : {}) })).state;
  },
  async report(format, tabId) {
    return (await send<ReportResponse>({ type: 'leaklens/report', format, ...(tabId === undefined ? {} : { tabId }) })).document;
  },
  async ignore(kind, tabId, fingerprint) {
    await send({ type: 'leaklens/ignore', kind, tabId, fingerprint });
  },
  async unignore(id) {
    await send({ type: 'leaklens/unignore', id });
  },
  async includeSite(site) {
    await send({ type: 'leaklens/include-site', site });
  },
  async reloadTab(tabId) {
    await browser.tabs.reload(tabId);
  },
  async openSource(url) {
    // Chromium opens view-source: from an extension (measured); it shows line numbers, no line anchor.
    await browser.tabs.create({ url: `view-source:${url}` });
  },
  async copy(text) {
    await navigator.clipboard.writeText(text);
  },
  download(fileName, mime, text) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const anchor = Object.assign(document.createElement('a'), { href: url, download: fileName });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  },
  async openOptions() {
    await browser.runtime.openOptionsPage();
  },
  onChange(tabId, listener) {
    const key = `tab:${tabId}`;
    const handler = (changes: Record<string, unknown>, areaName: string) => {
      if ((areaName === 'session' && key in changes) || (areaName === 'local' && 'settings' in changes)) listener();
    };
    browser.storage.onChanged.addListener(handler);
    return () => browser.storage.onChanged.removeListener(handler);
  },
};
