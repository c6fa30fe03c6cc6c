/**
 * Window globals, seen from the page's own (MAIN) world: the well-known config globals apps use to
 * ship settings to the browser (`__APP_CONFIG__`, `__NEXT_DATA__`, `firebaseConfig`, …) and every
 * other property the page added to `window`, each walked with a bounded, getter-safe copy that keeps
 * only strings and the keys leading to them (../collectors/prune.ts).
 *
 * "Added by the page" = not among the window's own enumerable property names when this probe starts,
 * at document_start, before any page script has run: an exact baseline of this browser's standard
 * globals, taken for free, with no iframe to create and no list to keep up to date.
 *
 * Values set after load are caught by probing again once the page has gone idle: on idle after load,
 * then at 3 s, 10 s and 30 s, then every minute while the tab is visible. Each probe posts only the
 * globals whose copy changed, so repeats do not inflate counts. Reports travel over a channel the page
 * cannot read or write (../probe-channel.ts), but the page owns the values read here and can make them
 * lie; the background treats them as data and labels findings "reported by the page".
 */
import { GLOBALS_LIMITS } from '../../shared/probe-protocol.ts';
import { dataProperty, DEFAULT_PRUNE_LIMITS, serialisePruned, type PruneLimits, type PruneStats } from '../collectors/prune.ts';
import { runWhenIdle, whenIdle, type Deadline } from '../collectors/schedule.ts';
import { postToContentScript } from './post.ts';

/** Config globals that frameworks and hand-rolled apps use to ship settings to the browser. */
export const WELL_KNOWN_GLOBALS = [
  '__APP_CONFIG__',
  '__CONFIG__',
  '__ENV__',
  '__env',
  '_env_',
  'env',
  'ENV',
  '__RUNTIME_CONFIG__',
  'runtimeConfig',
  '__NUXT__',
  '__NEXT_DATA__',
  '__remixContext',
  '__INITIAL_STATE__',
  '__PRELOADED_STATE__',
  '__APOLLO_STATE__',
  '__STATE__',
  'firebaseConfig',
  'appConfig',
  'APP_CONFIG',
  'config',
  'process',
];

/** Page globals that are tooling plumbing, large and never configuration. */
const PLUMBING = /^(?:webpackChunk|webpackJsonp|__webpack_|__REACT_DEVTOOLS_|__VUE_DEVTOOLS_|__coverage__|\$Refresh(?:Reg|Sig)\$|__vite_)/;

export const GLOBAL_WALK_LIMITS = {
  /** Page-added globals looked at per probe (the well-known ones come first). */
  maxPageGlobals: 300,
  /** Nodes (objects, arrays, strings) visited per global, and per probe in total. */
  maxNodesPerGlobal: 2000,
  maxNodesPerProbe: 20_000,
  maxDepth: 6,
  /** Follow-up probes after load (ms), then one per period while visible. */
  followUpsMs: [3000, 10_000, 30_000],
  periodMs: 60_000,
  /** Globals remembered for the "changed since last probe" check. */
  maxRemembered: 600,
} as const;

/** JSON overhead (quotes, escapes, keys) must still fit GLOBALS_LIMITS.maxValueLength. */
const GLOBAL_PRUNE_LIMITS: PruneLimits = {
  ...DEFAULT_PRUNE_LIMITS,
  maxDepth: GLOBAL_WALK_LIMITS.maxDepth,
  maxNodes: GLOBAL_WALK_LIMITS.maxNodesPerGlobal,
  maxChars: Math.floor(GLOBALS_LIMITS.maxValueLength * 0.75),
};

// Captured at document_start, before the page can replace them.
const ownEnumerableKeys = Object.keys;
const NodeClass: typeof Node | undefined = typeof Node === 'function' ? Node : undefined;

/**
 * The window's own enumerable property names right now (or none if something went wrong). What a page
 * adds — `var x`, `window.x = …`, top-level functions — is enumerable, while nearly all of the ~1 000
 * standard globals (interface objects) are not: Object.keys(window) is ~200 names and ~0.05 ms,
 * Object.getOwnPropertyNames(window) ~1 000 names and ~0.7 ms, on every probe.
 */
export function ownNames(scope: object): string[] {
  try {
    return ownEnumerableKeys(scope);
  } catch {
    return [];
  }
}

/** Names to probe: the well-known ones, then what the page added since `baseline`, bounded. */
export function namesToProbe(scope: object, baseline: ReadonlySet<string>): string[] {
  const names = [...WELL_KNOWN_GLOBALS];
  const known = new Set<string>(WELL_KNOWN_GLOBALS);
  let added = 0;
  for (const name of ownNames(scope)) {
    if (added >= GLOBAL_WALK_LIMITS.maxPageGlobals) break;
    if (baseline.has(name) || known.has(name) || PLUMBING.test(name)) continue;
    names.push(name);
    added++;
  }
  return names;
}

/**
 * One global as text worth scanning: a string as is, an object or array as the JSON of its pruned
 * copy. Functions, DOM nodes, windows and accessor properties (never invoked) give nothing.
 */
export function serialiseGlobal(scope: object, name: string, limits: PruneLimits = GLOBAL_PRUNE_LIMITS, stats?: PruneStats): string | undefined {
  const value = dataProperty(scope, name);
  if (value === undefined || value === null || typeof value === 'function') return undefined;
  if (typeof value === 'object') {
    try {
      if (value === scope || (NodeClass && value instanceof NodeClass)) return undefined;
    } catch {
      return undefined;
    }
  }
  const text = serialisePruned(value, limits, stats);
  return text !== undefined && text.length > 2 && text.length <= GLOBALS_LIMITS.maxValueLength ? text : undefined;
}

/**
 * Probes globals and reports those whose copy changed since the last report. State (the baseline
 * and what was reported) lives in the instance, so tests can run several against a fake window.
 */
export class GlobalsProbe {
  private readonly reported = new Map<string, string>();

  constructor(
    private readonly scope: object,
    private readonly baseline: ReadonlySet<string>,
  ) {}

  /**
   * Changed [path, text] entries. `budget` is shared by the calls of one probe round, so a round walks
   * at most `maxNodesPerProbe` nodes however its globals are split into steps.
   */
  collect(names: readonly string[], budget: PruneStats = { nodes: 0 }): [string, string][] {
    const changed: [string, string][] = [];
    for (const name of names) {
      const nodesLeft = GLOBAL_WALK_LIMITS.maxNodesPerProbe - budget.nodes;
      if (nodesLeft <= 0) break;
      const limits = { ...GLOBAL_PRUNE_LIMITS, maxNodes: Math.min(GLOBAL_PRUNE_LIMITS.maxNodes, nodesLeft) };
      budget.nodes++; // reading the property itself
      const text = serialiseGlobal(this.scope, name, limits, budget);
      if (text === undefined) continue;
      const path = `window.${name}`;
      if (this.reported.get(path) === text) continue;
      if (this.reported.size >= GLOBAL_WALK_LIMITS.maxRemembered) this.reported.clear();
      this.reported.set(path, text);
      changed.push([path, text]);
    }
    return changed;
  }

  /** One full round over the well-known and page-added globals. */
  collectAll(): [string, string][] {
    return this.collect(namesToProbe(this.scope, this.baseline));
  }
}

/** Splits entries into posts within the relay's limits (entries per message, bytes per message). */
export function toPosts(entries: [string, string][], maxBytes: number): [string, string][][] {
  const posts: [string, string][][] = [];
  let current: [string, string][] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = entry[0].length + entry[1].length + 16;
    if (current.length > 0 && (current.length >= GLOBALS_LIMITS.maxEntries || bytes + size > maxBytes)) {
      posts.push(current);
      current = [];
      bytes = 0;
    }
    current.push(entry);
    bytes += size;
  }
  if (current.length > 0) posts.push(current);
  return posts;
}

/** Half the cap on one report's JSON text (PROBE_MAX_BYTES): escaping can double a string's size. */
const MAX_POST_BYTES = 1024 * 1024;

// Timers captured at document_start: a page that replaces them later cannot stop the re-probes.
const setTimer = setTimeout;
const setRepeating = setInterval;

export function startGlobalsProbe(): void {
  const baseline = new Set(ownNames(window));
  const probe = new GlobalsProbe(window, baseline);
  const report = (deadline?: Deadline) => {
    const names = namesToProbe(window, baseline);
    const entries: [string, string][] = [];
    const budget: PruneStats = { nodes: 0 };
    // One global per step, so a long list yields to the page between idle periods.
    const steps = names.map((name) => () => void entries.push(...probe.collect([name], budget)));
    runWhenIdle(steps, () => {
      for (const post of toPosts(entries, MAX_POST_BYTES)) postToContentScript('globals', post);
    }, deadline);
  };
  const schedule = () => {
    whenIdle(report);
    for (const delay of GLOBAL_WALK_LIMITS.followUpsMs) setTimer(() => whenIdle(report), delay);
    setTimer(() => {
      setRepeating(() => {
        if (document.visibilityState === 'visible') whenIdle(report);
      }, GLOBAL_WALK_LIMITS.periodMs);
    }, GLOBAL_WALK_LIMITS.followUpsMs.at(-1) ?? 0);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
}
