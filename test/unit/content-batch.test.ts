/**
 * Batching a collection pass into page-snapshot messages: every message the content script builds
 * passes the background's validator, however much was collected, and empty sections stay out.
 */
import { describe, expect, it } from 'vitest';
import { SnapshotBatch } from '../../src/content/collectors/batch.ts';
import { isPageSnapshot, SNAPSHOT_LIMITS } from '../../src/shared/messages.ts';

const PAGE = 'https://app.example.test/reports';

describe('SnapshotBatch', () => {
  it('sends nothing when nothing was collected', () => {
    expect(new SnapshotBatch().messages(PAGE)).toEqual([]);
  });

  it('builds one valid message with only the sections that have content', () => {
    const batch = new SnapshotBatch();
    batch.add('localStorage', [['auth', 'value-1']]);
    batch.cookies('');
    batch.inline([{ selector: 'script#config', text: 'var a = 1' }]);
    batch.add('dom', [{ kind: 'meta', selector: 'meta[name=x]', name: 'x', value: 'content-123' }]);
    const messages = batch.messages(PAGE);
    expect(messages).toEqual([
      {
        type: 'leaklens/page-snapshot',
        pageUrl: PAGE,
        localStorage: [['auth', 'value-1']],
        sessionStorage: [],
        cookies: '',
        inlineScripts: ['var a = 1'],
        inlineScriptSelectors: ['script#config'],
        scriptUrls: [],
        dom: [{ kind: 'meta', selector: 'meta[name=x]', name: 'x', value: 'content-123' }],
      },
    ]);
    expect(isPageSnapshot(messages[0])).toBe(true);
  });

  it('splits before a message would be refused for its size or counts', () => {
    const batch = new SnapshotBatch();
    const big = 'x'.repeat(SNAPSHOT_LIMITS.maxValueLength - 10);
    batch.inline(Array.from({ length: 12 }, (_, i) => ({ selector: `inline script #${i + 1}`, text: big })));
    batch.add('scriptUrls', Array.from({ length: SNAPSHOT_LIMITS.maxScripts + 5 }, (_, i) => `https://cdn.example.test/${i}.js`));
    batch.add('indexedDb', Array.from({ length: SNAPSHOT_LIMITS.maxIndexedDbRecords + 1 }, (_, i) => ({ database: 'd', store: 's', key: String(i), value: '{"a":"bcdefgh"}' })));
    const messages = batch.messages(PAGE);
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(isPageSnapshot(message)).toBe(true);
    expect(messages.reduce((sum, m) => sum + m.inlineScripts.length, 0)).toBe(12);
    expect(messages.reduce((sum, m) => sum + m.scriptUrls.length, 0)).toBe(SNAPSHOT_LIMITS.maxScripts + 5);
    expect(messages.reduce((sum, m) => sum + (m.indexedDb?.length ?? 0), 0)).toBe(SNAPSHOT_LIMITS.maxIndexedDbRecords + 1);
  });
});
