/**
 * A bounded, getter-safe copy of a page value that keeps only what a secret scan needs: strings, and
 * the object keys and array positions that lead to them (generic rules read `"apiKey": "…"`, and JSON
 * paths must point at the right place). Numbers, booleans, functions, DOM nodes and binary data are
 * dropped. Used by the MAIN-world globals probe (page objects: getters, proxies, cycles), and by the
 * IndexedDB sampler for the records JSON.stringify cannot write within bounds (cycles, deep or huge
 * values; see recordJson in indexeddb.ts).
 *
 * Safety, because page objects are hostile:
 * - properties are read through their descriptors and only data properties are followed, so no getter
 *   (throwing, slow, or with side effects) is ever called by the walk;
 * - every step is inside try/catch (a Proxy trap may throw), cycles are cut, and depth, node count,
 *   keys per object, array items and total characters are all bounded.
 */

export interface PruneLimits {
  maxDepth: number;
  /** Objects, arrays and strings visited. */
  maxNodes: number;
  maxKeysPerObject: number;
  maxArrayItems: number;
  /** Characters of kept strings and keys. */
  maxChars: number;
  /** Strings shorter than this cannot be a credential worth reporting. */
  minStringLength: number;
  /** A longer string is cut to this length (its start still identifies most keys). */
  maxStringLength: number;
}

export const DEFAULT_PRUNE_LIMITS: PruneLimits = {
  maxDepth: 8,
  maxNodes: 4000,
  maxKeysPerObject: 400,
  maxArrayItems: 200,
  maxChars: 256 * 1024,
  minStringLength: 6,
  maxStringLength: 64 * 1024,
};

// Captured when this module is evaluated (at document_start in the MAIN world, before any page
// script): a page that later replaces Object.keys or Array.isArray cannot blind or break the walk.
const { keys: ownKeys, getOwnPropertyDescriptor: describe, defineProperty, create: createObject } = Object;
const isArray = Array.isArray;
const isView = ArrayBuffer.isView;
const stringify = JSON.stringify;
const isFiniteNumber = Number.isFinite;
const NodeClass: typeof Node | undefined = typeof Node === 'function' ? Node : undefined;

/** The value of an own data property, or undefined for accessors (never invoked) and failures. */
export function dataProperty(target: object, key: string | number): unknown {
  try {
    const descriptor = describe(target, key);
    return descriptor && 'value' in descriptor ? descriptor.value : undefined;
  } catch {
    return undefined;
  }
}

interface WalkState {
  nodes: number;
  chars: number;
  seen: Set<object>;
}

/**
 * Returns the pruned copy (plain objects, arrays with `null` in dropped positions, strings), or
 * undefined when nothing worth scanning is left.
 */
export function pruneForScan(value: unknown, limits: PruneLimits = DEFAULT_PRUNE_LIMITS, stats?: PruneStats): unknown {
  const state: WalkState = { nodes: 0, chars: 0, seen: new Set() };
  const pruned = prune(value, 0, limits, state);
  if (stats) stats.nodes += state.nodes;
  return pruned;
}

/** What a walk cost, for callers that share a budget across several values. */
export interface PruneStats {
  nodes: number;
}

/**
 * One recursive function for every shape (see dom.ts on why few functions): strings, arrays and
 * Sets (positions kept), Maps (string and number keys), plain and class objects (own enumerable data
 * properties only). Platform objects whose content is not page text are skipped whole.
 */
function prune(value: unknown, depth: number, limits: PruneLimits, state: WalkState): unknown {
  if (state.nodes >= limits.maxNodes || state.chars >= limits.maxChars) return undefined;
  if (typeof value === 'string') {
    state.nodes++;
    if (value.length < limits.minStringLength) return undefined;
    const kept = value.length > limits.maxStringLength ? value.slice(0, limits.maxStringLength) : value;
    if (state.chars + kept.length > limits.maxChars) return undefined;
    state.chars += kept.length;
    return kept;
  }
  if (value === null || typeof value !== 'object' || depth >= limits.maxDepth || state.seen.has(value)) return undefined;
  state.seen.add(value);
  state.nodes++;
  try {
    if (
      (NodeClass && value instanceof NodeClass) ||
      (typeof Window === 'function' && value instanceof Window) ||
      isView(value) ||
      value instanceof ArrayBuffer ||
      (typeof Blob === 'function' && value instanceof Blob) ||
      value instanceof Date ||
      value instanceof RegExp ||
      value instanceof Promise ||
      value instanceof WeakMap ||
      value instanceof WeakSet
    ) {
      return undefined;
    }
    // Lists keep their positions (dropped items become null) so JSON paths point at the right element.
    let list: unknown[] | undefined;
    if (isArray(value)) {
      list = value;
    } else if (value instanceof Set) {
      list = [];
      for (const item of value) {
        if (list.length >= limits.maxArrayItems) break;
        list.push(item);
      }
    }
    if (list) {
      const length = Math.min(Number(dataProperty(list, 'length')) || 0, limits.maxArrayItems);
      const out: unknown[] = [];
      let kept = false;
      for (let index = 0; index < length && state.nodes < limits.maxNodes; index++) {
        const item = prune(dataProperty(list, index), depth + 1, limits, state);
        out.push(item === undefined ? null : item);
        if (item !== undefined) kept = true;
      }
      if (!kept) return undefined;
      while (out.length > 0 && out[out.length - 1] === null) out.pop();
      return out;
    }
    // No prototype: nothing the page put on Object.prototype (a setter, a toJSON) can touch the copy.
    const out = createObject(null) as Record<string, unknown>;
    let kept = false;
    const entries: [string, unknown][] = [];
    if (value instanceof Map) {
      let count = 0;
      for (const [key, item] of value) {
        if (count++ >= limits.maxKeysPerObject) break;
        if (typeof key === 'string' || typeof key === 'number') entries.push([String(key), item]);
      }
    } else {
      const names = ownKeys(value);
      const count = Math.min(names.length, limits.maxKeysPerObject);
      for (let index = 0; index < count; index++) entries.push([names[index]!, dataProperty(value, names[index]!)]);
    }
    for (const [name, item] of entries) {
      if (state.nodes >= limits.maxNodes || state.chars >= limits.maxChars) break;
      const pruned = prune(item, depth + 1, limits, state);
      if (pruned === undefined) continue;
      // defineProperty, not assignment: a key named `__proto__` must stay data, not change the prototype.
      defineProperty(out, name, { value: pruned, enumerable: true, writable: true, configurable: true });
      state.chars += name.length;
      kept = true;
    }
    return kept ? out : undefined;
  } catch {
    return undefined;
  }
}

/** JSON text of the pruned value (a string stays itself), or undefined when nothing is left. */
export function serialisePruned(value: unknown, limits: PruneLimits = DEFAULT_PRUNE_LIMITS, stats?: PruneStats): string | undefined {
  if (typeof value === 'string') {
    if (stats) stats.nodes++;
    return value.length >= limits.minStringLength ? value.slice(0, limits.maxStringLength) : undefined;
  }
  const pruned = pruneForScan(value, limits, stats);
  if (pruned === undefined) return undefined;
  try {
    return plainJson(pruned);
  } catch {
    return undefined;
  }
}

/**
 * JSON text of plain data — strings, finite numbers, booleans, null, arrays and objects of them, such
 * as a pruned copy or a probe report — written out here rather than by JSON.stringify on the whole
 * value: JSON.stringify would call an `Array.prototype.toJSON` or `Object.prototype.toJSON` the page
 * defined (Prototype.js did), handing the page our data and letting it rewrite what is reported. Only
 * own enumerable keys are read (no getter on a prototype is reached), and strings (primitives, which
 * never go through toJSON) are quoted by the JSON.stringify taken at document start. Like JSON, an
 * object member that is undefined (or a function) is left out, and in an array it becomes null.
 */
export function plainJson(value: unknown): string {
  if (typeof value === 'string') return stringify(value);
  if (typeof value === 'number') return isFiniteNumber(value) ? `${value}` : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value === null || typeof value !== 'object') return 'null';
  let out: string;
  if (isArray(value)) {
    out = '[';
    for (let index = 0; index < value.length; index++) out += (index === 0 ? '' : ',') + plainJson(value[index]);
    return `${out}]`;
  }
  out = '{';
  const names = ownKeys(value);
  let first = true;
  for (let index = 0; index < names.length; index++) {
    const item = (value as Record<string, unknown>)[names[index]!];
    if (item === undefined || typeof item === 'function') continue;
    out += `${first ? '' : ','}${stringify(names[index])}:${plainJson(item)}`;
    first = false;
  }
  return `${out}}`;
}
