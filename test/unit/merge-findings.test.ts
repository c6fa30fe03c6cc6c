/** Reports over several tabs or files: one finding per fingerprint, counted, the right copy kept. */
import { describe, expect, it } from 'vitest';
import { mergeByFingerprint } from '../../src/engine/merge-findings.ts';
import { makeFinding } from '../support/mock-connector.ts';

const SAME = 'f'.repeat(32);

describe('mergeByFingerprint', () => {
  it('keeps the copy seen first, adds up counts and spans first and last seen', () => {
    const later = makeFinding({ fingerprint: SAME, tabId: 5, pageUrl: 'https://app.test/settings', count: 2, firstSeen: '2025-03-01T10:02:00.000Z', lastSeen: '2025-03-01T10:09:00.000Z' });
    const earlier = makeFinding({ fingerprint: SAME, tabId: 4, pageUrl: 'https://app.test/', count: 1, firstSeen: '2025-03-01T10:00:00.000Z', lastSeen: '2025-03-01T10:01:00.000Z' });
    const other = makeFinding();
    const merged = mergeByFingerprint([later, other, earlier]);
    expect(merged.map((f) => f.fingerprint)).toEqual([SAME, other.fingerprint]);
    expect(merged[0]).toMatchObject({ tabId: 4, pageUrl: 'https://app.test/', count: 3, firstSeen: '2025-03-01T10:00:00.000Z', lastSeen: '2025-03-01T10:09:00.000Z' });
  });

  it('prefers what the browser saw over what the page reported, whatever came first', () => {
    const fromPage = makeFinding({ fingerprint: SAME, reportedByPage: true, severity: 'critical', firstSeen: '2025-03-01T09:00:00.000Z' });
    const seen = makeFinding({ fingerprint: SAME, severity: 'high', firstSeen: '2025-03-01T10:00:00.000Z' });
    for (const order of [[fromPage, seen], [seen, fromPage]]) {
      const [merged] = mergeByFingerprint(order);
      expect(merged!.reportedByPage).toBeUndefined();
      // A page's copy cannot raise the browser's severity.
      expect(merged!.severity).toBe('high');
      expect(merged!.count).toBe(2);
      expect(merged!.firstSeen).toBe('2025-03-01T09:00:00.000Z');
    }
  });

  it('takes the worse severity between copies from the same side', () => {
    const [merged] = mergeByFingerprint([makeFinding({ fingerprint: SAME, severity: 'medium' }), makeFinding({ fingerprint: SAME, severity: 'high' })]);
    expect(merged!.severity).toBe('high');
  });

  it('counts copies without counts (CLI findings) as one each', () => {
    const { count: _omitted, firstSeen: _a, lastSeen: _b, ...bare } = makeFinding({ fingerprint: SAME });
    const [merged] = mergeByFingerprint([bare, bare, bare]);
    expect(merged!.count).toBe(3);
    expect(merged!.firstSeen).toBeUndefined();
  });
});
