/**
 * Isolated-world content script: copies what the page keeps — web storage, JS-readable cookies,
 * IndexedDB samples, inline scripts, script URLs, DOM values, data islands, insecure forms — and hands
 * it to the background, which does all scanning. The page's main thread is not ours to slow down:
 * collectors are native queries plus bounded copying loops, run in idle periods (collectors/), and
 * each run sends only what is new, so the same work can repeat cheaply to catch what appears later.
 *
 * When it runs: once the page has loaded (on idle); again 3 s, 10 s and 30 s after, then every 30 s
 * while the tab is visible (IndexedDB from the 3 s pass on); soon after user interaction (sign-in
 * flows write tokens then), after a `storage` event from another tab, and when new scripts appear.
 * DOM collectors rerun only when elements were added since their last run, and at most every 8 s.
 *
 * Cost, measured by scripts/bench/page-load.mjs: V8 compiles each function the first time it runs
 * in this fresh world, which on the project's machines costs more than the DOM reads themselves —
 * hence collectors written as few, larger functions, and no work at document_start.
 */
import type { PageSnapshotMessage } from '../shared/messages.ts';
import { SnapshotBatch } from './collectors/batch.ts';
import { collectDomValues, collectInsecureForms } from './collectors/dom.ts';
import { sampleIndexedDbInto, type IndexedDbFactoryLike } from './collectors/indexeddb.ts';
import { SentMemo } from './collectors/memo.ts';
import { runWhenIdle, whenIdle, type Deadline } from './collectors/schedule.ts';
import { collectScripts, watchScripts, type ScriptCollection, type ScriptWatch } from './collectors/scripts.ts';
import { CookieDiff, readCookies, safeStorage, StorageDiff } from './collectors/storage.ts';
import { isProbeEnvelope, PROBE_MAX_BYTES } from './probe-protocol.ts';

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
const AFTER_NEW_SCRIPTS_MS = 1000;
const DOM_RESCAN_MIN_INTERVAL_MS = 8000;
/**
 * IndexedDB is sampled from the first follow-up on (pages often still write it while loading), and at
 * most this often: the reads are async, but deserialising records is main-thread work.
 */
const INDEXEDDB_MIN_INTERVAL_MS = 2500;

const memo = new SentMemo();
const localDiff = new StorageDiff('localStorage');
const sessionDiff = new StorageDiff('sessionStorage');
const cookieDiff = new CookieDiff();
let scriptWatch: ScriptWatch | undefined;
let started = false;
let passRunning = false;
let passQueued = false;
let lastIndexedDbSample = -Infinity;
let lastDomScan = -Infinity;
let nextTickAt = Infinity;
let tickTimer: ReturnType<typeof setTimeout> | undefined;

function send(messages: PageSnapshotMessage[]): void {
  for (const message of messages) {
    try {
      runtime()?.sendMessage(message).catch(() => {
        // The worker is restarting; later passes send newer data.
      });
    } catch {
      // "Extension context invalidated" (the extension was reloaded) throws synchronously.
    }
  }
}

/** The markup: comments, meta, hidden inputs, data-* attributes, and forms posting to http://. */
function collectDom(batch: SnapshotBatch): void {
  const { values, skipped } = collectDomValues(document, memo);
  batch.add('dom', values);
  batch.add('skipped', skipped);
  batch.add('insecureForms', collectInsecureForms(document, memo));
}

function addScripts(batch: SnapshotBatch, { inline, urls, islands, skipped }: ScriptCollection): void {
  batch.inline(inline);
  batch.add('scriptUrls', urls);
  batch.add('dataIslands', islands);
  batch.add('skipped', skipped);
}

/** One collection pass: everything on the first, then storage plus whatever changed; `done` after. */
function collectPass(deadline: Deadline | undefined, done: () => void): void {
  const batch = new SnapshotBatch();
  const first = scriptWatch === undefined;
  // Few, bounded steps: each may run in its own idle period if the page is busy.
  const steps: (() => void)[] = [
    () => {
      const local = localDiff.changes(safeStorage(window, 'localStorage'));
      const session = sessionDiff.changes(safeStorage(window, 'sessionStorage'));
      batch.add('localStorage', local.entries);
      batch.add('sessionStorage', session.entries);
      batch.add('skipped', local.skipped);
      batch.add('skipped', session.skipped);
      batch.cookies(cookieDiff.changes(readCookies(document)));
      if (first) {
        addScripts(batch, collectScripts(document, memo));
        // Watch from now on: what the parser added is already covered by the query above.
        scriptWatch = watchScripts(document, memo, () => scheduleTick(AFTER_NEW_SCRIPTS_MS));
      } else if (scriptWatch) {
        addScripts(batch, scriptWatch.take());
      }
    },
  ];
  // Elements were added since the last DOM scan: scan again, but not more often than every few
  // seconds (SPAs add nodes all the time; each scan looks at the whole document).
  if (first || (Date.now() - lastDomScan >= DOM_RESCAN_MIN_INTERVAL_MS && scriptWatch?.takeDomChanged())) {
    lastDomScan = Date.now();
    steps.push(() => collectDom(batch));
  }
  runWhenIdle(
    steps,
    () => {
      send(batch.messages(location.href));
      // IndexedDB last, off the critical path, and not on the first pass: pages still write it while
      // loading. Its reads are async; records are copied in IndexedDB's own callbacks.
      if (first || Date.now() - lastIndexedDbSample < INDEXEDDB_MIN_INTERVAL_MS) {
        done();
        return;
      }
      lastIndexedDbSample = Date.now();
      sampleIndexedDbInto(indexedDbFactory(), ({ records, skipped }) => {
        const idb = new SnapshotBatch();
        idb.add('indexedDb', records.filter((record) => memo.fresh('indexeddb', `${record.database}/${record.store}/${record.key}`, record.value)));
        idb.add('skipped', skipped.filter((skip) => memo.fresh('indexeddb-skip', skip.what, skip.reason)));
        send(idb.messages(location.href));
        done();
      });
    },
    deadline,
  );
}

function indexedDbFactory(): IndexedDbFactoryLike | undefined {
  try {
    return window.indexedDB;
  } catch {
    return undefined; // Opaque origins and some privacy modes throw.
  }
}

/** Passes never overlap: a request during a pass runs once more right after it. */
function runPass(deadline?: Deadline): void {
  if (passRunning) {
    passQueued = true;
    return;
  }
  passRunning = true;
  try {
    collectPass(deadline, () => {
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

function start(): void {
  if (started) return;
  started = true;
  whenIdle(runPass);
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
  if (typeof serialised !== 'string' || serialised.length > PROBE_MAX_BYTES || !memo.fresh(`probe:${kind}`, '', serialised)) return;
  // What is sent is what was measured: the JSON form. (Forwarding `payload` itself would let a page
  // slip, say, a 500 MB ArrayBuffer past the size check — it serialises to "{}" — into a structured
  // clone.) The background validates each kind's payload.
  try {
    runtime()?.sendMessage({ type: 'leaklens/probe-report', pageUrl: location.href, kind, payload: JSON.parse(serialised) as unknown }).catch(() => {
      // Worker restarting: this report is lost, the next one is not.
    });
  } catch {
    // Extension reloaded: nobody is listening any more.
  }
});

if (document.readyState === 'complete') start();
else window.addEventListener('load', start, { once: true });
