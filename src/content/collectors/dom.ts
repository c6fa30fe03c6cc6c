/**
 * What the markup itself gives away: HTML comments, <meta> values, hidden inputs and data-*
 * attributes (one XPath query returns them all, in document order), and forms that post to plain
 * HTTP. No pattern matching here: the background scans what arrives.
 *
 * Written as few, larger functions on purpose: this runs on every page load in the content script's
 * fresh world, where V8 compiles each function the first time it is called — measured at ~0.1 ms per
 * function on the project's machines, more than the DOM work itself (scripts/bench/page-load.mjs).
 */
import type { DomValue, DomValueKind, InsecureForm, SnapshotSkip } from '../../shared/messages.ts';
import { SNAPSHOT_LIMITS } from '../../shared/messages.ts';
import type { SentMemo } from './memo.ts';
import { selectorFor } from './selectors.ts';

export const DOM_LIMITS = {
  /** Per kind: comments, meta values, hidden inputs, data-* attributes. */
  maxPerKind: { comment: 200, meta: 200, 'hidden-input': 500, 'data-attribute': 1000 } satisfies Record<DomValueKind, number>,
  /** Shorter values cannot hold a credential (with its context, for comments). */
  minLength: { comment: 12, meta: 8, 'hidden-input': 6, 'data-attribute': 16 } satisfies Record<DomValueKind, number>,
  /**
   * Values kept per data-* attribute name: a list or table repeats the same attribute on every row
   * (`data-sku`, `data-row-id`), while a widget's key sits on one element.
   */
  maxPerDataAttributeName: 5,
  /** Nodes looked at (the XPath result, or the fallback walk). */
  maxNodes: 20_000,
  maxValueLength: SNAPSHOT_LIMITS.maxDomValueLength,
  maxForms: SNAPSHOT_LIMITS.maxForms,
} as const;

/** Meta names that hold page furniture, never credentials. */
const FURNITURE_META = new Set(['viewport', 'description', 'keywords', 'robots', 'theme-color', 'color-scheme', 'referrer', 'format-detection', 'generator', 'author']);

/** Comments, meta values, hidden inputs and data-* attributes at least their kind's minimum long. */
const DOM_VALUES_XPATH = [
  `//comment()[string-length() >= ${DOM_LIMITS.minLength.comment}]`,
  `//meta[@content][string-length(@content) >= ${DOM_LIMITS.minLength.meta}]`,
  "//input[translate(@type, 'HIDEN', 'hiden') = 'hidden']",
  `//@*[starts-with(name(), 'data-')][string-length() >= ${DOM_LIMITS.minLength['data-attribute']}]`,
].join(' | ');

export interface DomValues {
  values: DomValue[];
  skipped: SnapshotSkip[];
}

/**
 * Copies every comment, meta value, hidden input and data-* attribute worth scanning, each once, with
 * a selector that says where. XPath where the browser has it (one native query, in no particular
 * order); otherwise a single bounded walk over elements and comments.
 */
export function collectDomValues(doc: Document, memo: SentMemo): DomValues {
  const values: DomValue[] = [];
  const skipped: SnapshotSkip[] = [];
  const counts: Record<DomValueKind, number> = { comment: 0, meta: 0, 'hidden-input': 0, 'data-attribute': 0 };
  const perDataName = new Map<string, number>();
  const nodes: Node[] = [];
  if (typeof doc.evaluate === 'function' && typeof XPathResult !== 'undefined') {
    // Unordered: sorting a large union into document order costs more than finding it (measured 13 ms
    // against 5 ms on a 2 000-row table), and nothing here needs the order.
    const result = doc.evaluate(DOM_VALUES_XPATH, doc, null, XPathResult.UNORDERED_NODE_SNAPSHOT_TYPE, null);
    const count = Math.min(result.snapshotLength, DOM_LIMITS.maxNodes);
    for (let index = 0; index < count; index++) nodes.push(result.snapshotItem(index)!);
  } else {
    const walker = doc.createTreeWalker(doc, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node && nodes.length < DOM_LIMITS.maxNodes; node = walker.nextNode()) {
      if (node.nodeType === 8) {
        nodes.push(node);
        continue;
      }
      const element = node as Element;
      if (element.localName === 'meta' || element.localName === 'input') nodes.push(element);
      for (const attribute of Array.from(element.attributes)) if (attribute.name.startsWith('data-')) nodes.push(attribute);
    }
  }
  for (const node of nodes) {
    let kind: DomValueKind;
    let element: Element | null;
    let name = '';
    let text: string;
    if (node.nodeType === 8) {
      kind = 'comment';
      element = node.parentElement;
      text = (node as Comment).data;
    } else if (node.nodeType === 2) {
      kind = 'data-attribute';
      name = (node as Attr).name;
      const seen = perDataName.get(name) ?? 0;
      if (seen >= DOM_LIMITS.maxPerDataAttributeName) continue;
      text = (node as Attr).value;
      if (text.length < DOM_LIMITS.minLength[kind]) continue;
      perDataName.set(name, seen + 1);
      element = (node as Attr).ownerElement;
    } else if ((node as Element).localName === 'meta') {
      kind = 'meta';
      element = node as Element;
      name = element.getAttribute('name') ?? element.getAttribute('property') ?? element.getAttribute('http-equiv') ?? element.getAttribute('itemprop') ?? '';
      text = element.getAttribute('content') ?? '';
      if (!name || FURNITURE_META.has(name.toLowerCase())) continue;
    } else {
      const input = node as HTMLInputElement;
      if (input.type !== 'hidden') continue;
      kind = 'hidden-input';
      element = input;
      name = input.getAttribute('name') ?? input.getAttribute('id') ?? '';
      // The property, not the attribute: scripts fill hidden fields after load.
      text = input.value;
    }
    if (text.length < DOM_LIMITS.minLength[kind] || counts[kind] >= DOM_LIMITS.maxPerKind[kind]) continue;
    const place = element ? selectorFor(element) : 'document';
    const selector = kind === 'comment' ? `${place} > #comment` : place;
    if (text.length > DOM_LIMITS.maxValueLength) {
      skipped.push({ what: kind === 'data-attribute' ? `${selector}@${name}` : selector, reason: `cut to the first ${DOM_LIMITS.maxValueLength} of ${text.length} characters` });
      text = text.slice(0, DOM_LIMITS.maxValueLength);
    }
    if (!memo.fresh(kind, `${selector}@${name}`, text)) continue;
    counts[kind]++;
    values.push({ kind, selector, name: name.slice(0, 200), value: text });
  }
  if (nodes.length >= DOM_LIMITS.maxNodes) skipped.push({ what: 'DOM values', reason: `only the first ${DOM_LIMITS.maxNodes} candidate nodes were read` });
  return { values, skipped };
}

/**
 * Forms (and `formaction` buttons) whose action resolves to plain HTTP. Attributes are read, not the
 * `form.action` property: an input named "action" shadows the property (DOM clobbering).
 */
export function collectInsecureForms(doc: Document, memo: SentMemo): InsecureForm[] {
  const forms: InsecureForm[] = [];
  const candidates = doc.querySelectorAll('form, button[formaction], input[formaction]');
  for (let index = 0; index < candidates.length && forms.length < DOM_LIMITS.maxForms; index++) {
    const element = candidates[index]!;
    const isForm = element.localName === 'form';
    const form = isForm ? (element as HTMLFormElement) : (element as HTMLButtonElement).form;
    let action: URL;
    try {
      action = new URL(element.getAttribute(isForm ? 'action' : 'formaction') ?? '', doc.baseURI);
    } catch {
      continue;
    }
    if (action.protocol !== 'http:') continue;
    const method = ((isForm ? null : element.getAttribute('formmethod')) ?? form?.getAttribute('method') ?? 'get').toLowerCase().slice(0, 20);
    const selector = selectorFor(element);
    const href = action.href.slice(0, SNAPSHOT_LIMITS.maxUrlLength);
    if (!memo.fresh('form', selector, href)) continue;
    forms.push({ selector, action: href, method, hasPassword: form !== null && form.querySelector('input[type="password" i]') !== null });
  }
  return forms;
}
