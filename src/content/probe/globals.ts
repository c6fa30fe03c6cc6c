/**
 * Config globals: serialise the well-known globals apps use to ship settings to the browser (bounded,
 * getters guarded, cycles skipped) after load, and hand them to the content script.
 */
import { GLOBALS_LIMITS } from '../probe-protocol.ts';
import { postToContentScript } from './post.ts';

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

export function serialiseBounded(value: unknown, maxLength: number = GLOBALS_LIMITS.maxValueLength): string | undefined {
  let budget = maxLength;
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
    return typeof text === 'string' && text.length <= maxLength ? text : undefined;
  } catch {
    // A getter threw, or the value is exotic: skip it rather than disturb the page.
    return undefined;
  }
}

export function collectGlobals(): [string, string][] {
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
    const text = typeof value === 'string' ? value : serialiseBounded(value);
    if (text && text.length > 2) entries.push([`window.${name}`, text]);
  }
  return entries;
}

export function startGlobalsProbe(): void {
  const report = () => postToContentScript('globals', collectGlobals());
  if (document.readyState === 'complete') setTimeout(report, 0);
  else window.addEventListener('load', () => setTimeout(report, 0), { once: true });
}
