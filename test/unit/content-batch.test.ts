/**
 * Batching a collection pass into page-snapshot messages: every message the content script builds
 * passes the background's validator, however much was collected, the document's markup travels
 * whole (alone when it is large), and empty sections stay out.
 */
import { describe, expect, it } from 'vitest';
import { fitSnapshot, SnapshotBatch } from '../../src/content/collectors/batch.ts';
import { isPageSnapshot, SNAPSHOT_LIMITS, type PageSnapshotMessage } from '../../src/shared/messages.ts';

const PAGE = 'https://app.example.test/reports';
const MB = 1024 * 1024;

function snapshot(extra: Partial<PageSnapshotMessage>): PageSnapshotMessage {
  return { type: 'leaklens/page-snapshot', pageUrl: PAGE, localStorage: [], sessionStorage: [], cookies: '', inlineScripts: [], scriptUrls: [], ...extra };
}

/** `count` storage entries of about `size` characters each, told apart by key and first character. */
const entries = (count: number, size: number, prefix = 'k'): [string, string][] =>
  Array.from({ length: count }, (_, i) => [`${prefix}${i}`, `${String.fromCharCode(97 + (i % 26))}${'v'.repeat(size - 1)}`]);

/** Everything a list of messages carries, in order, for comparing with what went in. */
function carried(messages: PageSnapshotMessage[]) {
  return {
    localStorage: messages.flatMap((m) => m.localStorage),
    sessionStorage: messages.flatMap((m) => m.sessionStorage),
    cookies: messages.map((m) => m.cookies).filter(Boolean),
    markup: messages.flatMap((m) => (m.markup === undefined ? [] : [m.markup])),
    skipped: messages.flatMap((m) => m.skipped ?? []),
  };
}

describe('SnapshotBatch', () => {
  it('sends nothing when nothing was collected', () => {
    const batch = new SnapshotBatch();
    batch.add('localStorage', []);
    batch.cookies('');
    batch.markup('');
    expect(batch.messages(PAGE)).toEqual([]);
  });

  it('builds one valid message with only the sections that have content', () => {
    const batch = new SnapshotBatch();
    batch.add('localStorage', [['auth', 'value-1']]);
    batch.add('skipped', []);
    batch.add('indexedDb', []);
    batch.cookies('theme=dark');
    batch.markup('<html><head></head><body></body></html>');
    const messages = batch.messages(PAGE);
    expect(messages).toEqual([
      {
        type: 'leaklens/page-snapshot',
        pageUrl: PAGE,
        localStorage: [['auth', 'value-1']],
        sessionStorage: [],
        cookies: 'theme=dark',
        inlineScripts: [],
        scriptUrls: [],
        markup: '<html><head></head><body></body></html>',
      },
    ]);
    // Optional sections with nothing in them are absent, not empty.
    for (const key of ['indexedDb', 'skipped', 'dom', 'dataIslands', 'insecureForms', 'inlineScriptSelectors']) expect(Object.hasOwn(messages[0]!, key), key).toBe(false);
    expect(isPageSnapshot(messages[0])).toBe(true);
  });

  it('carries IndexedDB records and skips when there are some', () => {
    const batch = new SnapshotBatch();
    batch.add('indexedDb', [{ database: 'd', store: 's', key: 'k', value: '{"a":"b"}' }]);
    batch.add('skipped', [{ what: 'localStorage blob', reason: 'too large' }]);
    const [message] = batch.messages(PAGE);
    expect(message!.indexedDb).toEqual([{ database: 'd', store: 's', key: 'k', value: '{"a":"b"}' }]);
    expect(message!.skipped).toEqual([{ what: 'localStorage blob', reason: 'too large' }]);
    expect(message!.markup).toBeUndefined();
    expect(isPageSnapshot(message)).toBe(true);
  });

  it('splits before a message would be refused for its size or counts', () => {
    const batch = new SnapshotBatch();
    const big = entries(12, SNAPSHOT_LIMITS.maxValueLength - 10);
    batch.add('localStorage', big);
    batch.add('sessionStorage', entries(SNAPSHOT_LIMITS.maxEntries + 5, 4, 's'));
    batch.add('scriptUrls', Array.from({ length: SNAPSHOT_LIMITS.maxScripts + 5 }, (_, i) => `https://cdn.example.test/${i}.js`));
    batch.add('indexedDb', Array.from({ length: SNAPSHOT_LIMITS.maxIndexedDbRecords + 1 }, (_, i) => ({ database: 'd', store: 's', key: String(i), value: '{"a":"bcdefgh"}' })));
    batch.add('skipped', Array.from({ length: SNAPSHOT_LIMITS.maxSkipped + 1 }, (_, i) => ({ what: `x${i}`, reason: 'too large' })));
    const messages = batch.messages(PAGE);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(isPageSnapshot(message)).toBe(true);
    expect(messages.flatMap((m) => m.localStorage)).toEqual(big);
    expect(messages.reduce((sum, m) => sum + m.sessionStorage.length, 0)).toBe(SNAPSHOT_LIMITS.maxEntries + 5);
    expect(messages.reduce((sum, m) => sum + m.scriptUrls.length, 0)).toBe(SNAPSHOT_LIMITS.maxScripts + 5);
    expect(messages.reduce((sum, m) => sum + (m.indexedDb?.length ?? 0), 0)).toBe(SNAPSHOT_LIMITS.maxIndexedDbRecords + 1);
    expect(messages.reduce((sum, m) => sum + (m.skipped?.length ?? 0), 0)).toBe(SNAPSHOT_LIMITS.maxSkipped + 1);
  });

  it('sends a large markup whole, in a message of its own when what came before would not fit with it', () => {
    const batch = new SnapshotBatch();
    const stored = entries(5, 2 * MB);
    const markup = `<html><body>${'m'.repeat(SNAPSHOT_LIMITS.maxMarkupLength - 40)}</body></html>`;
    batch.add('localStorage', stored);
    batch.markup(markup);
    const messages = batch.messages(PAGE);
    expect(messages).toHaveLength(2);
    for (const message of messages) expect(isPageSnapshot(message)).toBe(true);
    expect(messages[0]!.localStorage).toEqual(stored);
    expect(messages[0]!.markup).toBeUndefined();
    expect(messages[1]!.markup).toBe(markup);
    expect(messages[1]!.localStorage).toEqual([]);
  });

  it('starts a new message for a second cookie string or markup rather than overwriting the first', () => {
    const batch = new SnapshotBatch();
    batch.cookies('a=1');
    batch.markup('<html>one</html>');
    batch.cookies('b=2');
    batch.markup('<html>two</html>');
    const messages = batch.messages(PAGE);
    expect(carried(messages).cookies).toEqual(['a=1', 'b=2']);
    expect(carried(messages).markup).toEqual(['<html>one</html>', '<html>two</html>']);
    for (const message of messages) expect(isPageSnapshot(message)).toBe(true);
  });
});

describe('fitSnapshot', () => {
  it('returns a message that fits as it is', () => {
    const message = snapshot({ localStorage: [['auth', 'token-value']], cookies: 'a=b', markup: '<html></html>', skipped: [{ what: 'x', reason: 'y' }] });
    const fitted = fitSnapshot(message);
    expect(fitted).toHaveLength(1);
    expect(fitted[0]).toBe(message);
  });

  it('splits storage and markup that together exceed the total into valid messages, losing nothing', () => {
    const local = entries(4, 2 * MB);
    const session = entries(2, 2 * MB, 's');
    const markup = `<html>${'m'.repeat(6 * MB)}</html>`;
    const skipped = [{ what: 'DOM', reason: 'cut to the first 8388608 of 9000000 characters of markup' }];
    const message = snapshot({ localStorage: local, sessionStorage: session, cookies: 'sid=abc', markup, skipped });
    expect(isPageSnapshot(message)).toBe(false);
    const fitted = fitSnapshot(message);
    expect(fitted.length).toBeGreaterThan(1);
    for (const part of fitted) {
      expect(isPageSnapshot(part)).toBe(true);
      expect(part.pageUrl).toBe(PAGE);
    }
    expect(carried(fitted)).toEqual({ localStorage: local, sessionStorage: session, cookies: ['sid=abc'], markup: [markup], skipped });
  });

  it('carries script URLs and IndexedDB records through a split as well', () => {
    const urls = Array.from({ length: SNAPSHOT_LIMITS.maxScripts + 3 }, (_, i) => `https://cdn.example.test/${i}.js`);
    const records = [{ database: 'd', store: 's', key: '1', value: '{"a":"bcdefgh"}' }];
    const message = snapshot({ localStorage: [['auth', 'token-value']], scriptUrls: urls, indexedDb: records });
    expect(isPageSnapshot(message)).toBe(false);
    const fitted = fitSnapshot(message);
    for (const part of fitted) expect(isPageSnapshot(part)).toBe(true);
    expect(fitted.flatMap((part) => part.scriptUrls)).toEqual(urls);
    expect(fitted.flatMap((part) => part.indexedDb ?? [])).toEqual(records);
    expect(carried(fitted).localStorage).toEqual([['auth', 'token-value']]);
  });

  it('splits a message with more entries than one may hold, however small they are', () => {
    const local = entries(SNAPSHOT_LIMITS.maxEntries * 2 + 1, 3);
    const message = snapshot({ localStorage: local });
    expect(isPageSnapshot(message)).toBe(false);
    const fitted = fitSnapshot(message);
    expect(fitted).toHaveLength(3);
    for (const part of fitted) expect(isPageSnapshot(part)).toBe(true);
    expect(carried(fitted).localStorage).toEqual(local);
    // Empty sections stay out of the split messages too.
    for (const part of fitted) {
      expect(part.markup).toBeUndefined();
      expect(Object.hasOwn(part, 'skipped')).toBe(false);
      expect(part.cookies).toBe('');
    }
  });
});

describe('messages cross the same way as JSON and as structured clones', () => {
  // Chrome 148+ (manifest.json's message_serialization) and Firefox clone messages; older Chrome sends
  // JSON. A message must arrive identical either way: no undefined-valued keys, Maps or Dates.
  const asJson = (message: PageSnapshotMessage) => JSON.parse(JSON.stringify(message)) as unknown;

  it('a message that fits, and every part of a split one, arrive identical and valid both ways', () => {
    const small = snapshot({ localStorage: [['auth', 'token-value']], cookies: 'a=b', markup: '<html></html>' });
    const split = fitSnapshot(
      snapshot({
        localStorage: entries(3, 3 * MB),
        cookies: 'sid=abc',
        markup: `<html>${'m'.repeat(6 * MB)}</html>`,
        indexedDb: [{ database: 'd', store: 's', key: '1', value: '{"a":"bcdefgh"}' }],
        skipped: [{ what: 'DOM', reason: 'cut' }],
      }),
    );
    expect(split.length).toBeGreaterThan(1);
    for (const message of [...fitSnapshot(small), ...split]) {
      const cloned = structuredClone(message);
      expect(cloned).toStrictEqual(asJson(message));
      expect(isPageSnapshot(cloned)).toBe(true);
    }
  });
});
