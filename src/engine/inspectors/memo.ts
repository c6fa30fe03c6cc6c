/**
 * Small bounded memos for the request inspectors. An app sends the same bearer token, cookie or
 * `?key=` on every call; recognising it costs a JWT decode and two SHA-256 hashes (tens of
 * microseconds each time) for the same answer. Results are remembered by what determines them,
 * oldest first out. The keys hold raw values, in memory only, for as long as the
 * service worker lives: the same place the requests themselves pass through, never stored.
 */
import type { Finding } from '../../shared/finding.ts';
import type { ScanOrigin } from '../types.ts';
import { inspectorFinding, type InspectorRule } from './inspector-rule.ts';

export class LruMemo<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /**
   * No recency refresh on a hit (a Map delete and re-insert costs more than the lookups it saves):
   * eviction is oldest-inserted first, and a value still in use is simply computed again once.
   */
  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (!this.entries.has(key) && this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Findings are mutated by callers (location.url, details): hand out copies. Detail values are primitives. */
export function cloneFinding(finding: Finding): Finding {
  const copy: Finding = { ...finding, location: { ...finding.location } };
  if (finding.details) copy.details = { ...finding.details };
  return copy;
}

type Overrides = NonNullable<Parameters<typeof inspectorFinding>[3]>;

const inspectorFindings = new LruMemo<Finding>(1024);

/** `inspectorFinding`, remembered: same rule, place, value and wording give the same finding. */
export function memoInspectorFinding(rule: InspectorRule, secret: string, origin: ScanOrigin, overrides: Overrides = {}): Finding {
  const key = `${rule.id}\u0000${origin.source}\u0000${origin.identity ?? ''}\u0000${JSON.stringify(origin.location)}\u0000${JSON.stringify(overrides)}\u0000${secret}`;
  const known = inspectorFindings.get(key);
  if (known) return cloneFinding(known);
  const made = inspectorFinding(rule, secret, origin, overrides);
  inspectorFindings.set(key, cloneFinding(made));
  return made;
}
