/**
 * The document's markup, serialised natively in one call (`outerHTML`) for the background to read
 * (src/engine/markup/page-markup.ts): inline scripts, script URLs, comments, meta values, hidden
 * inputs, data-* attributes, data islands and forms, all from one string, with no per-node JavaScript
 * on the page. Hidden inputs need no special care: their `value` property writes the attribute
 * (HTML's "default" value mode), so what scripts filled in is in the markup.
 *
 * Bounded: serialising costs time in proportion to the DOM, so a very large document is read only in
 * part, and said so.
 */
import type { SnapshotSkip } from '../../shared/messages.ts';
import { SNAPSHOT_LIMITS } from '../../shared/messages.ts';

export const MARKUP_READ_LIMITS = {
  /** Past this many elements, only <head> is serialised (the body would cost the page too much). */
  maxElements: 50_000,
  /** Characters of markup sent; the rest is cut (the reader copes with a cut document). */
  maxLength: SNAPSHOT_LIMITS.maxMarkupLength,
} as const;

export interface MarkupRead {
  markup: string;
  skipped?: SnapshotSkip;
}

export function serialiseDocument(doc: Document): MarkupRead {
  const root = doc.documentElement;
  if (!root) return { markup: '' };
  // A live collection's length is kept by the browser: cheap, and no walk on our side.
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MARKUP_READ_LIMITS.maxElements) {
    return {
      markup: doc.head?.outerHTML ?? '',
      skipped: { what: 'DOM', reason: `only <head> was read: the document has ${elements} elements (limit ${MARKUP_READ_LIMITS.maxElements})` },
    };
  }
  const markup = root.outerHTML;
  if (markup.length <= MARKUP_READ_LIMITS.maxLength) return { markup };
  return {
    markup: markup.slice(0, MARKUP_READ_LIMITS.maxLength),
    skipped: { what: 'DOM', reason: `cut to the first ${MARKUP_READ_LIMITS.maxLength} of ${markup.length} characters of markup` },
  };
}
