/**
 * The markup tokenizer the background reads page markup with: what Chromium's `outerHTML` writes
 * (double-quoted attributes, `&quot;`/`&amp;` escapes, every non-void element closed) and the looser
 * hand-written HTML around it (single-quoted, unquoted and duplicate attributes, upper case, stray
 * `<`, unclosed comments, a document cut short), never throwing and linear on hostile input.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeCharacterReferences, tokenize, type Attribute } from '../../src/engine/markup/tokenizer.ts';
import { prng } from '../support/prng.ts';

type Event =
  | ['start', string, Record<string, string>, boolean]
  | ['end', string]
  | ['comment', string]
  | ['raw', string, string];

/** Every event, with attributes as an object in their order (duplicates would show as a lost key). */
function events(markup: string): Event[] {
  const out: Event[] = [];
  tokenize(markup, {
    startTag: (name, attributes, selfClosing) => out.push(['start', name, asObject(attributes), selfClosing]),
    endTag: (name) => out.push(['end', name]),
    comment: (text) => out.push(['comment', text]),
    rawText: (element, text) => out.push(['raw', element, text]),
  });
  return out;
}

function asObject(attributes: Attribute[]): Record<string, string> {
  const object: Record<string, string> = {};
  for (const { name, value } of attributes) {
    expect(Object.hasOwn(object, name), `attribute ${name} reported twice`).toBe(false);
    object[name] = value;
  }
  return object;
}

const attributesOf = (markup: string) => events(markup).filter((event) => event[0] === 'start').map((event) => event[2]);

describe('tokenize: attributes', () => {
  it('reads the double-quoted, escaped attributes outerHTML writes', () => {
    expect(events('<div id="w" data-config="{&quot;a&quot;:&quot;b&amp;c&quot;}" hidden=""></div>')).toEqual([
      ['start', 'div', { id: 'w', 'data-config': '{"a":"b&c"}', hidden: '' }, false],
      ['end', 'div'],
    ]);
  });

  it('reads single-quoted, unquoted and valueless attributes, with spaces around "="', () => {
    expect(attributesOf(`<input type=hidden name='api key' value = "v1" data-x= 'y' disabled checked>`)).toEqual([
      { type: 'hidden', name: 'api key', value: 'v1', 'data-x': 'y', disabled: '', checked: '' },
    ]);
    // An unquoted value runs to whitespace or ">", quotes and "=" included.
    expect(attributesOf('<a href=/x?a=1&amp;b="2" title=it\'s>')).toEqual([{ href: '/x?a=1&b="2"', title: "it's" }]);
  });

  it('keeps the first of two same-named attributes, as the DOM does, whatever their case', () => {
    expect(attributesOf('<input name="first" NAME="second" Name=third value="v">')).toEqual([{ name: 'first', value: 'v' }]);
    // Also past the point where the tokenizer stops scanning the list and keeps a set of names.
    const many = Array.from({ length: 40 }, (_, i) => `a${i}="${i}"`).join(' ');
    const [attributes] = attributesOf(`<div ${many} a3="late" a39="late" a40="new">`);
    expect(Object.keys(attributes!)).toHaveLength(41);
    expect(attributes!.a3).toBe('3');
    expect(attributes!.a39).toBe('39');
    expect(attributes!.a40).toBe('new');
  });

  it('lower-cases tag and attribute names, never values', () => {
    expect(events('<INPUT TYPE="Hidden" NAME="Token" VALUE="AbC"><DIV Data-Key="XyZ"></DIV>')).toEqual([
      ['start', 'input', { type: 'Hidden', name: 'Token', value: 'AbC' }, false],
      ['start', 'div', { 'data-key': 'XyZ' }, false],
      ['end', 'div'],
    ]);
  });

  it('notes "/>" and reads attributes before it', () => {
    expect(events('<br/><img src="a.png" alt=x /><div>')).toEqual([
      ['start', 'br', {}, true],
      ['start', 'img', { src: 'a.png', alt: 'x' }, true],
      ['start', 'div', {}, false],
    ]);
  });

  it('takes an attribute name that starts with a quote, so a typo does not swallow the document', () => {
    // `<a href="/x"">` parses to an attribute named `"`; Chromium serialises it as `"=""`.
    expect(events('<a href="/x" "="">t</a><input type="hidden" name="k" value="after">')).toEqual([
      ['start', 'a', { href: '/x', '"': '' }, false],
      ['end', 'a'],
      ['start', 'input', { type: 'hidden', name: 'k', value: 'after' }, false],
    ]);
    expect(attributesOf(`<div 'odd' data-k="v">`)).toEqual([{ "'odd'": '', 'data-k': 'v' }]);
    expect(attributesOf('<div =x data-k="v">')).toEqual([{ '=x': '', 'data-k': 'v' }]);
  });
});

describe('tokenize: raw text, comments and the rest', () => {
  it('hands script text over whole: "<" and markup-like text inside it are not tags', () => {
    const code = 'if (a<b && c</d) { html = "<div data-k=\'v\'>" + "</scrip" + "t>"; } // <!-- not a comment';
    expect(events(`<script id="s">${code}</script><p></p>`)).toEqual([
      ['start', 'script', { id: 's' }, false],
      ['raw', 'script', code],
      ['end', 'script'],
      ['start', 'p', {}, false],
      ['end', 'p'],
    ]);
  });

  it('ends raw text at "</SCRIPT>" and "</script " in any case, not at "</scripts>"', () => {
    expect(events('<SCRIPT>a()</SCRIPT>').slice(1)).toEqual([
      ['raw', 'script', 'a()'],
      ['end', 'script'],
    ]);
    expect(events('<script>b()</script >x').slice(1, 3)).toEqual([
      ['raw', 'script', 'b()'],
      ['end', 'script'],
    ]);
    expect(events('<script>c()</Script\n>').slice(1, 2)).toEqual([['raw', 'script', 'c()']]);
    expect(events('<script>var t = "</scripts>"; d()</script>')[1]).toEqual(['raw', 'script', 'var t = "</scripts>"; d()']);
  });

  it('treats style, textarea, title and noscript contents as text', () => {
    expect(events('<style>a[data-k="<b>"] {}</style><textarea><input type=hidden value=x></textarea><noscript><img src=t.gif></noscript>')).toEqual([
      ['start', 'style', {}, false],
      ['raw', 'style', 'a[data-k="<b>"] {}'],
      ['end', 'style'],
      ['start', 'textarea', {}, false],
      ['raw', 'textarea', '<input type=hidden value=x>'],
      ['end', 'textarea'],
      ['start', 'noscript', {}, false],
      ['raw', 'noscript', '<img src=t.gif>'],
      ['end', 'noscript'],
    ]);
  });

  it('reports comments, skips doctype, CDATA and processing instructions, and ignores stray "<"', () => {
    expect(events('<!DOCTYPE html><?xml version="1.0"?><![CDATA[<b>]]><!-- a <div> in a comment --><p>1 < 2 <3 <= 4 <</p>')).toEqual([
      ['comment', ' a <div> in a comment '],
      ['start', 'p', {}, false],
      ['end', 'p'],
    ]);
    expect(events('</div class="x"><//>')).toEqual([['end', 'div']]);
  });

  it('runs an unclosed comment to the end of the input', () => {
    expect(events('<p></p><!-- never closed <div data-k="v"></div>')).toEqual([
      ['start', 'p', {}, false],
      ['end', 'p'],
      ['comment', ' never closed <div data-k="v"></div>'],
    ]);
  });

  it('copes with a document cut anywhere (the content script cuts very large markup)', () => {
    expect(events('<div id="w" data-key="abc')).toEqual([['start', 'div', { id: 'w', 'data-key': 'abc' }, false]]);
    expect(events('<script>var a = "x')).toEqual([
      ['start', 'script', {}, false],
      ['raw', 'script', 'var a = "x'],
    ]);
    expect(events('<div id="w"></di')[0]).toEqual(['start', 'div', { id: 'w' }, false]);
    expect(events('<p></p><')).toEqual([
      ['start', 'p', {}, false],
      ['end', 'p'],
    ]);
    expect(events('<!-')).toEqual([]);
    // Every prefix of a realistic document: no throw, and never more events than characters.
    const page =
      '<html><head><meta name="k" content="v&amp;w"><!-- c --></head><body><div id="a" data-x=\'1\'><script>if(a<b)x()</script>' +
      '<input type=hidden name=t value="&quot;q&quot;"></div><![CDATA[x]]><style>p{}</style></body></html>';
    for (let cut = 0; cut <= page.length; cut++) expect(events(page.slice(0, cut)).length).toBeLessThanOrEqual(cut);
  });
});

describe('decodeCharacterReferences', () => {
  it('decodes what a serialiser writes and the numeric forms', () => {
    expect(decodeCharacterReferences('a &amp; b &quot;c&quot; d&#39;s &lt;tag&gt; &apos;')).toBe(`a & b "c" d's <tag> '`);
    expect(decodeCharacterReferences('&#x41;&#X42;&#67;&nbsp;&#x1F600;')).toBe('ABC\u00a0\u{1F600}');
  });

  it('keeps unknown and unterminated references, and replaces invalid code points', () => {
    expect(decodeCharacterReferences('&bogus; &zz; &amp & ; &#; &#xZZ;')).toBe('&bogus; &zz; &amp & ; &#; &#xZZ;');
    expect(decodeCharacterReferences('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
    // Decoded once: "&amp;quot;" is the text "&quot;", not a quote.
    expect(decodeCharacterReferences('&amp;quot;')).toBe('&quot;');
    const plain = 'no references here';
    expect(decodeCharacterReferences(plain)).toBe(plain);
  });

  it('applies to attribute values, not to script text', () => {
    expect(events('<div title="&quot;x&quot; &amp; y"></div><script>a = "&amp;";</script>')).toEqual([
      ['start', 'div', { title: '"x" & y' }, false],
      ['end', 'div'],
      ['start', 'script', {}, false],
      ['raw', 'script', 'a = "&amp;";'],
      ['end', 'script'],
    ]);
  });
});

describe('hostile input', () => {
  const TWO_MB = 2 * 1024 * 1024;
  const fill = (unit: string) => unit.repeat(Math.ceil(TWO_MB / unit.length));

  /** Counts events (without keeping them) and how long tokenizing took. */
  function run(markup: string): { count: number; attributes: number; ms: number } {
    let count = 0;
    let attributes = 0;
    const started = performance.now();
    tokenize(markup, {
      startTag: (_name, list) => {
        count++;
        attributes += list.length;
      },
      endTag: () => count++,
      comment: () => count++,
      rawText: () => count++,
    });
    return { count, attributes, ms: performance.now() - started };
  }

  // Linear inputs finish in well under a second; a quadratic step would take minutes on these. The
  // bound is loose on purpose (a shared, busy machine), and each case also checks its output.
  const BOUND_MS = 5000;

  // Optimised code first, as in a background that has read many pages: V8's optimised `indexOf`
  // once made runs of stray "<" quadratic, which unoptimised code never showed.
  beforeAll(() => {
    const page = '<html><head><meta name="k" content="v&amp;w"><!-- c --></head><body><div id="a" data-x=\'1\'><p>1 < 2</p></div></body></html>';
    for (let round = 0; round < 20; round++) for (let cut = 0; cut <= page.length; cut++) run(page.slice(0, cut));
  });

  it.each([
    ['"<a a=" repeated', fill('<a a='), (r: ReturnType<typeof run>) => expect(r.count).toBeGreaterThan(0)],
    ['"<!--" repeated', fill('<!--'), (r: ReturnType<typeof run>) => expect(r.count).toBe(1)],
    ['"<script>" repeated', fill('<script>'), (r: ReturnType<typeof run>) => expect(r.count).toBe(2)],
    ['"</script" repeated', fill('</script'), (r: ReturnType<typeof run>) => expect(r.count).toBe(1)],
    ['"<a \\"" repeated', fill('<a "'), (r: ReturnType<typeof run>) => expect(r.count).toBeGreaterThan(0)],
    ['"<<" repeated', fill('<<'), (r: ReturnType<typeof run>) => expect(r.count).toBe(0)],
    ['"<!" repeated', fill('<!'), (r: ReturnType<typeof run>) => expect(r.count).toBe(0)],
    ['one tag with a spaces run', `<a b${' '.repeat(TWO_MB)}c>`, (r: ReturnType<typeof run>) => expect(r.attributes).toBe(2)],
  ])('tokenizes 2 MB of %s in linear time with bounded output', (_label, markup, check) => {
    const result = run(markup);
    expect(result.count).toBeLessThanOrEqual(markup.length);
    check(result);
    expect(result.ms).toBeLessThan(BOUND_MS);
  });

  it('keeps duplicate detection linear in a tag with a hundred thousand distinct attributes', () => {
    const markup = `<div ${Array.from({ length: 100_000 }, (_, i) => `x${i}=1`).join(' ')} x5=dup>`;
    const result = run(markup);
    expect(result.attributes).toBe(100_000);
    expect(result.ms).toBeLessThan(BOUND_MS);
  });

  it('never throws on random soup of markup fragments', () => {
    const random = prng(0x5eed);
    const pieces = ['<', '>', '/', '"', "'", '=', ' ', '\n', '<!--', '-->', '<script>', '</script>', '<div', 'a', '&amp;', '&#x', ';', '<!', '</'];
    for (let round = 0; round < 200; round++) {
      let markup = '';
      for (let i = 0; i < 200; i++) markup += pieces[Math.floor(random() * pieces.length)];
      expect(run(markup).count).toBeLessThanOrEqual(markup.length);
    }
  });
});
