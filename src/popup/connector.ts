/**
 * What the popup needs from the extension, behind an interface so component tests can pass a mock.
 */
import browser from 'webextension-polyfill';
import type { Finding } from '../shared/finding.ts';
import type { FindingsResponse, ReportFormat, ReportResponse } from '../shared/messages.ts';

export interface ActiveTab {
  id: number;
  url: string;
}

export interface PopupConnector {
  activeTab(): Promise<ActiveTab | undefined>;
  findings(tabId: number): Promise<Finding[]>;
  report(format: ReportFormat, tabId?: number): Promise<string>;
}

export const browserConnector: PopupConnector = {
  async activeTab() {
    // Opened as a tab by automation, the popup targets the tab given in `?tab=`.
    const forced = new URLSearchParams(location.search).get('tab');
    if (forced) {
      const tab = await browser.tabs.get(Number(forced));
      return tab.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
    }
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab?.id === undefined ? undefined : { id: tab.id, url: tab.url ?? '' };
  },
  async findings(tabId) {
    const response = (await browser.runtime.sendMessage({ type: 'leaklens/findings', tabId })) as FindingsResponse;
    return response.ok ? response.findings : [];
  },
  async report(format, tabId) {
    const response = (await browser.runtime.sendMessage({ type: 'leaklens/report', format, tabId })) as ReportResponse;
    return response.document;
  },
};
