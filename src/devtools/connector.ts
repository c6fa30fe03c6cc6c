/**
 * The panel talks to the background like the popup does; two things differ: the tab is the one
 * DevTools inspects, and "open the source" opens the Sources panel at the finding's line.
 */
import browser from 'webextension-polyfill';
import { browserConnector, type PopupConnector } from '../popup/connector.ts';

interface OpenResource {
  openResource(url: string, lineNumber: number, columnNumber?: number, callback?: () => void): void;
}

export const devtoolsConnector: PopupConnector = {
  ...browserConnector,
  async activeTab() {
    // Opened as a plain tab (automation, screenshots) there is no DevTools: `?tab=` names the tab.
    if (!browser.devtools) return browserConnector.activeTab();
    // The background knows the tab's top-level page; the panel only needs the id.
    return { id: browser.devtools.inspectedWindow.tabId, url: '' };
  },
  /** Opens `url` in DevTools' Sources panel, scrolled to the 1-based line and column. */
  async openSource(url, line, column) {
    // DevTools' extension server takes 0-based positions (it builds a UILocation from them).
    const panels = (globalThis as unknown as { chrome: { devtools?: { panels: OpenResource } } }).chrome.devtools?.panels;
    if (!panels) return browserConnector.openSource(url, line, column);
    await new Promise<void>((resolve) => {
      // Older DevTools never call back when the resource is unknown: do not wait forever.
      const timer = setTimeout(resolve, 2000);
      panels.openResource(url, Math.max(0, (line ?? 1) - 1), Math.max(0, (column ?? 1) - 1), () => {
        clearTimeout(timer);
        resolve();
      });
    });
  },
};
