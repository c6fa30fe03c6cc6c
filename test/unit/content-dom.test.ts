// @vitest-environment happy-dom
/**
 * DOM collectors: what the markup gives away (comments, meta, hidden inputs, data-* attributes, forms
 * posting to http://), each with a selector that says where, bounded, and sent once. happy-dom has no
 * XPath, so these run the fallback walk; the XPath query is exercised in Chromium by the e2e test
 * (test/e2e/page.test.ts), against the same expectations.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { collectDomValues, collectInsecureForms, DOM_LIMITS } from '../../src/content/collectors/dom.ts';
import { SentMemo } from '../../src/content/collectors/memo.ts';
import { cssValue, selectorFor } from '../../src/content/collectors/selectors.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';

let memo: SentMemo;
const ofKind = (kind: string) => collectDomValues(document, memo).values.filter((value) => value.kind === kind);
beforeEach(() => {
  memo = new SentMemo();
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

describe('selectors', () => {
  it('name an element by id, meta name, field name, class, or tag', () => {
    document.body.innerHTML = `<div id="support-widget"></div><div id="odd id"></div><input type="HIDDEN" name="api_key">
      <input name="user.email"><span class="badge big"></span><p></p>`;
    const [widget, odd, hidden, email, span, p] = Array.from(document.body.children);
    expect(selectorFor(widget!)).toBe('#support-widget');
    expect(selectorFor(odd!)).toBe('[id="odd id"]');
    expect(selectorFor(hidden!)).toBe('input[type=hidden][name=api_key]');
    expect(selectorFor(email!)).toBe('input[name="user.email"]');
    expect(selectorFor(span!)).toBe('span.badge');
    expect(selectorFor(p!)).toBe('p');
    document.head.innerHTML = '<meta property="og:title" content="x">';
    expect(selectorFor(document.head.firstElementChild!)).toBe('meta[property="og:title"]');
    expect(cssValue('ci-deploy-token')).toBe('ci-deploy-token');
  });
});

describe('collectComments', () => {
  it('copies comments long enough to hold a credential, once, at their parent', () => {
    const password = fakeOpaqueToken(18);
    document.body.innerHTML = `<!-- nav --><main id="app"><!-- TODO: remove admin login password="${password}" --></main>`;
    const { values } = collectDomValues(document, memo);
    expect(values).toEqual([{ kind: 'comment', selector: '#app > #comment', name: '', value: ` TODO: remove admin login password="${password}" ` }]);
    expect(collectDomValues(document, memo).values).toEqual([]);
  });

  it('is bounded in count and length', () => {
    document.body.innerHTML = Array.from({ length: DOM_LIMITS.maxPerKind.comment + 50 }, (_, i) => `<!-- comment number ${i} with text -->`).join('');
    expect(ofKind('comment')).toHaveLength(DOM_LIMITS.maxPerKind.comment);
    document.body.innerHTML = `<!--${'z'.repeat(DOM_LIMITS.maxValueLength + 10)}-->`;
    const { values, skipped } = collectDomValues(document, new SentMemo());
    expect(values[0]!.value).toHaveLength(DOM_LIMITS.maxValueLength);
    expect(skipped[0]!.reason).toMatch(/^cut to the first/);
  });
});

describe('collectMeta', () => {
  it('copies named meta values, skipping page furniture and short values', () => {
    const token = fakeOpaqueToken();
    document.head.innerHTML = `<meta name="viewport" content="width=device-width, initial-scale=1">
      <meta name="ci-deploy-token" content="${token}"><meta name="x" content="short"><meta charset="utf-8">`;
    expect(ofKind('meta')).toEqual([{ kind: 'meta', selector: 'meta[name=ci-deploy-token]', name: 'ci-deploy-token', value: token }]);
  });
});

describe('collectHiddenInputs', () => {
  it('reads the current value (scripts fill hidden fields) with the field name', () => {
    const key = fakeOpaqueToken(32);
    document.body.innerHTML = '<form><input type="hidden" name="api_key" value="placeholder"><input type="text" name="visible" value="not hidden at all"></form>';
    (document.querySelector('input[name=api_key]') as HTMLInputElement).value = key;
    expect(ofKind('hidden-input')).toEqual([{ kind: 'hidden-input', selector: 'input[type=hidden][name=api_key]', name: 'api_key', value: key }]);
  });
});

describe('collectDataAttributes', () => {
  it('copies long data-* values with their attribute name (fallback walk without XPath)', () => {
    const key = fakeOpaqueToken();
    document.body.innerHTML = `<div id="support-widget" data-api-key="${key}" data-theme="light"></div><span data-testid="a-very-long-test-identifier"></span>`;
    const values = ofKind('data-attribute');
    expect(values).toEqual([
      { kind: 'data-attribute', selector: '#support-widget', name: 'data-api-key', value: key },
      { kind: 'data-attribute', selector: 'span', name: 'data-testid', value: 'a-very-long-test-identifier' },
    ]);
    expect(ofKind('data-attribute')).toEqual([]);
  });

  it('keeps a few values per attribute name (table rows repeat theirs) and stops at its limit', () => {
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<div data-sku="SKU-${String(i).padStart(8, '0')}-EU-WH"></div>`).join('');
    expect(ofKind('data-attribute')).toHaveLength(DOM_LIMITS.maxPerDataAttributeName);
    memo = new SentMemo();
    document.body.innerHTML = Array.from({ length: DOM_LIMITS.maxPerKind['data-attribute'] + 20 }, (_, i) => `<i data-v${i}="value-number-${i}-long-enough"></i>`).join('');
    expect(ofKind('data-attribute')).toHaveLength(DOM_LIMITS.maxPerKind['data-attribute']);
  });
});

describe('collectDomValues', () => {
  it('returns every kind in document order, each value once', () => {
    const [a, b, c, d] = [fakeOpaqueToken(), fakeOpaqueToken(), fakeOpaqueToken(), fakeOpaqueToken()];
    document.head.innerHTML = `<meta name="k1" content="${a}">`;
    document.body.innerHTML = `<!-- note: ${b} --><input type="hidden" name="h" value="${c}"><div id="w" data-key="${d}"></div>`;
    expect(collectDomValues(document, memo).values.map((value) => [value.kind, value.selector, value.name])).toEqual([
      ['meta', 'meta[name=k1]', 'k1'],
      ['comment', 'body > #comment', ''],
      ['hidden-input', 'input[type=hidden][name=h]', 'h'],
      ['data-attribute', '#w', 'data-key'],
    ]);
    expect(collectDomValues(document, memo).values).toEqual([]);
    // A changed value at the same place is new.
    (document.querySelector('input') as HTMLInputElement).value = fakeOpaqueToken();
    expect(collectDomValues(document, memo).values.map((value) => value.kind)).toEqual(['hidden-input']);
  });
});

describe('collectInsecureForms', () => {
  const happyDom = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
  beforeEach(() => happyDom().setURL('https://app.example.test/settings'));

  it('counts a relative action as plain HTTP on a plain-HTTP page', () => {
    happyDom().setURL('http://intranet.example.test/');
    document.body.innerHTML = '<form id="login"><input type="password"></form>';
    expect(collectInsecureForms(document, memo)).toEqual([{ selector: '#login', action: 'http://intranet.example.test/', method: 'get', hasPassword: true }]);
  });

  it('finds forms and formaction buttons that post to http://, noting password fields', () => {
    document.body.innerHTML = `
      <form id="legacy" action="http://exports.example.test/upload" method="POST"><input type="password" name="p"></form>
      <form id="safe" action="https://example.test/login"><input type="password"></form>
      <form id="search" action="/search"></form>
      <form id="mixed" action="https://example.test/a"><button formaction="http://old.example.test/b">Old</button></form>`;
    expect(collectInsecureForms(document, memo)).toEqual([
      { selector: '#legacy', action: 'http://exports.example.test/upload', method: 'post', hasPassword: true },
      { selector: 'button', action: 'http://old.example.test/b', method: 'get', hasPassword: false },
    ]);
    expect(collectInsecureForms(document, memo)).toEqual([]);
  });

  it('reads the action attribute, so an input named "action" cannot hide the real target', () => {
    document.body.innerHTML = '<form id="clobbered" action="http://collector.example.test/"><input name="action" value="x"></form>';
    expect(collectInsecureForms(document, memo).map((form) => form.action)).toEqual(['http://collector.example.test/']);
  });
});
