/**
 * Scripts: inline code is copied (it exists nowhere else), external scripts are reported by URL only —
 * the background fetches and scans them, so megabytes of bundles never cross the message channel.
 * JSON data islands (`<script type="application/json">`, `#__NEXT_DATA__`, ld+json, import maps) are
 * found on the same walk and copied as data.
 *
 * Sources of script URLs, because no single one sees everything:
 * - `document.scripts` (classic and module) and <link rel=modulepreload|preload|prefetch as=script>;
 * - a MutationObserver for <script> and <link> elements added later (tag managers, widgets, SPAs),
 *   started after load so parsing the page itself costs nothing;
 * - resource timing (PerformanceObserver) for what loads without an element: `import()` lazy chunks,
 *   `new Worker()` and `importScripts()` scripts, module dependencies;
 * - and, in the background, webRequest `script` events.
 */
import type { DataIsland, SnapshotSkip } from '../../shared/messages.ts';
import { SNAPSHOT_LIMITS } from '../../shared/messages.ts';
import type { SentMemo } from './memo.ts';

export const SCRIPT_LIMITS = {
  maxScripts: SNAPSHOT_LIMITS.maxScripts,
  maxInlineLength: SNAPSHOT_LIMITS.maxValueLength,
  maxIslands: SNAPSHOT_LIMITS.maxDataIslands,
  /** URLs reported over the page's life; past this, webRequest events still cover new scripts. */
  maxUrls: 2000,
  /** Mutation records looked at before the observer gives up (pathological DOM churn). */
  maxMutationRecords: 200_000,
} as const;

export interface InlineScript {
  selector: string;
  text: string;
}

export interface ScriptCollection {
  inline: InlineScript[];
  urls: string[];
  /** JSON data islands (`application/json`, `ld+json`, import maps): data, not code. */
  islands: DataIsland[];
  skipped: SnapshotSkip[];
}

/** Only web URLs are worth a fetch; `data:` and `blob:` scripts are inline in all but name. */
export function isFetchableScriptUrl(url: string): boolean {
  return (url.startsWith('https://') || url.startsWith('http://')) && url.length <= SNAPSHOT_LIMITS.maxUrlLength;
}

const SCRIPT_PATH = /\.(?:m?js|cjs)$/i;

/** A resource-timing entry that is a script (lazy chunk, worker, module dependency, modulepreload). */
export function isScriptResource(initiatorType: string, url: string): boolean {
  if (initiatorType === 'script') return true;
  if (initiatorType !== 'other' && initiatorType !== 'link') return false;
  // Workers and modulepreloads are typed "other" in Chromium: keep those whose path is a script's.
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return false;
  }
  return SCRIPT_PATH.test(pathname);
}

/** Script types that hold data, not code: JSON islands, import maps, speculation rules. */
export function isDataScriptType(type: string): boolean {
  const normalised = type.trim().toLowerCase();
  return normalised.endsWith('json') || normalised === 'importmap' || normalised === 'speculationrules';
}

/** `script#id`, `script[type="application/ld+json"]`, or `inline script #n` (1-based, document order). */
export function scriptSelector(script: HTMLScriptElement, index: number): string {
  const id = script.getAttribute('id');
  if (id) return `script#${id.slice(0, 200)}`;
  const type = script.getAttribute('type');
  if (type && isDataScriptType(type)) return `script[type=${JSON.stringify(type.trim().toLowerCase()).slice(0, 200)}]`;
  return `inline script #${index + 1}`;
}

/**
 * One walk over `document.scripts` (classic and module; inline code copied with where it is, external
 * ones by URL, JSON islands apart) plus <link rel=modulepreload|preload|prefetch as=script>. Later
 * scripts arrive through `watchScripts`.
 */
export function collectScripts(doc: Document, memo: SentMemo): ScriptCollection {
  const collection: ScriptCollection = { inline: [], urls: [], islands: [], skipped: [] };
  const scripts = doc.scripts;
  const count = Math.min(scripts.length, SCRIPT_LIMITS.maxScripts);
  for (let index = 0; index < count; index++) {
    const script = scripts[index]!;
    if (script.hasAttribute('src')) {
      const url = script.src;
      if (isFetchableScriptUrl(url) && memo.fresh('script-url', '', url)) collection.urls.push(url);
      continue;
    }
    copyInline(script, index, memo, collection);
  }
  if (scripts.length > SCRIPT_LIMITS.maxScripts) collection.skipped.push({ what: 'scripts', reason: `only the first ${SCRIPT_LIMITS.maxScripts} of ${scripts.length} were read` });
  const links = doc.querySelectorAll('link[rel~="modulepreload" i][href], link[rel~="preload" i][as="script" i][href], link[rel~="prefetch" i][as="script" i][href]');
  for (let index = 0; index < links.length && index < SCRIPT_LIMITS.maxScripts; index++) {
    const url = (links[index] as HTMLLinkElement).href;
    if (isFetchableScriptUrl(url) && memo.fresh('script-url', '', url)) collection.urls.push(url);
  }
  return collection;
}

/** An inline <script>: code to `inline`, JSON to `islands`; oversized ones to `skipped`. */
function copyInline(script: HTMLScriptElement, index: number, memo: SentMemo, into: ScriptCollection): void {
  const text = script.text;
  if (text.trim().length === 0) return;
  const type = script.getAttribute('type');
  const isData = type !== null && isDataScriptType(type);
  const selector = scriptSelector(script, index);
  if (text.length > SCRIPT_LIMITS.maxInlineLength) {
    if (memo.fresh('inline-skipped', selector, String(text.length))) into.skipped.push({ what: selector, reason: `too large (${text.length} characters)` });
    return;
  }
  if (isData) {
    if (into.islands.length < SCRIPT_LIMITS.maxIslands && memo.fresh('island', selector, text)) into.islands.push({ selector, type: type.trim().toLowerCase().slice(0, 200), text });
  } else if (memo.fresh('inline', '', text)) {
    into.inline.push({ selector, text });
  }
}

export interface ScriptWatch {
  /** Scripts and script links added since the last call. */
  take(): ScriptCollection;
  /** True when elements were added since the last call (the DOM collectors may have work). */
  takeDomChanged(): boolean;
  stop(): void;
}

/**
 * Watches for scripts that arrive after the first collection. The observer callback only files
 * element references (a nodeName check per added node); copying happens in `take()`, on idle.
 */
export function watchScripts(doc: Document, memo: SentMemo, onActivity: () => void): ScriptWatch {
  const pendingElements: Element[] = [];
  const pendingUrls: string[] = [];
  let domChanged = false;
  let recordsSeen = 0;
  let urlsReported = 0;

  const observer = new MutationObserver((records) => {
    recordsSeen += records.length;
    let scriptsAdded = false;
    for (const record of records) {
      const added = record.addedNodes;
      for (let index = 0; index < added.length; index++) {
        const node = added[index]!;
        if (node.nodeType !== 1) continue;
        domChanged = true;
        // Scripts nested in an added subtree still load, and webRequest reports them; only the
        // direct case is filed here, keeping this callback O(records).
        const name = node.nodeName;
        if ((name === 'SCRIPT' || name === 'LINK') && pendingElements.length < SCRIPT_LIMITS.maxScripts) {
          pendingElements.push(node as Element);
          scriptsAdded = true;
        }
      }
    }
    if (recordsSeen > SCRIPT_LIMITS.maxMutationRecords) observer.disconnect();
    // Other DOM changes wait for the next scheduled pass; only new scripts ask for an earlier one.
    if (scriptsAdded) onActivity();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true });

  let performanceObserver: PerformanceObserver | undefined;
  try {
    performanceObserver = new PerformanceObserver((list) => {
      let unseen = false;
      for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
        if (urlsReported >= SCRIPT_LIMITS.maxUrls) break;
        if (!isScriptResource(entry.initiatorType, entry.name) || !isFetchableScriptUrl(entry.name)) continue;
        urlsReported++;
        pendingUrls.push(entry.name);
        // The buffered entries are mostly scripts the first collection already listed.
        if (!memo.has('script-url', '', entry.name)) unseen = true;
      }
      if (unseen) onActivity();
    });
    performanceObserver.observe({ type: 'resource', buffered: true });
  } catch {
    // No resource timing here (old engines): webRequest still reports scripts.
  }

  return {
    take() {
      const collection: ScriptCollection = { inline: [], urls: [], islands: [], skipped: [] };
      for (const element of pendingElements.splice(0)) {
        if (element instanceof HTMLScriptElement) {
          if (!element.hasAttribute('src')) copyInline(element, indexOf(doc, element), memo, collection);
          else if (isFetchableScriptUrl(element.src) && memo.fresh('script-url', '', element.src)) collection.urls.push(element.src);
        } else if (element instanceof HTMLLinkElement) {
          const rel = element.rel.toLowerCase();
          const isScriptLink = rel.includes('modulepreload') || ((rel.includes('preload') || rel.includes('prefetch')) && element.as === 'script');
          if (isScriptLink && isFetchableScriptUrl(element.href) && memo.fresh('script-url', '', element.href)) collection.urls.push(element.href);
        }
      }
      for (const url of pendingUrls.splice(0)) if (memo.fresh('script-url', '', url)) collection.urls.push(url);
      return collection;
    },
    takeDomChanged() {
      const changed = domChanged;
      domChanged = false;
      return changed;
    },
    stop() {
      observer.disconnect();
      performanceObserver?.disconnect();
    },
  };
}

function indexOf(doc: Document, script: HTMLScriptElement): number {
  const scripts = doc.scripts;
  for (let index = 0; index < scripts.length && index < SCRIPT_LIMITS.maxScripts; index++) if (scripts[index] === script) return index;
  return scripts.length;
}
