/**
 * Isolated-world content script: copies what the page keeps — web storage, JS-readable cookies,
 * IndexedDB samples, and the document's markup (inline scripts, script URLs, comments, meta values,
 * hidden inputs, data-* attributes, data islands, forms) — and hands it to the background, which reads
 * the markup and does all scanning (src/engine/markup/). The page's main thread is not ours to slow
 * down: each pass is a few native calls (storage reads, `document.cookie`, one `outerHTML`) and one
 * message, run in an idle period, and sends only what changed since the last pass.
 *
 * When it runs: once the page has loaded (on idle); again 3 s, 10 s and 30 s after, then every 30 s
 * while the tab is visible (IndexedDB from the 3 s pass on); soon after user interaction (sign-in
 * flows write tokens then), after a `storage` event from another tab, and soon after the DOM changes.
 * The markup is read again only when the DOM changed, at most every 8 s, and sent only if it differs.
 *
 * Cost, measured by scripts/bench/page-load.mjs: V8 compiles each function of this script the first
 * time it runs in the page's fresh isolated world, and that compile costs more than the reads
 * themselves on small pages. Hence one native serialisation instead of DOM walks and per-node
 * JavaScript, few functions on the path of the first pass, and no work at document_start.
 */
import type { PageSnapshotMessage, SnapshotSkip } from '../shared/messages.ts';
import { fitSnapshot } from './collectors/batch.ts';
import { sampleIndexedDbInto, type IndexedDbFactoryLike } from './collectors/indexeddb.ts';
import { serialiseDocument } from './collectors/markup.ts';
import { firstTime, type SentMemo } from './collectors/memo.ts';
import { whenIdle } from './collectors/schedule.ts';
import { cookieChanges, newCookieMemory, newStorageMemory, storageChanges } from './collectors/storage.ts';
import { openContentChannel } from './probe-channel.ts';
import { PROBE_MAX_BYTES } from '../shared/probe-protocol.ts';

/**
 * The extension messaging API without webextension-polyfill: both Chrome (MV3) and Firefox return a
 * promise from runtime.sendMessage, and not loading the polyfill saves its start-up cost on every page.
 * Looked up on first use: Chrome builds the `runtime` bindings lazily (~1 ms), and that belongs in an
 * idle period after load, not at document_start while the page is parsing.
 */
interface RuntimeLike {
  sendMessage(message: unknown): Promise<unknown>;
}
let runtimeApi: RuntimeLike | undefined;
function runtime(): RuntimeLike | undefined {
  if (!runtimeApi) {
    const scope = globalThis as unknown as { browser?: { runtime?: RuntimeLike }; chrome?: { runtime?: RuntimeLike } };
    runtimeApi = scope.browser?.runtime ?? scope.chrome?.runtime;
  }
  return runtimeApi;
}

const FOLLOW_UP_DELAYS_MS = [3000, 10_000, 30_000];
const PERIOD_MS = 30_000;
/** After a click or key press: long enough for a sign-in request to come back and be stored. */
const AFTER_INTERACTION_MS = 1500;
const AFTER_STORAGE_EVENT_MS = 250;
/** After the DOM changed: soon, but each markup read looks at the whole document, so not often. */
const AFTER_DOM_CHANGE_MS = 1000;
const DOM_RESCAN_MIN_INTERVAL_MS = 8000;
/**
 * IndexedDB is sampled from the first follow-up on (pages often still write it while loading), and at
 * most this often: the reads are async, but deserialising records is main-thread work.
 */
const INDEXEDDB_MIN_INTERVAL_MS = 2500;
/** Markup up to this long is remembered, so an unchanged document is not sent twice. */
const MAX_REMEMBERED_MARKUP = 2 * 1024 * 1024;

const memo: SentMemo = new Set();
const localMemory = newStorageMemory('localStorage');
const sessionMemory = newStorageMemory('sessionStorage');
const cookieMemory = newCookieMemory();
let started = false;
/** The background said this site is out of scope. */
let outOfScope = false;
let passRunning = false;
let passQueued = false;
let passes = 0;
let domChanged = false;
let domObserver: MutationObserver | undefined;
let lastMarkup = '';
let lastIndexedDbSample = -Infinity;
let lastDomScan = -Infinity;
let nextTickAt = Infinity;
let tickTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Sends messages to the background: a pass's snapshots, or a relayed probe report. The background
 * answers `inScope: false` for a site the user has put out of scope: from then on this page is left
 * alone (no more passes, no relayed probe reports).
 */
function send(messages: readonly unknown[]): void {
  for (const message of messages) {
    try {
      runtime()?.sendMessage(message).then(
        (answer) => {
          if ((answer as { inScope?: unknown } | undefined)?.inScope === false) outOfScope = true;
        },
        () => {
          // The worker is restarting: this message is lost, later ones carry newer data.
        },
      );
    } catch {
      // "Extension context invalidated" (the extension was reloaded) throws synchronously.
    }
  }
}

/**
 * One collection pass, in one idle callback: storage and cookies (what changed) and the markup (first
 * pass, then after DOM changes); then, from the second pass on, an IndexedDB sample whose records are
 * copied in IndexedDB's own callbacks. Calls `done` when all of it has been sent.
 */
function collectPass(done: () => void): void {
  const first = passes++ === 0;
  const local = storageChanges(localMemory, window);
  const session = storageChanges(sessionMemory, window);
  const message: PageSnapshotMessage = {
    type: 'leaklens/page-snapshot',
    pageUrl: location.href,
    localStorage: local.entries,
    sessionStorage: session.entries,
    cookies: cookieChanges(cookieMemory, document),
    inlineScripts: [],
    scriptUrls: [],
  };
  const skipped: SnapshotSkip[] = [...local.skipped, ...session.skipped];
  if (first || (domChanged && Date.now() - lastDomScan >= DOM_RESCAN_MIN_INTERVAL_MS)) {
    lastDomScan = Date.now();
    domChanged = false;
    const read = serialiseDocument(document);
    if (read.skipped) skipped.push(read.skipped);
    // The same markup again (a change that was undone): nothing new to read. Only a modest document
    // is kept to compare against; a huge one is not held in the page's memory for its whole life.
    if (read.markup !== lastMarkup) message.markup = read.markup;
    lastMarkup = read.markup.length <= MAX_REMEMBERED_MARKUP ? read.markup : '';
    // Watching again only now: one observer callback per scan, however busy the page's DOM is.
    domObserver?.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  } else if (domChanged) {
    // Changed, but read too recently (this pass came early, after an interaction): come back when the
    // interval is up, since the observer stays disconnected until then.
    scheduleTick(lastDomScan + DOM_RESCAN_MIN_INTERVAL_MS - Date.now());
  }
  const fresh = skipped.filter((skip) => firstTime(memo, 'skip', skip.what, skip.reason));
  if (fresh.length > 0) message.skipped = fresh;
  if (message.localStorage.length + message.sessionStorage.length + fresh.length > 0 || message.cookies || message.markup) send(fitSnapshot(message));

  // IndexedDB last, and not on the first pass: pages still write it while loading.
  if (first || Date.now() - lastIndexedDbSample < INDEXEDDB_MIN_INTERVAL_MS) {
    done();
    return;
  }
  lastIndexedDbSample = Date.now();
  sampleIndexedDbInto(indexedDbFactory(), ({ records, skipped: idbSkipped }) => {
    // One message: a sample is bounded well under a message's limits (INDEXEDDB_LIMITS).
    const indexedDb = records.filter((record) => firstTime(memo, 'indexeddb', `${record.database}/${record.store}/${record.key}`, record.value));
    const skippedNow = idbSkipped.filter((skip) => firstTime(memo, 'indexeddb-skip', skip.what, skip.reason));
    if (indexedDb.length + skippedNow.length > 0) {
      send([{ type: 'leaklens/page-snapshot', pageUrl: location.href, localStorage: [], sessionStorage: [], cookies: '', inlineScripts: [], scriptUrls: [], indexedDb, skipped: skippedNow }]);
    }
    done();
  });
}

function indexedDbFactory(): IndexedDbFactoryLike | undefined {
  try {
    return window.indexedDB;
  } catch {
    return undefined; // Opaque origins and some privacy modes throw.
  }
}

/** Passes never overlap: a request during a pass runs once more right after it. */
function runPass(): void {
  if (outOfScope) return;
  if (passRunning) {
    passQueued = true;
    return;
  }
  passRunning = true;
  try {
    collectPass(() => {
      passRunning = false;
      if (passQueued) {
        passQueued = false;
        whenIdle(runPass);
      }
    });
  } catch {
    passRunning = false;
  }
}

/** Run a pass `delayMs` from now (on idle), unless one is already due sooner. */
function scheduleTick(delayMs: number): void {
  if (!started) return;
  const due = Date.now() + delayMs;
  if (due >= nextTickAt) return;
  if (tickTimer !== undefined) clearTimeout(tickTimer);
  nextTickAt = due;
  tickTimer = setTimeout(() => {
    tickTimer = undefined;
    nextTickAt = Infinity;
    whenIdle(runPass);
  }, delayMs);
}

/** Follow-ups after load, then a slow period while the tab is visible: one timer at a time. */
function startSchedule(): void {
  let step = 0;
  const next = () => {
    const delay = step < FOLLOW_UP_DELAYS_MS.length ? FOLLOW_UP_DELAYS_MS[step]! - (FOLLOW_UP_DELAYS_MS[step - 1] ?? 0) : PERIOD_MS;
    step++;
    setTimeout(() => {
      if (document.visibilityState === 'visible') whenIdle(runPass);
      next();
    }, delay);
  };
  next();
}

/**
 * Everything starts in the first idle period after load, in one callback: the listeners, the
 * follow-up schedule and the first pass (each callback entered costs the page a little).
 *
 * The DOM observer notes that the DOM changed, then disconnects until the next markup read reconnects
 * it: a page that mutates its DOM all the time costs one callback per scan. (Scripts that load without
 * an element — `import()` chunks, workers, module dependencies — reach the background as webRequest
 * `script` events, so nothing here watches resource timing.)
 */
function start(): void {
  if (started) return;
  started = true;
  whenIdle(() => {
    domObserver = new MutationObserver(() => {
      domChanged = true;
      domObserver?.disconnect();
      scheduleTick(Math.max(AFTER_DOM_CHANGE_MS, lastDomScan + DOM_RESCAN_MIN_INTERVAL_MS - Date.now()));
    });
    startSchedule();
    const afterInteraction = () => scheduleTick(AFTER_INTERACTION_MS);
    for (const type of ['pointerdown', 'keydown', 'submit']) window.addEventListener(type, afterInteraction, { capture: true, passive: true });
    // Another tab (or frame) of this origin wrote to storage.
    window.addEventListener('storage', () => scheduleTick(AFTER_STORAGE_EVENT_MS));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') scheduleTick(0);
    });
    window.addEventListener('pageshow', (event) => {
      if (event.persisted) scheduleTick(0);
    });
    runPass();
  });
}

/** Probe reports received and not yet relayed (the probe's own limits bound how many arrive). */
const pendingReports: string[] = [];

/**
 * Relays one waiting probe report to the background, then comes back for the next in a task of its
 * own: serialising a report for IPC is main-thread work that grows with the report, and a round of
 * large globals must not become one long task. The report goes as the probe's JSON text, unparsed:
 * the background parses and validates it, off the page's main thread. Repeats are dropped here so
 * counts stay honest.
 */
function relayNextReport(): void {
  if (outOfScope) pendingReports.length = 0;
  const report = pendingReports.shift();
  if (report === undefined) return;
  if (pendingReports.length > 0) setTimeout(relayNextReport, 0);
  if (report.length > PROBE_MAX_BYTES || !firstTime(memo, 'probe', '', report)) return;
  send([{ type: 'leaklens/probe-report', pageUrl: location.href, report }]);
}

/**
 * MAIN-world probe reports arrive over the private channel (probe-channel.ts), which page scripts can
 * neither read nor write, as JSON text, inside the probe's own dispatch: only queued there. The channel
 * opens now, at document_start, while no page script can watch.
 */
openContentChannel(document, (text) => {
  if (!outOfScope && pendingReports.push(text) === 1) setTimeout(relayNextReport, 0);
});

if (document.readyState === 'complete') start();
else window.addEventListener('load', start, { once: true });
