/**
 * Service worker entry: wire the controller to the real browser. Listeners are registered
 * synchronously at top level (never after an await), so the events that wake the worker reach them.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { BackgroundController } from './controller.ts';
import { FindingsStore } from './findings-store.ts';
import { startAutomationLog } from './firefox/automation-log.ts';
import { registerFirefoxAdditions } from './firefox/index.ts';
import { registerRequestObservers, type WebRequestLike } from './request-observer.ts';
import { gateWebRequest } from './scope-gate.ts';
import { ScriptScanner } from './script-scan.ts';
import { SettingsStore } from './settings.ts';

const settings = new SettingsStore(browser.storage.local);

const controller = new BackgroundController({
  store: new FindingsStore(browser.storage.session),
  scripts: new ScriptScanner((url, init) => fetch(url, init)),
  action: browser.action,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  version: browser.runtime.getManifest().version,
  settings,
  // Without the `tabs` permission, tab URLs are still visible for sites under host access.
  listTabs: () => browser.tabs.query({}),
});

// Scope: out-of-scope tabs' requests never reach the observers (held until settings are loaded).
registerRequestObservers(gateWebRequest(browser.webRequest, controller) as unknown as WebRequestLike, controller);

browser.storage.onChanged.addListener((changes, areaName) => settings.handleStorageChange(changes, areaName));

// Same-document navigations and back/forward-cache restores fire no main-frame request.
browser.tabs.onUpdated.addListener((tabId, changeInfo) => {
  if (changeInfo.url) controller.noteTopLevel(tabId, changeInfo.url);
});

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Returning undefined (not a promise) lets other listeners answer; a promise is the answer.
  return controller.handleMessage(message, sender) as Promise<unknown> | undefined;
});

browser.tabs.onRemoved.addListener((tabId) => {
  void controller.forgetTab(tabId);
});

// Firefox only (feature-detected; a no-op in Chromium): response bodies read by the browser itself,
// in tabs the scope admits (the controller is the scope gate).
registerFirefoxAdditions(browser.webRequest, controller, controller);

// Keep last: "ready" must mean every listener above is registered. Only the Firefox e2e build
// (vite.firefox.config.ts --mode e2e) has this; every other build drops it at build time.
if (import.meta.env.MODE === 'e2e') {
  startAutomationLog(controller, {
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL(''),
    log: (line) => console.info(line),
  });
}
