/**
 * A small HTML tokenizer for one job: walking a page's serialised markup (what `outerHTML` returns)
 * in the background, so the page itself only pays for one native serialisation. It reports start
 * tags with their attributes, end tags, comments and the text of raw-text elements (script, style,
 * …); ordinary text between tags is skipped, since nothing read from markup is taken from it.
 *
 * Serialised markup is regular (double-quoted attributes, every non-void element closed, `<` and `&`
 * escaped in text), but the tokenizer does not rely on it: single-quoted and unquoted attributes,
 * upper-case names, `/>`, unclosed comments and stray `<` are handled the way the HTML spec's
 * tokenizer roughly handles them. It never throws, and it is linear in the input: every step moves
 * forward, and every regular expression is sticky with no nested repetition (or, to find the next "<",
 * a single character).
 */

export interface Attribute {
  /** Lower-cased. */
  name: string;
  /** Character references decoded. */
  value: string;
}

export interface MarkupVisitor {
  startTag(name: string, attributes: Attribute[], selfClosing: boolean): void;
  endTag(name: string): void;
  comment(text: string): void;
  /** The contents of a raw-text element (script, style, textarea, …) right after its start tag. */
  rawText(element: string, text: string): void;
}

/** Elements whose contents are text up to their end tag, never markup. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

const TAG_NAME = /[A-Za-z][^\s/>]*/y;
// A name may start with a quote, as in the spec's attribute name state: `<a href="x"">` has an
// attribute named `"`, which outerHTML writes as `"=""`. Refusing it would end the tag, and the
// whole document, there.
const ATTRIBUTE = /[\s/]*([^\s/>=]+|=[^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/y;
const TAG_END = /[\s/]*>/y;

/** Calls `visitor` for each tag, comment and raw-text body in `markup`, in order. */
export function tokenize(markup: string, visitor: MarkupVisitor): void {
  const length = markup.length;
  let position = 0;
  while (position < length) {
    const open = nextTagOpen(markup, position);
    if (open < 0 || open + 1 >= length) return;
    const next = markup.charCodeAt(open + 1);
    if (markup.startsWith('<!--', open)) {
      const close = markup.indexOf('-->', open + 4);
      visitor.comment(markup.slice(open + 4, close < 0 ? length : close));
      position = close < 0 ? length : close + 3;
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      // Doctype, CDATA, processing instruction: bogus comments, skipped.
      const close = markup.indexOf('>', open + 2);
      position = close < 0 ? length : close + 1;
    } else if (next === 47 /* / */) {
      TAG_NAME.lastIndex = open + 2;
      const name = TAG_NAME.exec(markup);
      const close = markup.indexOf('>', open + 2);
      if (name) visitor.endTag(name[0].toLowerCase());
      position = close < 0 ? length : close + 1;
    } else {
      TAG_NAME.lastIndex = open + 1;
      const name = TAG_NAME.exec(markup);
      if (!name) {
        position = open + 1; // A stray "<" in text.
        continue;
      }
      const tag = name[0].toLowerCase();
      const { attributes, end, selfClosing } = readAttributes(markup, TAG_NAME.lastIndex);
      visitor.startTag(tag, attributes, selfClosing);
      position = end;
      if (RAW_TEXT_ELEMENTS.has(tag) && !selfClosing) {
        const close = findEndTag(markup, tag, position);
        visitor.rawText(tag, markup.slice(position, close));
        position = close;
      }
    }
  }
}

const TAG_OPEN = /</g;

/**
 * Where the next "<" is at or after `from`, or -1. A regular expression rather than `indexOf`: in
 * V8's optimised (TurboFan, on-stack-replaced) code for the loop above, `indexOf('<', position)` took
 * time in proportion to the whole input on runs of stray "<" (2 MB of "<<" took 30 s in Node 20),
 * which made the tokenizer quadratic. This search is linear there and as fast as `indexOf` on text.
 */
function nextTagOpen(markup: string, from: number): number {
  TAG_OPEN.lastIndex = from;
  return TAG_OPEN.exec(markup)?.index ?? -1;
}

function readAttributes(markup: string, from: number): { attributes: Attribute[]; end: number; selfClosing: boolean } {
  const attributes: Attribute[] = [];
  const seen = new Set<string>();
  let position = from;
  for (;;) {
    TAG_END.lastIndex = position;
    const end = TAG_END.exec(markup);
    if (end) return { attributes, end: TAG_END.lastIndex, selfClosing: end[0].includes('/') };
    ATTRIBUTE.lastIndex = position;
    const attribute = ATTRIBUTE.exec(markup);
    if (!attribute || ATTRIBUTE.lastIndex === position) {
      // Ran out of input inside the tag (or met something no rule takes): the tag ends here.
      return { attributes, end: markup.length, selfClosing: false };
    }
    position = ATTRIBUTE.lastIndex;
    const name = attribute[1]!.toLowerCase();
    const raw = attribute[2] ?? attribute[3] ?? attribute[4] ?? '';
    // The first of two same-named attributes wins, as in the DOM. (A Set, not a scan of the list: a
    // hostile tag can carry tens of thousands of attributes.)
    if (seen.has(name)) continue;
    seen.add(name);
    attributes.push({ name, value: decodeCharacterReferences(raw) });
  }
}

/** Where `</element` starts (case-insensitively, followed by a delimiter), or the end of input. */
function findEndTag(markup: string, element: string, from: number): number {
  const needle = `</${element}`;
  let position = from;
  for (;;) {
    const found = indexOfIgnoringCase(markup, needle, position);
    if (found < 0) return markup.length;
    const after = markup.charCodeAt(found + needle.length);
    if (Number.isNaN(after) || after === 62 /* > */ || after === 47 /* / */ || after === 32 || (after >= 9 && after <= 13)) return found;
    position = found + needle.length;
  }
}

/** `indexOf` for an ASCII lower-case needle, ignoring case, without lower-casing megabytes of script. */
function indexOfIgnoringCase(haystack: string, needle: string, from: number): number {
  let position = from;
  for (;;) {
    const found = haystack.indexOf('</', position);
    if (found < 0) return -1;
    if (haystack.slice(found, found + needle.length).toLowerCase() === needle) return found;
    position = found + 2;
  }
}

const NAMED_REFERENCES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: '\u00a0' };
const CHARACTER_REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z]{2,6}));/g;

/** Decodes the character references a serialiser writes (`&amp;`, `&quot;`, numeric ones, …). */
export function decodeCharacterReferences(value: string): string {
  if (!value.includes('&')) return value;
  return value.replace(CHARACTER_REFERENCE, (whole, decimal: string | undefined, hex: string | undefined, named: string | undefined) => {
    if (named !== undefined) return NAMED_REFERENCES[named] ?? whole;
    const codePoint = decimal !== undefined ? Number(decimal) : Number.parseInt(hex!, 16);
    return codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff) ? String.fromCodePoint(codePoint) : '\ufffd';
  });
}
