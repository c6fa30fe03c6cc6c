/**
 * Service worker entry: wire the controller to the real browser. Listeners are registered
 * synchronously at top level (never after an await), so the events that wake the worker reach them.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import { BackgroundController } from './controller.ts';
import { FindingsStore } from './findings-store.ts';
import { registerRequestObservers, type WebRequestLike } from './request-observer.ts';
import { ScriptScanner } from './script-scan.ts';

const controller = new BackgroundController({
  store: new FindingsStore(browser.storage.session),
  scripts: new ScriptScanner((url, init) => fetch(url, init)),
  action: browser.action,
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  version: browser.runtime.getManifest().version,
});

registerRequestObservers(browser.webRequest as unknown as WebRequestLike, controller);

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  // Returning undefined (not a promise) lets other listeners answer; a promise is the answer.
  return controller.handleMessage(message, sender) as Promise<unknown> | undefined;
});

browser.tabs.onRemoved.addListener((tabId) => {
  void controller.forgetTab(tabId);
});
