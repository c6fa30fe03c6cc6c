// @vitest-environment happy-dom
/**
 * The content script's one read of the DOM: the document serialised natively (`outerHTML`), bounded
 * in what it costs the page (only <head> past a number of elements) and in what it sends (cut, and
 * said so).
 */
import { describe, expect, it } from 'vitest';
import { MARKUP_READ_LIMITS, serialiseDocument } from '../../src/content/collectors/markup.ts';
import { readPageMarkup } from '../../src/engine/markup/page-markup.ts';
import { SNAPSHOT_LIMITS } from '../../src/shared/messages.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';

/** A document whose size is told, not built: what serialiseDocument looks at. */
function fakeDocument(elements: number, html: string, head = '<head></head>'): Document {
  return { documentElement: { outerHTML: html }, head: { outerHTML: head }, getElementsByTagName: () => ({ length: elements }) } as unknown as Document;
}

describe('serialiseDocument', () => {
  it('returns the whole document as outerHTML writes it, which the background reader takes', () => {
    const key = fakeOpaqueToken();
    document.head.innerHTML = '<title>Settings</title>';
    document.body.innerHTML = `<div id="widget" data-api-key="${key}" title="a &quot;quoted&quot; &amp; title"></div>`;
    const { markup, skipped } = serialiseDocument(document);
    expect(skipped).toBeUndefined();
    expect(markup).toBe(document.documentElement.outerHTML);
    expect(markup.startsWith('<html>')).toBe(true);
    expect(readPageMarkup(markup, 'https://app.example.test/').dom).toEqual([{ kind: 'data-attribute', selector: '#widget', name: 'data-api-key', value: key }]);
  });

  it('cuts markup past its limit and says so', () => {
    const html = `<html>${'x'.repeat(MARKUP_READ_LIMITS.maxLength)}</html>`;
    const { markup, skipped } = serialiseDocument(fakeDocument(10, html));
    expect(markup).toHaveLength(MARKUP_READ_LIMITS.maxLength);
    expect(MARKUP_READ_LIMITS.maxLength).toBeLessThanOrEqual(SNAPSHOT_LIMITS.maxMarkupLength);
    expect(skipped).toEqual({ what: 'DOM', reason: `cut to the first ${MARKUP_READ_LIMITS.maxLength} of ${html.length} characters of markup` });
  });

  it('reads only <head> of a document with very many elements', () => {
    const { markup, skipped } = serialiseDocument(fakeDocument(MARKUP_READ_LIMITS.maxElements + 1, '<html>everything</html>', '<head><meta name="k" content="v"></head>'));
    expect(markup).toBe('<head><meta name="k" content="v"></head>');
    expect(skipped?.reason).toBe(`only <head> was read: the document has ${MARKUP_READ_LIMITS.maxElements + 1} elements (limit ${MARKUP_READ_LIMITS.maxElements})`);
    expect(serialiseDocument(fakeDocument(MARKUP_READ_LIMITS.maxElements, '<html>everything</html>')).markup).toBe('<html>everything</html>');
  });

  it('sends nothing for a document without a root element', () => {
    expect(serialiseDocument({ documentElement: null } as unknown as Document)).toEqual({ markup: '' });
  });
});
