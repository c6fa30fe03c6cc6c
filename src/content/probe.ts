/**
 * MAIN-world probe: the only code that can see the page's own JavaScript globals. It serialises the
 * well-known config globals (bounded, getters guarded) after load and hands them to the isolated
 * content script. It has no extension APIs and keeps no state the page could abuse.
 */
import { PROBE_CHANNEL, PROBE_LIMITS, type ProbeMessage } from './probe-protocol.ts';

/** Config globals that frameworks and hand-rolled apps use to ship settings to the browser. */
const WELL_KNOWN_GLOBALS = [
  '__APP_CONFIG__',
  '__CONFIG__',
  '__ENV__',
  '_env_',
  'env',
  '__NUXT__',
  '__NEXT_DATA__',
  '__remixContext',
  '__INITIAL_STATE__',
  '__PRELOADED_STATE__',
  '__APOLLO_STATE__',
  'firebaseConfig',
  'appConfig',
  'APP_CONFIG',
  'config',
];

function serialise(value: unknown): string | undefined {
  let budget = PROBE_LIMITS.maxValueLength;
  const seen = new WeakSet<object>();
  try {
    const text = JSON.stringify(value, (_key, node: unknown) => {
      if (typeof node === 'function' || typeof node === 'symbol') return undefined;
      if (node !== null && typeof node === 'object') {
        if (seen.has(node)) return undefined;
        seen.add(node);
      }
      if (typeof node === 'string') budget -= node.length;
      return budget < 0 ? undefined : node;
    });
    return typeof text === 'string' && text.length <= PROBE_LIMITS.maxValueLength ? text : undefined;
  } catch {
    // A getter threw, or the value is exotic: skip it rather than disturb the page.
    return undefined;
  }
}

function collectGlobals(): [string, string][] {
  const entries: [string, string][] = [];
  const scope = window as unknown as Record<string, unknown>;
  for (const name of WELL_KNOWN_GLOBALS) {
    let value: unknown;
    try {
      value = scope[name];
    } catch {
      continue;
    }
    if (value === undefined || value === null || typeof value === 'function') continue;
    if (value instanceof Node) continue; // `id`-named DOM elements show up as globals
    const text = typeof value === 'string' ? value : serialise(value);
    if (text && text.length > 2) entries.push([`window.${name}`, text]);
  }
  return entries;
}

function report(): void {
  const message: ProbeMessage = { channel: PROBE_CHANNEL, kind: 'globals', entries: collectGlobals() };
  window.postMessage(message, window.location.origin);
}

if (document.readyState === 'complete') setTimeout(report, 0);
else window.addEventListener('load', () => setTimeout(report, 0), { once: true });
