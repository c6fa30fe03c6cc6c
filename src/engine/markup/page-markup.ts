/**
 * What a page's markup gives away, read from its serialisation (`document.documentElement.outerHTML`,
 * sent by the content script) here in the background rather than node by node on the page: the page
 * pays for one native serialisation, and everything below runs off its main thread.
 *
 * - inline scripts, with where they are (`script#config`, `inline script #3`: the position among the
 *   document's scripts, as `document.scripts` counts them), and JSON data islands apart;
 * - external script URLs: `<script src>`, `<link rel=modulepreload>`, script preloads and prefetches,
 *   resolved against the document's base URL;
 * - comments, named `<meta>` values, hidden inputs and `data-*` attributes, each with a short CSS
 *   selector that tells a user where to look;
 * - forms (and `formaction` buttons) whose action resolves to plain HTTP.
 *
 * Every list is bounded; what does not fit is reported in `skipped`, never dropped silently.
 */
import type { DataIsland, DomValue, DomValueKind, InsecureForm, SnapshotSkip } from '../../shared/messages.ts';
import { isFetchableScriptUrl, SNAPSHOT_LIMITS } from '../../shared/messages.ts';
import { tokenize, type Attribute } from './tokenizer.ts';

export const MARKUP_LIMITS = {
  maxScripts: SNAPSHOT_LIMITS.maxScripts,
  maxInlineLength: SNAPSHOT_LIMITS.maxValueLength,
  maxIslands: SNAPSHOT_LIMITS.maxDataIslands,
  /** Per kind: comments, meta values, hidden inputs, data-* attributes. */
  maxPerKind: { comment: 200, meta: 200, 'hidden-input': 500, 'data-attribute': 1000 } satisfies Record<DomValueKind, number>,
  /** Shorter values cannot hold a credential (with its context, for comments). */
  minLength: { comment: 12, meta: 8, 'hidden-input': 6, 'data-attribute': 16 } satisfies Record<DomValueKind, number>,
  /**
   * Values kept per data-* attribute name: a list or table repeats the same attribute on every row
   * (`data-sku`, `data-row-id`), while a widget's key sits on one element.
   */
  maxPerDataAttributeName: 5,
  /** Candidate nodes (comments, metas, inputs, data-* attributes) looked at. */
  maxNodes: 20_000,
  maxValueLength: SNAPSHOT_LIMITS.maxDomValueLength,
  maxForms: SNAPSHOT_LIMITS.maxForms,
} as const;

export interface InlineScript {
  selector: string;
  text: string;
}

export interface PageMarkupParts {
  inlineScripts: InlineScript[];
  scriptUrls: string[];
  dataIslands: DataIsland[];
  dom: DomValue[];
  insecureForms: InsecureForm[];
  skipped: SnapshotSkip[];
}

/** Elements without an end tag (and so without children). */
const VOID_ELEMENTS = new Set(['area', 'base', 'basefont', 'bgsound', 'br', 'col', 'embed', 'frame', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);

/** Meta names that hold page furniture, never credentials. */
const FURNITURE_META = new Set(['viewport', 'description', 'keywords', 'robots', 'theme-color', 'color-scheme', 'referrer', 'format-detection', 'generator', 'author']);

const IDENTIFIER = /^-?[A-Za-z_][A-Za-z0-9_-]*$/;
const MAX_SELECTOR_LENGTH = 300;

/** Script types that hold data, not code: JSON islands, import maps, speculation rules. */
export function isDataScriptType(type: string): boolean {
  const normalised = type.trim().toLowerCase();
  return normalised.endsWith('json') || normalised === 'importmap' || normalised === 'speculationrules';
}

/** An attribute value as CSS: bare when it is an identifier, quoted otherwise. */
export function cssValue(value: string): string {
  return IDENTIFIER.test(value) ? value : JSON.stringify(value);
}

function attribute(attributes: readonly Attribute[], name: string): string | undefined {
  for (const candidate of attributes) if (candidate.name === name) return candidate.value;
  return undefined;
}

/**
 * A short selector for an element: `#support-widget`, `input[type=hidden][name=api_key]`,
 * `meta[name=ci-deploy-token]`, `span.badge`. Not guaranteed unique (the value and the page identify
 * the finding); it tells a user where to look.
 */
export function selectorFor(tag: string, attributes: readonly Attribute[]): string {
  let selector: string;
  const id = attribute(attributes, 'id');
  if (id) {
    selector = IDENTIFIER.test(id) ? `#${id}` : `[id=${JSON.stringify(id)}]`;
  } else {
    const nameAttribute = tag === 'meta' ? (['name', 'property', 'http-equiv', 'itemprop'].find((name) => attribute(attributes, name) !== undefined) ?? 'name') : 'name';
    const name = attribute(attributes, nameAttribute);
    if (name) {
      const type = tag === 'input' ? attribute(attributes, 'type')?.toLowerCase() : undefined;
      const typePart = type ? `[type=${cssValue(type)}]` : '';
      selector = `${tag}${typePart}[${nameAttribute}=${cssValue(name)}]`;
    } else {
      const firstClass = attribute(attributes, 'class')?.trim().split(/\s+/)[0];
      selector = firstClass && IDENTIFIER.test(firstClass) ? `${tag}.${firstClass}` : tag;
    }
  }
  return selector.length > MAX_SELECTOR_LENGTH ? `${selector.slice(0, MAX_SELECTOR_LENGTH - 1)}…` : selector;
}

interface OpenElement {
  tag: string;
  attributes: Attribute[];
  /** Inside <svg> or <math> (and not back in HTML through <foreignObject>): its scripts are not in `document.scripts`. */
  foreign: boolean;
  /** Inside <template>: inert content, not in `document.scripts` (nothing in it loads until cloned). */
  inert?: boolean;
  /** The form this element is or is inside, if any. */
  form?: FormState;
  /** Its selector, once asked for (every comment inside it asks). */
  selector?: string;
}

/**
 * Foreign elements whose children the HTML parser puts back in the HTML namespace ("HTML integration
 * points" and MathML text integration points): a <script> in <svg><foreignObject> is an HTML script.
 */
function childrenAreHtml(parent: OpenElement, child: string): boolean {
  switch (parent.tag) {
    case 'foreignobject':
    case 'desc':
    case 'title':
      return true;
    case 'mi':
    case 'mo':
    case 'mn':
    case 'ms':
    case 'mtext':
      return child !== 'mglyph' && child !== 'malignmark';
    case 'annotation-xml': {
      const encoding = attribute(parent.attributes, 'encoding')?.trim().toLowerCase();
      return encoding === 'text/html' || encoding === 'application/xhtml+xml';
    }
    default:
      return false;
  }
}

interface FormState {
  selector: string;
  action: string;
  method: string;
  hasPassword: boolean;
}

/** A form submission target found while reading: resolved once the base URL is known. */
interface Submitter {
  selector: string;
  action: string;
  method: string | undefined;
  form: FormState | undefined;
}

/** Reads `markup` (a page's serialised HTML) as the page at `pageUrl`. Never throws. */
export function readPageMarkup(markup: string, pageUrl: string): PageMarkupParts {
  const parts: PageMarkupParts = { inlineScripts: [], scriptUrls: [], dataIslands: [], dom: [], insecureForms: [], skipped: [] };
  const stack: OpenElement[] = [];
  /** How many elements of each name are open: an end tag with none open is ignored without a search. */
  const open = new Map<string, number>();
  const rawUrls: string[] = [];
  const submitters: Submitter[] = [];
  const counts: Record<DomValueKind, number> = { comment: 0, meta: 0, 'hidden-input': 0, 'data-attribute': 0 };
  const perDataName = new Map<string, number>();
  const seenValues = new Set<string>();
  let baseHref: string | undefined;
  let scriptIndex = 0;
  let islandsOver = 0;
  let candidates = 0;
  let pendingScript: { selector: string; type: string | undefined } | undefined;

  const top = () => stack[stack.length - 1];
  // Every element carries its form (or its parent's), so this is no walk up a possibly deep stack.
  const nearestForm = () => top()?.form;

  /** One candidate DOM value; false once the candidate budget is spent. */
  const addValue = (kind: DomValueKind, selector: string, name: string, value: string): boolean => {
    if (++candidates > MARKUP_LIMITS.maxNodes) return false;
    if (value.length < MARKUP_LIMITS.minLength[kind] || counts[kind] >= MARKUP_LIMITS.maxPerKind[kind]) return true;
    let text = value;
    if (text.length > MARKUP_LIMITS.maxValueLength) {
      parts.skipped.push({ what: kind === 'data-attribute' ? `${selector}@${name}` : selector, reason: `cut to the first ${MARKUP_LIMITS.maxValueLength} of ${text.length} characters` });
      text = text.slice(0, MARKUP_LIMITS.maxValueLength);
    }
    const identity = `${kind}\u0000${selector}@${name}\u0000${text}`;
    if (seenValues.has(identity)) return true;
    seenValues.add(identity);
    counts[kind]++;
    parts.dom.push({ kind, selector, name: name.slice(0, 200), value: text });
    return true;
  };

  tokenize(markup, {
    startTag(tag, attributes, selfClosing) {
      const parent = top();
      const foreign = tag === 'svg' || tag === 'math' || (parent !== undefined && parent.foreign && !childrenAreHtml(parent, tag));
      const element: OpenElement = { tag, attributes, foreign };
      if (parent?.form) element.form = parent.form;
      if (tag === 'template' || parent?.inert) element.inert = true;
      const where = () => (element.selector ??= selectorFor(tag, attributes));

      if (tag === 'base' && baseHref === undefined) baseHref = attribute(attributes, 'href');
      if (tag === 'script' && !foreign) {
        const src = attribute(attributes, 'src');
        // A script in a <template> is not in `document.scripts` and loads nothing until it is cloned
        // into the page (webRequest sees it then); its text is still shipped, so it is still read.
        const index = element.inert ? -1 : scriptIndex++;
        if (src !== undefined) {
          if (!element.inert) rawUrls.push(src);
        } else {
          const id = attribute(attributes, 'id');
          const type = attribute(attributes, 'type');
          pendingScript = {
            selector: id
              ? `script#${id.slice(0, 200)}`
              : type && isDataScriptType(type)
                ? `script[type=${JSON.stringify(type.trim().toLowerCase()).slice(0, 200)}]`
                : index < 0
                  ? 'template > inline script'
                  : `inline script #${index + 1}`,
            type,
          };
        }
      } else if (tag === 'link') {
        const rel = ` ${attribute(attributes, 'rel')?.toLowerCase() ?? ''} `.replace(/\s+/g, ' ');
        const as = attribute(attributes, 'as')?.trim().toLowerCase();
        const href = attribute(attributes, 'href');
        if (href !== undefined && (rel.includes(' modulepreload ') || ((rel.includes(' preload ') || rel.includes(' prefetch ')) && as === 'script'))) rawUrls.push(href);
      } else if (tag === 'meta') {
        const content = attribute(attributes, 'content');
        const name = attribute(attributes, 'name') ?? attribute(attributes, 'property') ?? attribute(attributes, 'http-equiv') ?? attribute(attributes, 'itemprop') ?? '';
        if (content !== undefined && content.length >= MARKUP_LIMITS.minLength.meta && name && !FURNITURE_META.has(name.toLowerCase())) addValue('meta', where(), name, content);
      } else if (tag === 'input') {
        const type = attribute(attributes, 'type')?.trim().toLowerCase();
        if (type === 'hidden') addValue('hidden-input', where(), attribute(attributes, 'name') ?? attribute(attributes, 'id') ?? '', attribute(attributes, 'value') ?? '');
        else if (type === 'password') {
          const form = nearestForm();
          if (form) form.hasPassword = true;
        }
      } else if (tag === 'form') {
        element.form = { selector: where(), action: attribute(attributes, 'action') ?? '', method: (attribute(attributes, 'method') ?? 'get').toLowerCase().slice(0, 20), hasPassword: false };
        submitters.push({ selector: where(), action: element.form.action, method: undefined, form: element.form });
      }
      if ((tag === 'button' || tag === 'input') && attribute(attributes, 'formaction') !== undefined) {
        submitters.push({ selector: where(), action: attribute(attributes, 'formaction')!, method: attribute(attributes, 'formmethod')?.toLowerCase().slice(0, 20), form: nearestForm() });
      }
      for (const { name, value } of attributes) {
        if (!name.startsWith('data-') || value.length < MARKUP_LIMITS.minLength['data-attribute']) continue;
        const seen = perDataName.get(name) ?? 0;
        if (seen >= MARKUP_LIMITS.maxPerDataAttributeName) continue;
        perDataName.set(name, seen + 1);
        addValue('data-attribute', where(), name, value);
      }

      const isVoid = foreign ? selfClosing : VOID_ELEMENTS.has(tag);
      if (!isVoid) {
        stack.push(element);
        open.set(tag, (open.get(tag) ?? 0) + 1);
      }
    },
    endTag(tag) {
      // Linear overall: an unmatched end tag costs one lookup, and each element is popped once.
      if (!open.get(tag)) return;
      for (;;) {
        const popped = stack.pop()!;
        open.set(popped.tag, open.get(popped.tag)! - 1);
        if (popped.tag === tag) return;
      }
    },
    comment(text) {
      const parent = top();
      addValue('comment', `${parent ? (parent.selector ??= selectorFor(parent.tag, parent.attributes)) : 'document'} > #comment`, '', text);
    },
    rawText(tag, text) {
      if (tag !== 'script' || !pendingScript) return;
      const { selector, type } = pendingScript;
      pendingScript = undefined;
      if (text.trim().length === 0) return;
      if (text.length > MARKUP_LIMITS.maxInlineLength) {
        parts.skipped.push({ what: selector, reason: `too large (${text.length} characters)` });
        return;
      }
      if (type !== undefined && isDataScriptType(type)) {
        if (parts.dataIslands.length < MARKUP_LIMITS.maxIslands) parts.dataIslands.push({ selector, type: type.trim().toLowerCase().slice(0, 200), text });
        else islandsOver++; // One skip entry for all of them below: a page can hold thousands.
      } else if (parts.inlineScripts.length < MARKUP_LIMITS.maxScripts) {
        parts.inlineScripts.push({ selector, text });
      }
    },
  });

  if (islandsOver > 0) parts.skipped.push({ what: 'data islands', reason: `only the first ${MARKUP_LIMITS.maxIslands} of ${MARKUP_LIMITS.maxIslands + islandsOver} were read` });
  if (scriptIndex > MARKUP_LIMITS.maxScripts) parts.skipped.push({ what: 'scripts', reason: `only the first ${MARKUP_LIMITS.maxScripts} of ${scriptIndex} were read` });
  if (candidates > MARKUP_LIMITS.maxNodes) parts.skipped.push({ what: 'DOM values', reason: `only the first ${MARKUP_LIMITS.maxNodes} candidate nodes were read` });

  const base = resolve(baseHref ?? '', pageUrl) ?? pageUrl;
  const urls = new Set<string>();
  for (const raw of rawUrls) {
    const url = resolve(raw.trim(), base);
    if (url && isFetchableScriptUrl(url) && urls.size < MARKUP_LIMITS.maxScripts) urls.add(url);
  }
  parts.scriptUrls = [...urls];

  for (const submitter of submitters) {
    if (parts.insecureForms.length >= MARKUP_LIMITS.maxForms) break;
    // An empty action submits to the document's own URL, not the base URL (HTML's form submission).
    const target = submitter.action.trim();
    const action = target === '' ? pageUrl : resolve(target, base);
    if (!action || !action.startsWith('http:')) continue;
    parts.insecureForms.push({
      selector: submitter.selector,
      action: action.slice(0, SNAPSHOT_LIMITS.maxUrlLength),
      method: submitter.method ?? submitter.form?.method ?? 'get',
      hasPassword: submitter.form?.hasPassword ?? false,
    });
  }
  return parts;
}

function resolve(url: string, base: string): string | undefined {
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}
