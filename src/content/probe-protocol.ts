/**
 * The MAIN-world probe talks to the isolated content script over window.postMessage. The page sees
 * and can forge these messages, so the content script treats them as untrusted data: shape- and
 * size-checked, and findings from them are labelled "reported by the page".
 */
export const PROBE_CHANNEL = 'leaklens/probe/v1';

export interface ProbeMessage {
  channel: typeof PROBE_CHANNEL;
  kind: 'globals';
  entries: [string, string][];
}

export const PROBE_LIMITS = { maxEntries: 200, maxValueLength: 256 * 1024 } as const;

export function isProbeMessage(data: unknown): data is ProbeMessage {
  if (data === null || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  return (
    m.channel === PROBE_CHANNEL &&
    m.kind === 'globals' &&
    Array.isArray(m.entries) &&
    m.entries.length <= PROBE_LIMITS.maxEntries &&
    m.entries.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        entry[0].length <= 200 &&
        typeof entry[1] === 'string' &&
        entry[1].length <= PROBE_LIMITS.maxValueLength,
    )
  );
}
