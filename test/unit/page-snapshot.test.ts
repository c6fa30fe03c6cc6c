/**
 * The page-snapshot validator: content scripts relay hostile page data, so every optional section is
 * checked for shape, field types, exact keys, counts and sizes; anything off drops the message.
 */
import { describe, expect, it } from 'vitest';
import { isPageSnapshot, SNAPSHOT_LIMITS, type PageSnapshotMessage } from '../../src/shared/messages.ts';

function snapshot(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const base: PageSnapshotMessage = {
    type: 'leaklens/page-snapshot',
    pageUrl: 'https://app.example.test/',
    localStorage: [],
    sessionStorage: [],
    cookies: '',
    inlineScripts: ['var a = 1'],
    scriptUrls: [],
  };
  return { ...base, ...extra };
}

const island = { selector: 'script#__NEXT_DATA__', type: 'application/json', text: '{}' };
const domValue = { kind: 'data-attribute', selector: '#w', name: 'data-api-key', value: 'abcdefghijkl' };
const form = { selector: '#login', action: 'http://example.test/login', method: 'post', hasPassword: true };
const record = { database: 'db', store: 's', key: 'k', value: '{"a":"b"}' };

describe('isPageSnapshot', () => {
  it('accepts the base message and every optional section when well-formed', () => {
    expect(isPageSnapshot(snapshot())).toBe(true);
    expect(
      isPageSnapshot(
        snapshot({
          inlineScriptSelectors: ['script#config'],
          dataIslands: [island],
          dom: [domValue, { ...domValue, kind: 'comment', name: '' }],
          insecureForms: [form],
          indexedDb: [record],
          skipped: [{ what: 'script#huge', reason: 'too large' }],
        }),
      ),
    ).toBe(true);
  });

  it.each([
    ['selectors not matching the inline scripts', { inlineScriptSelectors: [] }],
    ['a selector that is not a string', { inlineScriptSelectors: [5] }],
    ['an unknown DOM kind', { dom: [{ ...domValue, kind: 'script' }] }],
    ['an extra key', { dom: [{ ...domValue, extra: 1 }] }],
    ['a missing key', { insecureForms: [{ selector: '#a', action: 'http://x.test/', method: 'get' }] }],
    ['a non-boolean flag', { insecureForms: [{ ...form, hasPassword: 'yes' }] }],
    ['an array instead of an object', { dataIslands: [['script', 'json', '{}']] }],
    ['null entries', { indexedDb: [null] }],
    ['a section that is not an array', { dom: { 0: domValue } }],
    ['too many entries', { dom: Array.from({ length: SNAPSHOT_LIMITS.maxDomValues + 1 }, () => domValue) }],
    ['a DOM value over its size limit', { dom: [{ ...domValue, value: 'x'.repeat(SNAPSHOT_LIMITS.maxDomValueLength + 1) }] }],
    ['an IndexedDB value over its size limit', { indexedDb: [{ ...record, value: 'x'.repeat(SNAPSHOT_LIMITS.maxIndexedDbValueLength + 1) }] }],
    ['an overlong label', { indexedDb: [{ ...record, key: 'k'.repeat(SNAPSHOT_LIMITS.maxLabelLength + 1) }] }],
    ['an overlong script URL', { scriptUrls: [`https://x.test/${'a'.repeat(SNAPSHOT_LIMITS.maxUrlLength)}`] }],
    ['too many skips', { skipped: Array.from({ length: SNAPSHOT_LIMITS.maxSkipped + 1 }, () => ({ what: 'x', reason: 'y' })) }],
  ])('refuses %s', (_label, extra) => {
    expect(isPageSnapshot(snapshot(extra))).toBe(false);
  });

  it('accepts the document\'s markup, up to its own limit, and counts it in the total', () => {
    const markup = '<html><head></head><body><div id="w" data-api-key="abcdefghijklmnop"></div></body></html>';
    expect(isPageSnapshot(snapshot({ markup }))).toBe(true);
    expect(isPageSnapshot(snapshot({ markup: '' }))).toBe(true);
    expect(isPageSnapshot(snapshot({ markup: 'm'.repeat(SNAPSHOT_LIMITS.maxMarkupLength) }))).toBe(true);
    expect(isPageSnapshot(snapshot({ markup: 'm'.repeat(SNAPSHOT_LIMITS.maxMarkupLength + 1) }))).toBe(false);
    expect(isPageSnapshot(snapshot({ markup: ['<html>'] }))).toBe(false);
    expect(isPageSnapshot(snapshot({ markup: null }))).toBe(false);
    // Markup within its limit, but with the rest over the total.
    const islands = Array.from({ length: 4 }, () => ({ ...island, text: 'x'.repeat(SNAPSHOT_LIMITS.maxValueLength) }));
    expect(isPageSnapshot(snapshot({ dataIslands: islands }))).toBe(true);
    expect(isPageSnapshot(snapshot({ dataIslands: islands, markup: 'm'.repeat(SNAPSHOT_LIMITS.maxMarkupLength) }))).toBe(false);
  });

  it('counts the optional sections in the total size', () => {
    const islands = Array.from({ length: 9 }, () => ({ ...island, text: 'x'.repeat(SNAPSHOT_LIMITS.maxValueLength) }));
    expect(isPageSnapshot(snapshot({ dataIslands: islands }))).toBe(false);
    expect(isPageSnapshot(snapshot({ dataIslands: islands.slice(0, 7) }))).toBe(true);
  });
});
