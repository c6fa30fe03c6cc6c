/**
 * Isolated-world content script: copies what the page keeps (web storage, JS-readable cookies, inline
 * scripts, script URLs, globals from the probe) and hands it to the background, which does the
 * scanning. No scanning here: the page's main thread is not ours to slow down. Only what changed
 * since the last snapshot is sent, so repeats do not inflate counts.
 */
import browser from 'webextension-polyfill';
import type { PageSnapshotMessage } from '../shared/messages.ts';
import { SNAPSHOT_LIMITS } from '../shared/messages.ts';
import { isProbeEnvelope, PROBE_MAX_BYTES } from './probe-protocol.ts';

/** A second look after load catches tokens written by late app code (login flows, lazy config). */
const RESCAN_DELAYS_MS = [1500, 5000];

const sent = new Set<string>();

function fresh(kind: string, key: string, value: string): boolean {
  const id = `${kind}\u0000${key}\u0000${value.length}\u0000${value.slice(0, 64)}\u0000${value.slice(-64)}`;
  if (sent.has(id)) return false;
  sent.add(id);
  return true;
}

function storageEntries(kind: string, storage: Storage | undefined): [string, string][] {
  const entries: [string, string][] = [];
  if (!storage) return entries;
  try {
    for (let i = 0; i < storage.length && entries.length < SNAPSHOT_LIMITS.maxEntries; i++) {
      const key = storage.key(i);
      if (key === null) continue;
      const value = storage.getItem(key) ?? '';
      if (value.length <= SNAPSHOT_LIMITS.maxValueLength && fresh(kind, key, value)) entries.push([key, value]);
    }
  } catch {
    // Storage can throw (sandboxed frames, disabled storage): nothing to read.
  }
  return entries;
}

function safeStorage(name: 'localStorage' | 'sessionStorage'): Storage | undefined {
  try {
    return window[name];
  } catch {
    return undefined;
  }
}

function collectSnapshot(): PageSnapshotMessage {
  const inlineScripts: string[] = [];
  const scriptUrls: string[] = [];
  for (const script of Array.from(document.scripts).slice(0, SNAPSHOT_LIMITS.maxScripts)) {
    if (script.src) {
      if (fresh('script-url', '', script.src)) scriptUrls.push(script.src);
    } else {
      const text = script.textContent ?? '';
      if (text.trim() && text.length <= SNAPSHOT_LIMITS.maxValueLength && fresh('inline', '', text)) inlineScripts.push(text);
    }
  }
  const cookies = document.cookie;
  return {
    type: 'leaklens/page-snapshot',
    pageUrl: location.href,
    localStorage: storageEntries('local', safeStorage('localStorage')),
    sessionStorage: storageEntries('session', safeStorage('sessionStorage')),
    cookies: fresh('cookies', '', cookies) ? cookies : '',
    inlineScripts,
    scriptUrls,
  };
}

function isEmpty(snapshot: PageSnapshotMessage): boolean {
  return (
    snapshot.localStorage.length + snapshot.sessionStorage.length + snapshot.inlineScripts.length + snapshot.scriptUrls.length === 0 &&
    !snapshot.cookies
  );
}

function send(): void {
  const snapshot = collectSnapshot();
  if (isEmpty(snapshot)) return;
  browser.runtime.sendMessage(snapshot).catch(() => {
    // The extension was reloaded or the worker is restarting; the next pass will retry new data.
  });
}

function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 0);
}

/**
 * Relay MAIN-world probe reports to the background, checked only for envelope and size here (the
 * background validates each kind's payload). Repeats are dropped so counts stay honest.
 */
window.addEventListener('message', (event) => {
  if (event.source !== window || !isProbeEnvelope(event.data)) return;
  const { kind, payload } = event.data;
  let serialised: string;
  try {
    serialised = JSON.stringify(payload);
  } catch {
    return;
  }
  if (serialised.length > PROBE_MAX_BYTES || !fresh(`probe:${kind}`, '', serialised)) return;
  browser.runtime.sendMessage({ type: 'leaklens/probe-report', pageUrl: location.href, kind, payload: JSON.parse(serialised) as unknown }).catch(() => {
    // Worker restarting or extension reloaded: this report is lost, the next one is not.
  });
});

function start(): void {
  whenIdle(send);
  for (const delay of RESCAN_DELAYS_MS) setTimeout(() => whenIdle(send), delay);
}

if (document.readyState === 'complete') start();
else window.addEventListener('load', start, { once: true });
