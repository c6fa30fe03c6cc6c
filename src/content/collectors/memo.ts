/**
 * What was already handed to the background, so a collector that runs again sends only what is new.
 * Bounded: identities are short (kind, place, length, both ends of the value — never hashing megabytes
 * on the main thread), and the oldest are forgotten past `maxSize` (at worst, one repeat is sent).
 * A plain Set and a function rather than a class: one compile fewer in the page's fresh world.
 */
export type SentMemo = Set<string>;

/** True the first time this (kind, place, value) is offered; false for repeats. */
export function firstTime(memo: SentMemo, kind: string, place: string, value: string, maxSize = 20_000): boolean {
  const id = `${kind}\u0000${place}\u0000${value.length}\u0000${value.slice(0, 64)}\u0000${value.slice(-64)}`;
  if (memo.has(id)) return false;
  if (memo.size >= maxSize) {
    const oldest = memo.values().next();
    if (!oldest.done) memo.delete(oldest.value);
  }
  memo.add(id);
  return true;
}
