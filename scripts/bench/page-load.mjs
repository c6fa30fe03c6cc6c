// Section: what the extension costs a page, and how fast page-side findings arrive.
//
// Loads the demo app's pages and a heavy page of our own (real minified bundles from the corpus,
// >= 5 MB, plus a 2 000-row table and a large JSON data island) in Chromium, with and without the
// built extension, and reports:
//
// - the content scripts' main-thread time per page load, measured from a Chrome trace (the events
//   DevTools' Performance panel records): the union of `EvaluateScript` (injection) and `FunctionCall`
//   (every callback: idle callbacks, timers, observers, listeners, IndexedDB events) whose script URL
//   is the content script's, plus the `RunMicrotasks` checkpoint right after each (promise
//   continuations run there, outside the callback's event), from navigation to load +
//   TRACE_AFTER_LOAD_MS. Thread CPU time (`tdur`) is the headline; wall time (`dur`) also counts waits
//   on synchronous IPC (first localStorage access, document.cookie) and time descheduled on a busy
//   machine. The isolated-world content script (collectors) and the MAIN-world probe (globals walk +
//   network hook) are reported separately; target: isolated content script <= 5 ms median. A minimal
//   collector doing the same reads in the same window and relaying its probe's reports, with a minimal
//   MAIN-world probe doing the same hooking and reads, is measured the same way as a reference point,
//   its browser and the extension's taking turns on each page (so their ratio is not skewed by drift);
//   it also times its own first pass (chrome.runtime first touch, outerHTML, the markup's sendMessage).
// - page load time (navigation start to the load event's end) with and without the extension, the two
//   browsers taking turns on each page;
// - for the heavy page, when the finding planted at the very end of its largest bundle is stored,
//   relative to the load event (negative = before it) — so the whole bundle was fetched and scanned —
//   and when scanning goes idle; measured in runs without tracing; target <= 1 s after load.
//
// Every heavy-page run serves its bundles under fresh URLs with a run marker appended, so the
// background's URL and content-hash caches never answer from an earlier run.
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:https';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import selfsigned from 'selfsigned';
import { startDemo } from '../../demo/server.mjs';
import { ensureChromium } from '../ensure-chromium.mjs';
import { fmtMs, heading, median, table } from './util.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DIST = path.join(ROOT, 'dist');

export const TARGETS = { contentScriptMedianMs: 5, loadToFindingsMs: 1000 };
const TRACE_AFTER_LOAD_MS = 6500;
/** The "initial" share: everything before the content script's first follow-up pass (at 3 s). */
const INITIAL_AFTER_LOAD_MS = 2500;
/** Between untraced loads: the background finishes a heavy page's scans well within this. */
const SETTLE_BETWEEN_LOADS_MS = 2000;
const HEAVY_HOST = 'heavy.leaklens.test';
/** UMD/IIFE bundles that run as classic scripts; the first is the largest and carries the plant. */
const HEAVY_BUNDLES = ['plotly.min.js', 'echarts.min.js', 'd3.min.js', 'lodash.min.js', 'moment-with-locales.min.js', 'vue.global.prod.js'];
const MIN_HEAVY_BYTES = 5 * 1024 * 1024;

// devtools.timeline: EvaluateScript and FunctionCall (with script URL); v8.execute: RunMicrotasks.
const TRACE_CATEGORIES = ['devtools.timeline', 'v8.execute'].join(',');

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
function fakeAwsKeyId() {
  let id = 'AKIA';
  for (const byte of createHash('sha256').update(String(Math.random()) + Date.now()).digest().subarray(0, 16)) id += BASE32[byte % 32];
  return id;
}
const secretHash = (value) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

// --- The heavy page -----------------------------------------------------------------------------------

function pickBundles(corpus) {
  const picked = [];
  for (const name of HEAVY_BUNDLES) {
    const file = corpus.files.find((candidate) => path.basename(candidate) === name);
    if (file) picked.push({ name, text: readFileSync(file, 'utf8') });
  }
  const bytes = picked.reduce((sum, bundle) => sum + Buffer.byteLength(bundle.text), 0);
  if (bytes < MIN_HEAVY_BYTES) throw new Error(`heavy page: only ${(bytes / 1e6).toFixed(1)} MB of bundles found in the corpus (need >= 5 MB)`);
  return { bundles: picked, bytes };
}

function heavyHtml(run, bundles) {
  const rows = Array.from({ length: 2000 }, (_, i) => `<tr data-row-id="row-${i}" data-sku="SKU-${String(i).padStart(6, '0')}-EU"><td>${i}</td><td>Item ${i}</td><td>${(i * 1.17).toFixed(2)}</td></tr>`).join('\n');
  const island = JSON.stringify({ props: { pageProps: { products: Array.from({ length: 1500 }, (_, i) => ({ id: i, name: `Product ${i}`, description: `A very useful product number ${i} for everyday tasks`, tags: ['kitchen', 'garden', 'office'] })) } }, page: '/catalogue', buildId: `bench-${run}` });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LeakLens bench: heavy page</title>
<meta name="description" content="A heavy page for the page-load benchmark">
<script id="__NEXT_DATA__" type="application/json">${island}</script>
</head><body><h1>Catalogue</h1>
<!-- heavy page for the page-load benchmark: ${bundles.length} real bundles -->
<form action="/search" method="get"><input type="hidden" name="session_hint" value="catalogue-view-${run}"><input name="q"></form>
<table><tbody>
${rows}
</tbody></table>
${bundles.map((bundle) => `<script src="/bundles/${run}/${bundle.name}"></script>`).join('\n')}
<script>window.addEventListener("load", function () { document.documentElement.dataset.benchReady = "true"; });</script>
</body></html>`;
}

export async function startHeavyServer(corpus) {
  const { bundles, bytes } = pickBundles(corpus);
  const pems = await selfsigned.generate([{ name: 'commonName', value: HEAVY_HOST }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' });
  const plants = new Map();
  const server = createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
    const url = new URL(req.url ?? '/', `https://${HEAVY_HOST}`);
    const page = /^\/heavy\/(\d+)\.html$/.exec(url.pathname);
    if (page) return void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(heavyHtml(page[1], bundles));
    const script = /^\/bundles\/(\d+)\/([\w.-]+)$/.exec(url.pathname);
    const bundle = script && bundles.find((candidate) => candidate.name === script[2]);
    if (!bundle) return void res.writeHead(404).end();
    const run = script[1];
    // A per-run marker makes each run's bundles new content for the background's caches; the plant
    // sits at the very end of the largest bundle, so finding it means the whole bundle was scanned.
    let body = `${bundle.text}\n/* bench run ${run} */\n`;
    if (bundle === bundles[0]) body += `;void {region:"us-east-1",accessKeyId:"${plants.get(run)}"};\n`;
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = server.address().port;
  return {
    bytes,
    bundles: bundles.map((bundle) => bundle.name),
    pageUrl(run) {
      if (!plants.has(String(run))) plants.set(String(run), fakeAwsKeyId());
      return `https://${HEAVY_HOST}:${port}/heavy/${run}.html`;
    },
    plantHash: (run) => secretHash(plants.get(String(run))),
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

// --- Browsers -----------------------------------------------------------------------------------------

export async function launch({ browserPath, hostRules, extensionDir }) {
  const withExtension = extensionDir !== undefined;
  const profile = await mkdtemp(path.join(os.tmpdir(), 'leaklens-bench-'));
  const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--host-resolver-rules=${hostRules}`, '--ignore-certificate-errors'];
  if (withExtension) args.unshift(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(profile, { executablePath: browserPath, headless: true, ignoreHTTPSErrors: true, args });
  let extensionId;
  if (withExtension) {
    const deadline = Date.now() + 15_000;
    let worker;
    while (!worker && Date.now() < deadline) {
      worker = context.serviceWorkers().find((candidate) => candidate.url().startsWith('chrome-extension://'));
      if (!worker) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!worker) throw new Error('the extension did not start');
    while (Date.now() < deadline) {
      const ready = await worker.evaluate(() => globalThis.chrome?.webRequest?.onBeforeRequest.hasListeners() === true).catch(() => false);
      if (ready) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    extensionId = new URL(worker.url()).host;
  }
  return {
    context,
    extensionId,
    close: async () => {
      await context.close().catch(() => undefined);
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Navigation start → end of the load event, in ms, and the load event's end as epoch ms. */
function loadTiming(page) {
  return page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    return { loadMs: navigation.loadEventEnd, loadEpochMs: performance.timeOrigin + navigation.loadEventEnd };
  });
}

async function waitForLoadEnd(page) {
  await page.waitForFunction(() => performance.getEntriesByType('navigation')[0]?.loadEventEnd > 0, undefined, { timeout: 60_000 });
}

// --- Trace attribution --------------------------------------------------------------------------------

/** Union of [start, end) intervals, summing `weight(interval)` over disjoint parts. */
function unionTotals(intervals) {
  intervals.sort((a, b) => a.start - b.start);
  let wall = 0;
  let cpu = 0;
  let reach = -Infinity;
  for (const interval of intervals) {
    if (interval.start >= reach) {
      wall += interval.end - interval.start;
      cpu += interval.cpu;
      reach = interval.end;
    } else if (interval.end > reach) {
      // Partly nested: count only the part past the outer event (CPU pro rata).
      const extra = interval.end - reach;
      wall += extra;
      cpu += interval.cpu * (extra / (interval.end - interval.start));
      reach = interval.end;
    }
  }
  return { wallMs: wall / 1000, cpuMs: cpu / 1000 };
}

/** Microtask checkpoints that start this soon (µs) after one of a script's callbacks belong to it. */
const MICROTASK_GAP_US = 50;

/**
 * Main-thread time of each extension script in a trace (see the header comment for the method):
 * its `EvaluateScript` and `FunctionCall` events, plus any `RunMicrotasks` checkpoint starting right
 * after one of them on the same thread — promise continuations run there, outside the callback's own
 * event. (A checkpoint can also hold the page's microtasks: this errs on the side of counting more.)
 */
export function attributeTrace(events, extensionId, { initialWindowUs = INITIAL_AFTER_LOAD_MS * 1000 } = {}) {
  const prefix = `chrome-extension://${extensionId}/`;
  const byScript = new Map();
  const ends = [];
  const load = events.find((event) => event.name === 'MarkLoad' && event.args?.data?.isOutermostMainFrame);
  for (const event of events) {
    if (event.ph !== 'X' || (event.name !== 'EvaluateScript' && event.name !== 'FunctionCall')) continue;
    const url = event.args?.data?.url ?? '';
    if (!url.startsWith(prefix)) continue;
    const script = url.slice(prefix.length);
    const list = byScript.get(script) ?? [];
    const end = event.ts + (event.dur ?? 0);
    list.push({ start: event.ts, end, cpu: event.tdur ?? event.dur ?? 0, injection: event.name === 'EvaluateScript' });
    byScript.set(script, list);
    ends.push({ thread: `${event.pid}:${event.tid}`, end, script });
  }
  ends.sort((a, b) => a.end - b.end);
  for (const event of events) {
    if (event.ph !== 'X' || event.name !== 'RunMicrotasks') continue;
    const thread = `${event.pid}:${event.tid}`;
    const owner = ends.find((candidate) => candidate.thread === thread && event.ts >= candidate.end && event.ts - candidate.end <= MICROTASK_GAP_US);
    if (owner) byScript.get(owner.script).push({ start: event.ts, end: event.ts + (event.dur ?? 0), cpu: event.tdur ?? event.dur ?? 0 });
  }
  // "Initial": injection, the first collection pass and whatever else ran before load + 2.5 s — the
  // follow-up pass (3 s) and the first IndexedDB sample come after.
  const cutoff = load ? load.ts + initialWindowUs : Infinity;
  return Object.fromEntries(
    [...byScript].map(([script, intervals]) => {
      const total = unionTotals([...intervals]);
      const initial = unionTotals(intervals.filter((interval) => interval.start < cutoff));
      // Injection: compiling the file and running its top level, in the page's fresh world.
      const injection = unionTotals(intervals.filter((interval) => interval.injection));
      return [script, { ...total, initialCpuMs: initial.cpuMs, initialWallMs: initial.wallMs, injectionCpuMs: injection.cpuMs }];
    }),
  );
}

export async function tracedLoad(session, url) {
  const page = await session.context.newPage();
  const cdp = await session.context.newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', (message) => events.push(...message.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: TRACE_CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await waitForLoadEnd(page);
  await page.waitForTimeout(TRACE_AFTER_LOAD_MS);
  await cdp.send('Tracing.end');
  await complete;
  const timing = await loadTiming(page);
  await page.close();
  return { timing, scripts: attributeTrace(events, session.extensionId), referenceTimings: referenceTimings(events) };
}

/** The minimal reference collector's own timings of its first pass, from its trace stamp (or undefined). */
export function referenceTimings(events) {
  const stamp = events.find((event) => event.name === 'TimeStamp' && String(event.args?.data?.message ?? '').startsWith(`${REFERENCE_STAMP} `));
  if (!stamp) return undefined;
  const fields = Object.fromEntries(
    stamp.args.data.message
      .split(' ')
      .slice(1)
      .map((pair) => pair.split('='))
      .map(([name, value]) => [name, Number(value)]),
  );
  return { runtimeMs: fields.runtime, outerHtmlMs: fields.outerHTML, sendMs: fields.send, markupChars: fields.chars };
}

export async function plainLoad(session, url) {
  const page = await session.context.newPage();
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await waitForLoadEnd(page);
  const timing = await loadTiming(page);
  await page.close();
  return timing;
}

/**
 * An extension page to ask the background for reports from (the service worker cannot message itself).
 * Opened only for the time-to-findings runs: the popup re-renders as findings arrive, and left open
 * during the timed loads it would compete for the two cores with the page being measured — which a
 * user, whose popup closes as soon as they click back into the page, never sees.
 */
async function openExtensionPage(session) {
  const page = await session.context.newPage();
  await page.goto(`chrome-extension://${session.extensionId}/src/popup/index.html`);
  return page;
}

/** Load the heavy page and wait, inside an extension page, until the planted finding is stored. */
async function timeToFindings(session, extensionPage, url, hash) {
  const page = await session.context.newPage();
  const watching = extensionPage.evaluate(async ({ hash: wanted }) => {
    const deadline = Date.now() + 60_000;
    let foundAt;
    while (Date.now() < deadline) {
      const answer = await chrome.runtime.sendMessage({ type: 'leaklens/report', format: 'json' });
      const findings = answer?.ok ? JSON.parse(answer.document).findings : [];
      if (foundAt === undefined && findings.some((finding) => finding.secretHash === wanted && finding.source === 'script')) foundAt = Date.now();
      if (foundAt !== undefined) {
        const status = await chrome.runtime.sendMessage({ type: 'leaklens/status' });
        if (status.pending === 0) return { foundAt, idleAt: Date.now() };
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { foundAt, idleAt: undefined };
  }, { hash });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  await waitForLoadEnd(page);
  const timing = await loadTiming(page);
  const { foundAt, idleAt } = await watching;
  await page.close();
  return {
    loadMs: timing.loadMs,
    toFindingMs: foundAt === undefined ? NaN : foundAt - timing.loadEpochMs,
    toIdleMs: idleAt === undefined ? NaN : idleAt - timing.loadEpochMs,
  };
}

// --- A reference point ----------------------------------------------------------------------------------

/**
 * The least a content script can do for the same job in the same window: web storage, cookies and
 * the document's markup (one `outerHTML`), one MutationObserver and one message in a single idle
 * callback after load; then, 3 s later (as the real content script's first follow-up), storage and
 * cookies again (sent only if any of it changed) plus an IndexedDB sample (25 records per store, as
 * JSON) and one more message; and, from document start, every report of the reference probe relayed
 * to the background as is. No per-key diffs, limits, de-duplication, scheduling or flood budget.
 * Measured the same way, it shows what this machine charges for touching those APIs from a fresh
 * isolated world, for sending the markup (which grows with the DOM), for relaying and for reading
 * IndexedDB: the floor under the real content script.
 *
 * Its first pass also times three of its own steps with performance.now() (wall, 0.1 ms resolution)
 * and leaves them in the trace as a `console.timeStamp` (REFERENCE_STAMP): the first touch of
 * `chrome.runtime`, the `outerHTML` read and the `sendMessage` call that carries the markup. They show
 * where the floor goes, page by page.
 */
/** Marks the reference collector's own timings in the trace (see referenceTimings). */
const REFERENCE_STAMP = 'leaklens-bench-reference';
const MINIMAL_COLLECTOR = `(function () {
  function readStorage(area) {
    var out = [], i, k;
    for (i = 0; i < area.length; i++) { k = area.key(i); out.push([k, area.getItem(k)]); }
    return out;
  }
  function sampleIndexedDb(send) {
    indexedDB.databases().then(function (list) {
      var records = [], at = 0;
      function next() {
        if (at >= list.length) return send(records);
        var request = indexedDB.open(list[at++].name);
        request.onerror = next;
        request.onsuccess = function () {
          var db = request.result, names = Array.from(db.objectStoreNames), left = names.length * 2;
          if (!left) { db.close(); return next(); }
          var tx = db.transaction(names, 'readonly'), reads = [];
          function arrived() {
            if (--left) return;
            reads.forEach(function (read) { records.push([read[0], JSON.stringify(read[1].result), JSON.stringify(read[2].result)]); });
            db.close();
            next();
          }
          names.forEach(function (name) {
            var store = tx.objectStore(name), keys = store.getAllKeys(null, 25), values = store.getAll(null, 25);
            keys.onsuccess = values.onsuccess = arrived;
            reads.push([name, keys, values]);
          });
        };
      }
      next();
    });
  }
  addEventListener('message', function (event) {
    if (event.source === window && event.data && event.data.channel === 'leaklens-bench-reference') {
      chrome.runtime.sendMessage({ type: 'leaklens/bench-reference', report: event.data }).catch(function () {});
    }
  });
  addEventListener('load', function () {
    requestIdleCallback(function () {
      var t0 = performance.now();
      var markup = document.documentElement.outerHTML;
      var t1 = performance.now();
      new MutationObserver(function () {}).observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
      var first = { local: readStorage(localStorage), session: readStorage(sessionStorage), cookies: document.cookie };
      var t2 = performance.now();
      var runtime = chrome.runtime;
      var t3 = performance.now();
      runtime.sendMessage({ type: 'leaklens/bench-reference', state: first, markup: markup }).catch(function () {});
      var t4 = performance.now();
      console.timeStamp('${REFERENCE_STAMP} runtime=' + (t3 - t2) + ' outerHTML=' + (t1 - t0) + ' send=' + (t4 - t3) + ' chars=' + markup.length);
      var before = JSON.stringify(first);
      setTimeout(function () {
        requestIdleCallback(function () {
          var now = { local: readStorage(localStorage), session: readStorage(sessionStorage), cookies: document.cookie };
          // Like the real content script, storage that did not change is not sent again.
          var changed = JSON.stringify(now) !== before;
          sampleIndexedDb(function (records) {
            chrome.runtime.sendMessage({ type: 'leaklens/bench-reference', state: changed ? now : undefined, indexedDb: records }).catch(function () {});
          });
        });
      }, 3000);
    });
  }, { once: true });
})();
`;

/**
 * The least a MAIN-world probe can do for the same job in the same window: at document start, the
 * window's own names (the baseline for page-added globals) and plain pass-through Proxies over fetch,
 * XHR (open, setRequestHeader, send) and, on HTTPS pages, WebSocket, sendBeacon and form.submit plus a
 * submit listener; JSON/text response bodies read from a clone and posted; on DOMContentLoaded the
 * referrer meta and mixed-content elements looked up; on idle after load and again at 3 s, the
 * well-known and page-added globals as JSON (no getter safety, no bounds, no change tracking), posted.
 * Its document-start column is the floor under the real probe's: what compiling a small script and
 * touching those interfaces costs a page before its first script runs.
 */
const MINIMAL_PROBE = `(function () {
  var baseline = Object.keys(window), post = window.postMessage.bind(window), origin = location.origin;
  function send(kind, payload) { post({ channel: 'leaklens-bench-reference', kind: kind, payload: payload }, origin); }
  function pass(target) { return new Proxy(target, { apply: function (fn, self, args) { return Reflect.apply(fn, self, args); } }); }
  var nativeFetch = window.fetch;
  window.fetch = new Proxy(nativeFetch, { apply: function (fn, self, args) {
    return Reflect.apply(fn, self, args).then(function (response) {
      if (/json|^text\\//.test(response.headers.get('content-type') || '')) response.clone().text().then(function (body) { send('responses', [response.url, body]); }, function () {});
      return response;
    });
  } });
  var xhr = XMLHttpRequest.prototype;
  xhr.open = pass(xhr.open);
  xhr.setRequestHeader = pass(xhr.setRequestHeader);
  xhr.send = new Proxy(xhr.send, { apply: function (fn, self, args) {
    self.addEventListener('load', function () { if (self.responseType === '' || self.responseType === 'text') send('responses', [self.responseURL, self.responseText]); });
    return Reflect.apply(fn, self, args);
  } });
  if (location.protocol === 'https:') {
    window.WebSocket = new Proxy(WebSocket, { construct: function (target, args) { return Reflect.construct(target, args); } });
    Navigator.prototype.sendBeacon = pass(Navigator.prototype.sendBeacon);
    HTMLFormElement.prototype.submit = pass(HTMLFormElement.prototype.submit);
    addEventListener('submit', function () {}, true);
  }
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelector('meta[name="referrer" i]');
    document.querySelectorAll('img[src^="http:" i],script[src^="http:" i],iframe[src^="http:" i],link[rel~="stylesheet" i][href^="http:" i]');
  }, { once: true });
  var known = ['__APP_CONFIG__', '__CONFIG__', '__ENV__', '__NUXT__', '__NEXT_DATA__', '__remixContext', '__INITIAL_STATE__', 'firebaseConfig', 'env', 'config'];
  function globals() {
    var names = known.concat(Object.keys(window).filter(function (name) { return baseline.indexOf(name) < 0 && known.indexOf(name) < 0; }));
    var out = [];
    names.forEach(function (name) {
      try { var value = window[name]; if (value && typeof value === 'object') out.push([name, JSON.stringify(value)]); else if (typeof value === 'string') out.push([name, value]); } catch (error) {}
    });
    send('globals', out);
  }
  addEventListener('load', function () {
    requestIdleCallback(globals);
    setTimeout(function () { requestIdleCallback(globals); }, 3000);
  }, { once: true });
})();
`;

/**
 * A copy of the built extension whose content scripts are the minimal collector and the minimal probe.
 * Same manifest, so the same message serialization (structured clone in Chrome) for both.
 */
async function referenceExtension() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'leaklens-bench-reference-'));
  cpSync(DIST, dir, { recursive: true });
  writeFileSync(path.join(dir, 'src/content/index.js'), MINIMAL_COLLECTOR);
  writeFileSync(path.join(dir, 'src/content/probe/index.js'), MINIMAL_PROBE);
  return dir;
}

// --- The section --------------------------------------------------------------------------------------

const stats = (values) => {
  const finite = values.filter(Number.isFinite);
  return { median: finite.length ? median(finite) : NaN, min: Math.min(...finite), max: Math.max(...finite), runs: values };
};
const round = (value) => (Number.isFinite(value) ? Math.round(value * 100) / 100 : null);
const ISOLATED = 'src/content/index.js';
const MAIN_WORLD = 'src/content/probe/index.js';

export async function run(ctx) {
  if (!existsSync(path.join(DIST, 'manifest.json'))) throw new Error('page-load: dist/ is missing; run "npm run build" first');
  if (!ctx.corpus) throw new Error('page-load needs the corpus (ensureCorpus)');
  const runs = Math.max(5, ctx.runs ?? 3);
  const log = ctx.log ?? (() => undefined);
  const browserPath = ensureChromium({ install: false });
  const demo = await startDemo();
  const heavy = await startHeavyServer(ctx.corpus);
  const referenceDir = await referenceExtension();
  const hostRules = `${demo.hostResolverRules}, MAP ${HEAVY_HOST} 127.0.0.1`;
  const pages = [
    { id: 'demo /', url: () => demo.urls.app },
    { id: 'demo /page.html', url: () => new URL('/page.html', demo.urls.app).href },
    { id: 'demo /reports.html', url: () => new URL('/reports.html', demo.urls.app).href },
    { id: `heavy (${(heavy.bytes / 1e6).toFixed(1)} MB)`, url: (n) => heavy.pageUrl(n) },
  ];
  let runCounter = 0;
  const results = Object.fromEntries(pages.map((page) => [page.id, {}]));
  /**
   * Traced loads of each page by several browsers in turns (the extension, the minimal reference), so
   * drift in the machine's speed during the run hits all of them alike and their ratio stays honest.
   */
  const tracedInTurns = async (modes) => {
    for (const page of pages) {
      const samples = modes.map(() => ({ cpu: [], wall: [], initialCpu: [], injectionCpu: [], probeCpu: [], probeWall: [], probeInjectionCpu: [], runtimeMs: [], outerHtmlMs: [], sendMs: [], markupChars: [] }));
      for (let i = 0; i < runs; i++) {
        const turn = modes.map((mode, index) => [mode, samples[index]]);
        for (const [mode, into] of i % 2 === 0 ? turn : turn.reverse()) {
          const { scripts, referenceTimings: timings } = await tracedLoad(mode.session, page.url(++runCounter));
          const isolated = scripts[ISOLATED] ?? { cpuMs: 0, wallMs: 0, initialCpuMs: 0, injectionCpuMs: 0 };
          const probe = scripts[MAIN_WORLD] ?? { cpuMs: 0, wallMs: 0, injectionCpuMs: 0 };
          into.cpu.push(isolated.cpuMs);
          into.wall.push(isolated.wallMs);
          into.initialCpu.push(isolated.initialCpuMs);
          into.injectionCpu.push(isolated.injectionCpuMs);
          into.probeCpu.push(probe.cpuMs);
          into.probeWall.push(probe.wallMs);
          into.probeInjectionCpu.push(probe.injectionCpuMs);
          for (const name of ['runtimeMs', 'outerHtmlMs', 'sendMs', 'markupChars']) into[name].push(timings?.[name] ?? NaN);
        }
      }
      modes.forEach((mode, index) => {
        results[page.id][mode.key] = Object.fromEntries(Object.entries(samples[index]).map(([name, values]) => [name, stats(values)]));
        log(`    ${mode.key} ${page.id}: ${median(samples[index].cpu).toFixed(2)} ms CPU median`);
      });
    }
  };
  /**
   * Load times with and without the extension, paired: the two browsers take turns on each page, so
   * drift in the machine's speed hits both alike. After each load the background gets a moment to
   * finish its work, so it does not spill into the next load of either browser.
   */
  const pairedLoads = async (withExtension, without) => {
    for (const page of pages) {
      const loadWith = [];
      const loadWithout = [];
      for (let i = 0; i < runs; i++) {
        const order = i % 2 === 0 ? [[withExtension, loadWith], [without, loadWithout]] : [[without, loadWithout], [withExtension, loadWith]];
        for (const [session, values] of order) {
          values.push((await plainLoad(session, page.url(++runCounter))).loadMs);
          await new Promise((resolve) => setTimeout(resolve, SETTLE_BETWEEN_LOADS_MS));
        }
      }
      results[page.id].loadWith = stats(loadWith);
      results[page.id].loadWithout = stats(loadWithout);
    }
  };
  try {
    log(`  page-load: ${runs} traced loads per page with the extension and with the minimal reference collector, taking turns (${TRACE_AFTER_LOAD_MS} ms after load each)`);
    const withExtension = await launch({ browserPath, hostRules, extensionDir: DIST });
    try {
      const reference = await launch({ browserPath, hostRules, extensionDir: referenceDir });
      try {
        // One untimed load per page first: the first page in a fresh browser pays process start-up.
        for (const session of [withExtension, reference]) for (const page of pages) await plainLoad(session, page.url(++runCounter));
        await tracedInTurns([
          { session: withExtension, key: 'extension' },
          { session: reference, key: 'reference' },
        ]);
      } finally {
        await reference.close();
      }
      log(`  page-load: ${runs} loads per page with and without the extension, taking turns`);
      const without = await launch({ browserPath, hostRules });
      try {
        for (const page of pages) await plainLoad(without, page.url(++runCounter));
        await pairedLoads(withExtension, without);
      } finally {
        await without.close();
      }
      log(`  page-load: ${runs} heavy-page loads for the time from load to findings (untraced)`);
      const findings = [];
      const extensionPage = await openExtensionPage(withExtension);
      for (let i = 0; i < runs; i++) {
        const n = ++runCounter;
        findings.push(await timeToFindings(withExtension, extensionPage, heavy.pageUrl(n), heavy.plantHash(n)));
      }
      await extensionPage.close();
      results.heavyFindings = {
        toFinding: stats(findings.map((f) => f.toFindingMs)),
        fromNavigation: stats(findings.map((f) => f.toFindingMs + f.loadMs)),
        toIdle: stats(findings.map((f) => f.toIdleMs)),
      };
    } finally {
      await withExtension.close();
    }
  } finally {
    rmSync(referenceDir, { recursive: true, force: true });
    await heavy.close();
    await demo.close();
  }

  const rows = pages.map((page) => {
    const r = results[page.id];
    return [
      page.id,
      fmtMs(r.extension.cpu.median),
      fmtMs(r.extension.initialCpu.median),
      fmtMs(r.extension.injectionCpu.median),
      fmtMs(r.extension.wall.median),
      fmtMs(r.reference.cpu.median),
      `${(r.extension.cpu.median / r.reference.cpu.median).toFixed(2)}x`,
      fmtMs(r.extension.probeCpu.median),
      fmtMs(r.extension.probeInjectionCpu.median),
      fmtMs(r.reference.probeInjectionCpu.median),
      fmtMs(r.loadWithout.median),
      fmtMs(r.loadWith.median),
    ];
  });
  const worstContent = Math.max(...pages.map((page) => results[page.id].extension.cpu.median));
  const worstInitial = Math.max(...pages.map((page) => results[page.id].extension.initialCpu.median));
  const heavyFindings = results.heavyFindings;
  const when = (ms) => (ms <= 0 ? `${fmtMs(-ms)} before the load event` : `${fmtMs(ms)} after the load event`);
  const text = [
    heading('Page load: content-script main-thread time and time to findings'),
    'Method: a Chrome trace per load. Main-thread time of a content script = union of its EvaluateScript and FunctionCall events',
    '(every callback it registered) plus microtask checkpoints right after them, as thread CPU time (tdur); wall time alongside.',
    `Window: navigation to load + ${TRACE_AFTER_LOAD_MS / 1000} s (injection, the first pass on idle after load, the follow-up pass at 3 s with the`,
    `first IndexedDB sample, the globals re-probe at 3 s); "initial" = before load + ${INITIAL_AFTER_LOAD_MS / 1000} s; "injection" = compiling the file and`,
    `running its top level (part of "initial"). ${runs} loads per page and mode, the two modes taking turns, medians,`,
    'after one untimed load per page. "Minimal reference" = the same job from a 50-line script: storage, cookies, one outerHTML and one',
    'message on idle after load; at 3 s storage and cookies again, an IndexedDB sample and one message; its probe\'s reports relayed as they',
    'come (no diffs, limits, de-duplication or flood budget).',
    `Heavy page: ${heavy.bundles.join(', ')} (${(heavy.bytes / 1e6).toFixed(1)} MB of real bundles) + a 2 000-row table + a ~200 KB JSON data island.`,
    'Load time = navigation start to load event end, untraced; with and without the extension in turns on each page.',
    '',
    table(['page', 'content script CPU', 'initial CPU', 'injection CPU', 'wall', 'minimal reference CPU', 'ratio', 'MAIN-world probe CPU', 'probe at document start', 'reference probe at document start', 'load w/o ext', 'load with ext'], rows),
    '',
    'Where the minimal reference\'s first pass goes (its own performance.now() around three steps, wall ms, medians): the first touch of',
    'chrome.runtime (Chromium builds the extension bindings then; 0 if a relayed probe report touched it first), reading outerHTML, and the',
    'sendMessage call that carries the markup (serialising it for IPC happens inside that call, on the page\'s main thread).',
    '',
    table(
      ['page', 'markup', 'chrome.runtime first touch', 'outerHTML', 'sendMessage with the markup'],
      pages.map((page) => {
        const r = results[page.id].reference;
        const ms = (value) => (Number.isFinite(value) ? fmtMs(value) : 'n/a');
        const chars = Number.isFinite(r.markupChars.median) ? `${Math.round(r.markupChars.median / 1000)} K chars` : 'n/a';
        return [page.id, chars, ms(r.runtimeMs.median), ms(r.outerHtmlMs.median), ms(r.sendMs.median)];
      }),
    ),
    '',
    `Heavy page, the finding planted at the very end of its largest bundle was stored ${when(heavyFindings.toFinding.median)} (median; ` +
      `${fmtMs(heavyFindings.fromNavigation.median)} after navigation start); all scanning idle ${when(heavyFindings.toIdle.median)}.`,
    `Targets: content script <= ${TARGETS.contentScriptMedianMs} ms median per load — worst page ${fmtMs(worstContent)} over the window, ${fmtMs(worstInitial)} initial: ` +
      `${worstContent <= TARGETS.contentScriptMedianMs ? 'met' : 'NOT met'}; load → findings <= ${TARGETS.loadToFindingsMs} ms: ${heavyFindings.toFinding.median <= TARGETS.loadToFindingsMs ? 'met' : 'NOT met'}.`,
    'The MAIN-world probe column is one file: the globals walk and the network issue\'s fetch/XHR hook together; "probe at document start"',
    'is its part that runs before any page script (compiling it and installing the hook), which the page\'s parser waits for; the reference',
    'probe (pass-through Proxies over the same APIs, the same reads, no safety or bounds) is measured alongside, in the reference browser.',
    'The probe hands each report to the content script by dispatching an event the content script listens to (src/content/probe-channel.ts);',
    'the content script only queues it there and relays it in a task of its own, counted in its column. The handshake at document start',
    'runs nested inside the injection of whichever of the two scripts comes second, and counts there.',
  ].join('\n');
  const summary = {
    method:
      'chrome trace: EvaluateScript + FunctionCall of the script URL + RunMicrotasks right after, union, tdur (CPU) and dur (wall); navigation to load + 6.5 s; initial = before load + 2.5 s',
    runs,
    heavyBundles: heavy.bundles,
    heavyBytes: heavy.bytes,
    pages: Object.fromEntries(
      pages.map((page) => {
        const r = results[page.id];
        return [
          page.id,
          {
            contentScriptCpuMs: round(r.extension.cpu.median),
            contentScriptInitialCpuMs: round(r.extension.initialCpu.median),
            contentScriptInjectionCpuMs: round(r.extension.injectionCpu.median),
            contentScriptWallMs: round(r.extension.wall.median),
            contentScriptCpuRunsMs: r.extension.cpu.runs.map(round),
            minimalReferenceCpuMs: round(r.reference.cpu.median),
            ratioToReference: round(r.extension.cpu.median / r.reference.cpu.median),
            probeCpuMs: round(r.extension.probeCpu.median),
            probeWallMs: round(r.extension.probeWall.median),
            probeDocumentStartCpuMs: round(r.extension.probeInjectionCpu.median),
            minimalProbeCpuMs: round(r.reference.probeCpu.median),
            minimalProbeDocumentStartCpuMs: round(r.reference.probeInjectionCpu.median),
            minimalReferenceFirstPass: {
              markupChars: round(r.reference.markupChars.median),
              runtimeFirstTouchMs: round(r.reference.runtimeMs.median),
              outerHtmlMs: round(r.reference.outerHtmlMs.median),
              sendMessageMs: round(r.reference.sendMs.median),
            },
            loadWithoutMs: round(r.loadWithout.median),
            loadWithMs: round(r.loadWith.median),
          },
        ];
      }),
    ),
    heavyLoadToFindingMs: round(heavyFindings.toFinding.median),
    heavyLoadToFindingRunsMs: heavyFindings.toFinding.runs.map(round),
    heavyNavigationToFindingMs: round(heavyFindings.fromNavigation.median),
    heavyLoadToIdleMs: round(heavyFindings.toIdle.median),
    targets: {
      contentScript: { target: TARGETS.contentScriptMedianMs, worstPageMedian: round(worstContent), worstPageInitialMedian: round(worstInitial), met: worstContent <= TARGETS.contentScriptMedianMs },
      loadToFindings: { target: TARGETS.loadToFindingsMs, median: round(heavyFindings.toFinding.median), met: heavyFindings.toFinding.median <= TARGETS.loadToFindingsMs },
    },
  };
  return { summary, text };
}
