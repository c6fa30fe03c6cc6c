/**
 * What was already handed to the background, so a collector that runs again sends only what is new.
 * Bounded: identities are short (kind, place, length, both ends of the value — never hashing megabytes
 * on the main thread), and the oldest are forgotten past `maxSize` (at worst, one repeat is sent).
 */
export class SentMemo {
  private readonly seen = new Set<string>();

  constructor(private readonly maxSize = 20_000) {}

  /** True when this (kind, place, value) was offered before; does not record it. */
  has(kind: string, place: string, value: string): boolean {
    return this.seen.has(`${kind}\u0000${place}\u0000${value.length}\u0000${value.slice(0, 64)}\u0000${value.slice(-64)}`);
  }

  /** True the first time this (kind, place, value) is offered; false for repeats. */
  fresh(kind: string, place: string, value: string): boolean {
    const id = `${kind}\u0000${place}\u0000${value.length}\u0000${value.slice(0, 64)}\u0000${value.slice(-64)}`;
    if (this.seen.has(id)) return false;
    if (this.seen.size >= this.maxSize) {
      const oldest = this.seen.values().next();
      if (!oldest.done) this.seen.delete(oldest.value);
    }
    this.seen.add(id);
    return true;
  }
}
