/**
 * Reading a page's serialised markup in the background (src/engine/markup/page-markup.ts): what the
 * content-side DOM and script collectors used to find, now found in `outerHTML` — comments, meta
 * values, hidden inputs, data-* attributes, forms posting to http://, inline scripts with where they
 * are, script URLs, data islands — each bounded, with what does not fit reported as skipped.
 *
 * Most markup here is built the way Chromium's serialiser writes it (`serialised` helpers below:
 * double-quoted attributes with `&amp;`/`&quot;`/`&lt;`/`&gt;`/`&nbsp;` escaped, text escaped, raw
 * text as is, every non-void element closed); some is hand-written HTML, which the reader also takes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cssValue, isDataScriptType, MARKUP_LIMITS, readPageMarkup, selectorFor } from '../../src/engine/markup/page-markup.ts';
import type { Attribute } from '../../src/engine/markup/tokenizer.ts';
import { isFetchableScriptUrl } from '../../src/shared/messages.ts';
import { fakeAwsKeyId, fakeOpaqueToken } from '../support/fake-secrets.ts';

const PAGE = 'https://app.example.test/page';

// ---- Markup as Chromium's outerHTML writes it ----

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
const escapeAttribute = (value: string) =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('\u00a0', '&nbsp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** A text node. */
const text = (value: string) => value.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('\u00a0', '&nbsp;');
/** A comment node: its data as is. */
const comment = (data: string) => `<!--${data}-->`;
/** An element; children are already serialised (script and style text goes in as is, like the serialiser). */
function el(tag: string, attributes: Record<string, string> = {}, ...children: string[]): string {
  const open = `<${tag}${Object.entries(attributes)
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('')}>`;
  return VOID.has(tag) ? open : `${open}${children.join('')}</${tag}>`;
}
const page = (head: string, body: string) => `<html><head>${head}</head><body>${body}</body></html>`;

const read = (markup: string, pageUrl = PAGE) => readPageMarkup(markup, pageUrl);
const ofKind = (markup: string, kind: string) => read(markup).dom.filter((value) => value.kind === kind);
const attributes = (object: Record<string, string>): Attribute[] => Object.entries(object).map(([name, value]) => ({ name, value }));

describe('selectors', () => {
  it('name an element by id, meta name, field name, class, or tag', () => {
    expect(selectorFor('div', attributes({ id: 'support-widget' }))).toBe('#support-widget');
    expect(selectorFor('div', attributes({ id: 'odd id' }))).toBe('[id="odd id"]');
    expect(selectorFor('input', attributes({ type: 'HIDDEN', name: 'api_key' }))).toBe('input[type=hidden][name=api_key]');
    expect(selectorFor('input', attributes({ name: 'user.email' }))).toBe('input[name="user.email"]');
    expect(selectorFor('span', attributes({ class: 'badge big' }))).toBe('span.badge');
    expect(selectorFor('p', [])).toBe('p');
    expect(selectorFor('meta', attributes({ property: 'og:title', content: 'x' }))).toBe('meta[property="og:title"]');
    expect(selectorFor('meta', attributes({ name: 'ci-deploy-token', content: 'x' }))).toBe('meta[name=ci-deploy-token]');
    expect(cssValue('ci-deploy-token')).toBe('ci-deploy-token');
    expect(cssValue('a b')).toBe('"a b"');
  });

  it('cuts a very long selector', () => {
    const selector = selectorFor('div', attributes({ id: 'x'.repeat(1000) }));
    expect(selector).toHaveLength(300);
    expect(selector.endsWith('…')).toBe(true);
  });

  it('are built from the markup as read, upper-case hand-written HTML included', () => {
    const key = fakeOpaqueToken(24);
    const dom = read(`<BODY><DIV CLASS='panel wide'><INPUT TYPE=HIDDEN NAME=api_key VALUE=${key}></DIV><P ID="odd id" DATA-CONFIG-VALUE='${key}'></P>`).dom;
    expect(dom.map((value) => [value.kind, value.selector, value.name])).toEqual([
      ['hidden-input', 'input[type=hidden][name=api_key]', 'api_key'],
      ['data-attribute', '[id="odd id"]', 'data-config-value'],
    ]);
  });
});

describe('comments', () => {
  it('copies comments long enough to hold a credential, once, at their parent', () => {
    const password = fakeOpaqueToken(18);
    const note = ` TODO: remove admin login password="${password}" `;
    const markup = page('', comment(' nav ') + el('main', { id: 'app' }, comment(note), el('p', {}, text('x')), comment(note)) + comment(' release notes: see the wiki page '));
    expect(read(markup).dom).toEqual([
      { kind: 'comment', selector: '#app > #comment', name: '', value: note },
      // After </main>, a comment is the body's again.
      { kind: 'comment', selector: 'body > #comment', name: '', value: ' release notes: see the wiki page ' },
    ]);
  });

  it('is bounded in count and length, saying what was cut', () => {
    const many = page('', Array.from({ length: MARKUP_LIMITS.maxPerKind.comment + 50 }, (_, i) => comment(` comment number ${i} with text `)).join(''));
    expect(ofKind(many, 'comment')).toHaveLength(MARKUP_LIMITS.maxPerKind.comment);
    const long = read(page('', comment('z'.repeat(MARKUP_LIMITS.maxValueLength + 10))));
    expect(long.dom[0]!.value).toHaveLength(MARKUP_LIMITS.maxValueLength);
    expect(long.skipped).toEqual([{ what: 'body > #comment', reason: `cut to the first ${MARKUP_LIMITS.maxValueLength} of ${MARKUP_LIMITS.maxValueLength + 10} characters` }]);
  });
});

describe('meta values', () => {
  it('copies named meta values, skipping page furniture and short values', () => {
    const token = fakeOpaqueToken();
    const head =
      el('meta', { charset: 'utf-8' }) +
      el('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }) +
      el('meta', { name: 'Description', content: 'A long description of this page' }) +
      el('meta', { name: 'ci-deploy-token', content: token }) +
      el('meta', { name: 'x', content: 'short' });
    expect(ofKind(page(head, ''), 'meta')).toEqual([{ kind: 'meta', selector: 'meta[name=ci-deploy-token]', name: 'ci-deploy-token', value: token }]);
  });

  it('names a meta value by property, http-equiv or itemprop when it has no name', () => {
    const token = fakeOpaqueToken();
    expect(ofKind(page(el('meta', { property: 'app:key', content: token }), ''), 'meta')).toEqual([
      { kind: 'meta', selector: 'meta[property="app:key"]', name: 'app:key', value: token },
    ]);
  });
});

describe('hidden inputs', () => {
  it('reads the value in the markup (a script filling a hidden field writes its attribute) with the field name', () => {
    const key = fakeOpaqueToken(32);
    const markup = page('', el('form', {}, el('input', { type: 'hidden', name: 'api_key', value: key }), el('input', { type: 'text', name: 'visible', value: 'not hidden at all' })));
    expect(ofKind(markup, 'hidden-input')).toEqual([{ kind: 'hidden-input', selector: 'input[type=hidden][name=api_key]', name: 'api_key', value: key }]);
  });

  it('decodes the serialiser\'s escapes, takes the id when there is no name, and skips short values', () => {
    const secret = `${fakeOpaqueToken(12)}"&<>\u00a0${fakeOpaqueToken(12)}`;
    const markup = page('', el('input', { type: 'hidden', id: 'csrf', value: secret }) + el('input', { type: 'hidden', name: 'page', value: '3' }));
    expect(markup).toContain('&quot;&amp;&lt;&gt;&nbsp;');
    expect(ofKind(markup, 'hidden-input')).toEqual([{ kind: 'hidden-input', selector: '#csrf', name: 'csrf', value: secret }]);
  });
});

describe('data-* attributes', () => {
  it('copies long data-* values with their attribute name', () => {
    const key = fakeOpaqueToken();
    const markup = page('', el('div', { id: 'support-widget', 'data-api-key': key, 'data-theme': 'light' }) + el('span', { 'data-testid': 'a-very-long-test-identifier' }));
    expect(ofKind(markup, 'data-attribute')).toEqual([
      { kind: 'data-attribute', selector: '#support-widget', name: 'data-api-key', value: key },
      { kind: 'data-attribute', selector: 'span', name: 'data-testid', value: 'a-very-long-test-identifier' },
    ]);
  });

  it('decodes a JSON value written with &quot;', () => {
    const config = JSON.stringify({ aws: { id: fakeAwsKeyId() } });
    const markup = page('', el('div', { id: 'w', 'data-config': config }));
    expect(markup).toContain('data-config="{&quot;aws&quot;');
    expect(ofKind(markup, 'data-attribute')).toEqual([{ kind: 'data-attribute', selector: '#w', name: 'data-config', value: config }]);
  });

  it('keeps a few values per attribute name (table rows repeat theirs) and stops at its limit', () => {
    const rows = page('', Array.from({ length: 50 }, (_, i) => el('div', { 'data-sku': `SKU-${String(i).padStart(8, '0')}-EU-WH` })).join(''));
    expect(ofKind(rows, 'data-attribute')).toHaveLength(MARKUP_LIMITS.maxPerDataAttributeName);
    const names = page('', Array.from({ length: MARKUP_LIMITS.maxPerKind['data-attribute'] + 20 }, (_, i) => el('i', { [`data-v${i}`]: `value-number-${i}-long-enough` })).join(''));
    expect(ofKind(names, 'data-attribute')).toHaveLength(MARKUP_LIMITS.maxPerKind['data-attribute']);
  });

  it('cuts an oversized value and says so, with the attribute', () => {
    const { dom, skipped } = read(page('', el('div', { id: 'w', 'data-blob': 'b'.repeat(MARKUP_LIMITS.maxValueLength + 1) })));
    expect(dom[0]!.value).toHaveLength(MARKUP_LIMITS.maxValueLength);
    expect(skipped).toEqual([{ what: '#w@data-blob', reason: `cut to the first ${MARKUP_LIMITS.maxValueLength} of ${MARKUP_LIMITS.maxValueLength + 1} characters` }]);
  });
});

describe('DOM values together', () => {
  it('returns every kind in document order, each value once per place', () => {
    const [a, b, c, d] = [fakeOpaqueToken(), fakeOpaqueToken(), fakeOpaqueToken(), fakeOpaqueToken()];
    const hidden = el('input', { type: 'hidden', name: 'h', value: c });
    const markup = page(el('meta', { name: 'k1', content: a }), comment(` note: ${b} `) + hidden + hidden + el('div', { id: 'w', 'data-key': d }) + el('form', { id: 'f' }, hidden));
    expect(read(markup).dom.map((value) => [value.kind, value.selector, value.name])).toEqual([
      ['meta', 'meta[name=k1]', 'k1'],
      ['comment', 'body > #comment', ''],
      ['hidden-input', 'input[type=hidden][name=h]', 'h'],
      ['data-attribute', '#w', 'data-key'],
    ]);
  });

  it('looks at a bounded number of candidates, and says so', () => {
    const markup = page('', el('input', { type: 'hidden', name: 'x', value: 'short' }).repeat(MARKUP_LIMITS.maxNodes) + el('input', { type: 'hidden', name: 'late', value: fakeOpaqueToken() }));
    const { dom, skipped } = read(markup);
    expect(dom).toEqual([]);
    expect(skipped).toEqual([{ what: 'DOM values', reason: `only the first ${MARKUP_LIMITS.maxNodes} candidate nodes were read` }]);
  });
});

describe('forms posting to plain HTTP', () => {
  it('counts a relative action as plain HTTP on a plain-HTTP page', () => {
    const markup = page('', el('form', { id: 'login' }, el('input', { type: 'password' })));
    expect(read(markup, 'http://intranet.example.test/').insecureForms).toEqual([{ selector: '#login', action: 'http://intranet.example.test/', method: 'get', hasPassword: true }]);
    expect(read(markup, 'https://intranet.example.test/').insecureForms).toEqual([]);
  });

  it('finds forms and formaction buttons that post to http://, noting password fields', () => {
    const markup = page(
      '',
      el('form', { id: 'legacy', action: 'http://exports.example.test/upload', method: 'POST' }, el('input', { type: 'password', name: 'p' })) +
        el('form', { id: 'safe', action: 'https://example.test/login' }, el('input', { type: 'password' })) +
        el('form', { id: 'search', action: '/search' }) +
        el('form', { id: 'mixed', action: 'https://example.test/a' }, el('button', { formaction: 'http://old.example.test/b' }, text('Old'))) +
        el('form', { id: 'later', action: 'https://example.test/c', method: 'post' }, el('div', {}, el('button', { formaction: 'http://old.example.test/c', formmethod: 'GET' }, text('Go'))), el('p', {}, el('input', { type: 'PASSWORD' }))) +
        el('input', { type: 'password' }),
    );
    expect(read(markup).insecureForms).toEqual([
      { selector: '#legacy', action: 'http://exports.example.test/upload', method: 'post', hasPassword: true },
      { selector: 'button', action: 'http://old.example.test/b', method: 'get', hasPassword: false },
      // The password field after the button, nested deeper, still belongs to the form.
      { selector: 'button', action: 'http://old.example.test/c', method: 'get', hasPassword: true },
    ]);
  });

  it('reads the action attribute, so an input named "action" cannot hide the real target', () => {
    const markup = page('', el('form', { id: 'clobbered', action: 'http://collector.example.test/' }, el('input', { name: 'action', value: 'https://example.test/' })));
    expect(read(markup).insecureForms.map((form) => form.action)).toEqual(['http://collector.example.test/']);
  });

  it('resolves against the first <base href>, as the document does', () => {
    const head = el('base', { target: '_blank' }) + el('base', { href: 'http://static.example.test/app/' }) + el('base', { href: 'https://other.example.test/' });
    const { insecureForms, scriptUrls } = read(page(head, el('form', { id: 'f', action: 'submit' }) + el('script', { src: 'main.js' })));
    expect(insecureForms).toEqual([{ selector: '#f', action: 'http://static.example.test/app/submit', method: 'get', hasPassword: false }]);
    expect(scriptUrls).toEqual(['http://static.example.test/app/main.js']);
  });

  it('submits a form without an action to the document itself, not to the base URL', () => {
    const head = el('base', { href: 'http://static.example.test/' });
    const markup = page(head, el('form', { id: 'empty' }, el('input', { type: 'password' })));
    expect(read(markup, 'https://app.example.test/login').insecureForms).toEqual([]);
    expect(read(markup, 'http://app.example.test/login').insecureForms).toEqual([{ selector: '#empty', action: 'http://app.example.test/login', method: 'get', hasPassword: true }]);
  });
});

describe('template contents', () => {
  it('reads scripts in a <template> without counting them among the document\'s scripts or fetching them', () => {
    const markup = page(
      '',
      el('template', { id: 'row' }, el('script', {}, 'var templated = 1;') + el('script', { src: '/never-loaded.js' })) + el('script', {}, 'var live = 2;'),
    );
    const { inlineScripts, scriptUrls } = read(markup);
    expect(inlineScripts).toEqual([
      { selector: 'template > inline script', text: 'var templated = 1;' },
      { selector: 'inline script #1', text: 'var live = 2;' },
    ]);
    expect(scriptUrls).toEqual([]);
  });
});

describe('scripts', () => {
  it('copies inline code with its selector and lists classic and module scripts by URL', () => {
    const markup = page(
      '',
      el('script', { src: '/static/app.js' }) +
        el('script', { type: 'module', src: 'https://cdn.example.test/m.mjs' }) +
        el('script', { id: 'config' }, 'window.cfg = {}') +
        el('script', {}, 'var a = 1;') +
        el('script', { type: 'module' }, 'import "./x.mjs";') +
        el('script', { type: 'application/json', id: '__NEXT_DATA__' }, '{}') +
        el('script', { src: 'data:text/javascript,1' }) +
        el('script', {}, '   ') +
        el('script', { src: '/static/app.js' }),
    );
    const { inlineScripts, scriptUrls, dataIslands, skipped } = read(markup);
    expect(scriptUrls).toEqual(['https://app.example.test/static/app.js', 'https://cdn.example.test/m.mjs']);
    // Numbered among all of the document's scripts, external ones included, as document.scripts counts.
    expect(inlineScripts).toEqual([
      { selector: 'script#config', text: 'window.cfg = {}' },
      { selector: 'inline script #4', text: 'var a = 1;' },
      { selector: 'inline script #5', text: 'import "./x.mjs";' },
    ]);
    expect(dataIslands).toEqual([{ selector: 'script#__NEXT_DATA__', type: 'application/json', text: '{}' }]);
    expect(skipped).toEqual([]);
  });

  it('keeps script text as written: "<", "</div>" and entities inside it are code', () => {
    const code = 'if (a < b && c</d) { el.innerHTML = "<div data-k=\'v\'></div>" + "&amp;"; }';
    expect(read(page('', el('script', {}, code))).inlineScripts).toEqual([{ selector: 'inline script #1', text: code }]);
  });

  it('does not count SVG scripts (not in document.scripts), but counts HTML ones inside <foreignObject>', () => {
    const markup = page(
      '',
      el('svg', {}, el('script', {}, 'var inSvg = 1;'), el('foreignObject', {}, el('div', {}, el('script', {}, 'var inHtml = 1;'), el('input', { type: 'hidden', name: 'k', value: 'abcdefgh' })))) +
        el('math', {}, el('script', {}, 'var inMath = 1;')) +
        el('script', {}, 'var after = 1;'),
    );
    const { inlineScripts, dom } = read(markup);
    expect(inlineScripts).toEqual([
      { selector: 'inline script #1', text: 'var inHtml = 1;' },
      { selector: 'inline script #2', text: 'var after = 1;' },
    ]);
    expect(dom.map((value) => value.selector)).toEqual(['input[type=hidden][name=k]']);
  });

  it('reports an inline script over the size limit as skipped', () => {
    const { inlineScripts, skipped } = read(page('', el('script', {}, 'x'.repeat(MARKUP_LIMITS.maxInlineLength + 1))));
    expect(inlineScripts).toEqual([]);
    expect(skipped).toEqual([{ what: 'inline script #1', reason: `too large (${MARKUP_LIMITS.maxInlineLength + 1} characters)` }]);
  });

  it('reads a bounded number of scripts, and says so', () => {
    const count = MARKUP_LIMITS.maxScripts + 10;
    const { scriptUrls, skipped } = read(page('', Array.from({ length: count }, (_, i) => el('script', { src: `/s${i}.js` })).join('')));
    expect(scriptUrls).toHaveLength(MARKUP_LIMITS.maxScripts);
    expect(skipped).toEqual([{ what: 'scripts', reason: `only the first ${MARKUP_LIMITS.maxScripts} of ${count} were read` }]);
  });

  it('lists modulepreload and script preloads and prefetches, not style or image preloads', () => {
    const head =
      el('link', { rel: 'modulepreload', href: '/chunks/chart.mjs' }) +
      el('link', { rel: 'preload', as: 'script', href: '/a.js' }) +
      el('link', { rel: 'preload', as: 'style', href: '/a.css' }) +
      el('link', { rel: 'prefetch', as: 'script', href: '/later.js' }) +
      el('link', { rel: 'prefetch', href: '/next.html' }) +
      el('link', { rel: 'Preload', as: 'SCRIPT', href: ' /upper.js ' }) +
      el('link', { rel: 'preload', as: 'image', href: '/i.png' }) +
      el('link', { rel: 'stylesheet', href: '/b.css' });
    expect(read(page(head, '')).scriptUrls).toEqual([
      'https://app.example.test/chunks/chart.mjs',
      'https://app.example.test/a.js',
      'https://app.example.test/later.js',
      'https://app.example.test/upper.js',
    ]);
  });

  it('only lists web URLs', () => {
    expect(isFetchableScriptUrl('blob:https://a.test/1')).toBe(false);
    expect(isFetchableScriptUrl('data:text/javascript,1')).toBe(false);
    expect(isFetchableScriptUrl('http://a.test/x.js')).toBe(true);
    expect(read(page('', el('script', { src: 'blob:https://app.example.test/1' }) + el('script', { src: 'javascript:void 0' }))).scriptUrls).toEqual([]);
  });
});

describe('data islands', () => {
  it('copies JSON islands, import maps and ld+json with a selector, not external JSON or blank ones', () => {
    const markup = page(
      '',
      el('script', { id: '__NEXT_DATA__', type: 'application/json' }, '{"props":{}}') +
        el('script', { type: 'application/ld+json' }, '{"@type":"Organization"}') +
        el('script', { type: 'importmap' }, '{"imports":{}}') +
        el('script', { type: 'application/json', src: '/data.json' }) +
        el('script', {}, 'var code = 1;') +
        el('script', { type: 'application/json' }, '   '),
    );
    expect(read(markup).dataIslands).toEqual([
      { selector: 'script#__NEXT_DATA__', type: 'application/json', text: '{"props":{}}' },
      { selector: 'script[type="application/ld+json"]', type: 'application/ld+json', text: '{"@type":"Organization"}' },
      { selector: 'script[type="importmap"]', type: 'importmap', text: '{"imports":{}}' },
    ]);
    expect(isDataScriptType(' Application/JSON ')).toBe(true);
    expect(isDataScriptType('speculationrules')).toBe(true);
    expect(isDataScriptType('module')).toBe(false);
    expect(isDataScriptType('text/javascript')).toBe(false);
  });

  it('reports an island over the size limit as skipped instead of copying it', () => {
    const { dataIslands, skipped } = read(page('', el('script', { id: 'huge', type: 'application/json' }, `"${'x'.repeat(MARKUP_LIMITS.maxInlineLength)}"`)));
    expect(dataIslands).toEqual([]);
    expect(skipped).toEqual([{ what: 'script#huge', reason: `too large (${MARKUP_LIMITS.maxInlineLength + 2} characters)` }]);
  });

  it('keeps a bounded number of islands and reports the rest in one entry', () => {
    const count = MARKUP_LIMITS.maxIslands + 30;
    const { dataIslands, skipped } = read(page('', Array.from({ length: count }, (_, i) => el('script', { type: 'application/json', id: `i${i}` }, `{"n":${i}}`)).join('')));
    expect(dataIslands).toHaveLength(MARKUP_LIMITS.maxIslands);
    expect(dataIslands.at(-1)!.selector).toBe(`script#i${MARKUP_LIMITS.maxIslands - 1}`);
    expect(skipped).toEqual([{ what: 'data islands', reason: `only the first ${MARKUP_LIMITS.maxIslands} of ${count} were read` }]);
  });
});

describe('hand-written and damaged markup', () => {
  it('reads single-quoted, unquoted and duplicate attributes (the first wins)', () => {
    const [key, other] = [fakeOpaqueToken(), fakeOpaqueToken()];
    const dom = read(`<body><input type=hidden name='api_key' value=${key} value='${other}'><div id=w data-api-key='${key}' DATA-API-KEY="${other}"></div></body>`).dom;
    expect(dom).toEqual([
      { kind: 'hidden-input', selector: 'input[type=hidden][name=api_key]', name: 'api_key', value: key },
      { kind: 'data-attribute', selector: '#w', name: 'data-api-key', value: key },
    ]);
  });

  it('keeps reading past an attribute typo (`<a href="/x"">`, serialised as `"=""`)', () => {
    const key = fakeOpaqueToken();
    const dom = read(page('', `<a href="/x" "="">link</a>` + el('div', { id: 'w', 'data-api-key': key }))).dom;
    expect(dom).toEqual([{ kind: 'data-attribute', selector: '#w', name: 'data-api-key', value: key }]);
  });

  it('reads a document cut short (the content script cuts very large markup) as far as it goes', () => {
    const [key, token] = [fakeOpaqueToken(), fakeOpaqueToken()];
    const full = page(el('meta', { name: 'deploy-token', content: token }), comment(' a comment long enough to keep ') + el('div', { id: 'w', 'data-api-key': key }) + el('script', { id: 'config' }, 'window.cfg = { a: 1 };'));
    for (let cut = 0; cut <= full.length; cut++) expect(() => read(full.slice(0, cut))).not.toThrow();
    const inValue = full.indexOf(key) + 20;
    const { dom } = read(full.slice(0, inValue));
    expect(dom.map((value) => value.kind)).toEqual(['meta', 'comment', 'data-attribute']);
    expect(dom[2]!.value).toBe(key.slice(0, 20));
    const inScript = read(full.slice(0, full.indexOf('a: 1')));
    expect(inScript.inlineScripts).toEqual([{ selector: 'script#config', text: 'window.cfg = { ' }]);
  });

  it('takes an unclosed comment to the end of the document', () => {
    expect(read('<body><div id="a"><!-- left open: <input type="hidden" name="k" value="abcdefgh">').dom).toEqual([
      { kind: 'comment', selector: '#a > #comment', name: '', value: ' left open: <input type="hidden" name="k" value="abcdefgh">' },
    ]);
  });
});

describe('hostile markup', () => {
  // A page controls its markup (an inline script's text is serialised as is, so any tokens can follow
  // a "</script>" inside it). Linear work finishes these in well under a second; a step that walks
  // the open elements or the attributes again per token takes tens of seconds. Loose bound on purpose.
  const BOUND_MS = 5000;
  const timed = (markup: string) => {
    const started = performance.now();
    const parts = read(markup);
    return { parts, ms: performance.now() - started };
  };

  beforeAll(() => {
    // Optimised code, as in a background that has read many pages.
    const sample = page(el('meta', { name: 'k', content: 'abcdefghij' }), el('form', { action: 'http://x.test/' }, el('div', { 'data-k': 'abcdefghijklmnopq' }, comment(' a comment long enough '), el('input', { type: 'password' }))));
    for (let round = 0; round < 10; round++) for (let cut = 0; cut <= sample.length; cut++) read(sample.slice(0, cut));
  });

  it('ignores end tags that match no open element without searching a deep stack each time', () => {
    const { parts, ms } = timed('<body>' + '<b>'.repeat(100_000) + '</i>'.repeat(100_000) + comment(' still inside the innermost b '));
    expect(parts.dom).toEqual([{ kind: 'comment', selector: 'b > #comment', name: '', value: ' still inside the innermost b ' }]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('names the parent of many comments once, however many attributes it has', () => {
    // Fewer comments than the candidate budget, so the last one is still read.
    const parent = `<div ${Array.from({ length: 60_000 }, (_, i) => `x${i}`).join(' ')}>`;
    const { parts, ms } = timed(parent + comment(' short ').repeat(MARKUP_LIMITS.maxNodes - 5000) + comment(' one long enough to keep '));
    expect(parts.dom).toEqual([{ kind: 'comment', selector: 'div > #comment', name: '', value: ' one long enough to keep ' }]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('finds the form of a password field without walking up a deep stack each time', () => {
    const { parts, ms } = timed(el('form', { id: 'f', action: 'http://x.example.test/' }, '<b>'.repeat(100_000) + '<input type="password">'.repeat(100_000)));
    expect(parts.insecureForms).toEqual([{ selector: '#f', action: 'http://x.example.test/', method: 'get', hasPassword: true }]);
    expect(ms).toBeLessThan(BOUND_MS);
  });

  it('stays bounded on megabytes of repeated fragments', () => {
    for (const unit of ['<a a=', '<!--', '<<', '<div data-k="abcdefghijklmnopqrstuvwxyz">', '<input type=hidden value=abcdefgh>', '<script type=application/json>{}</script>']) {
      const { parts, ms } = timed(unit.repeat(Math.ceil((2 * 1024 * 1024) / unit.length)));
      expect(parts.dom.length).toBeLessThanOrEqual(1900);
      expect(parts.dataIslands.length).toBeLessThanOrEqual(MARKUP_LIMITS.maxIslands);
      expect(parts.skipped.length).toBeLessThanOrEqual(3);
      expect(ms, unit).toBeLessThan(BOUND_MS);
    }
  });
});
