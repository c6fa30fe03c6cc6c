/**
 * The MAIN-world probe talks to the isolated content script over window.postMessage. The page sees
 * and can forge these messages, so nothing here is trusted: the content script checks the envelope
 * (channel, known kind, size) and relays the payload; the background checks each kind's payload
 * shape before using it, and labels findings from it "reported by the page".
 *
 * Kinds: `globals` (config globals, probe/globals.ts) and those the network hook adds.
 */
export const PROBE_CHANNEL = 'leaklens/probe/v1';

export const PROBE_KINDS = ['globals', 'requests', 'responses'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export interface ProbeMessage {
  channel: typeof PROBE_CHANNEL;
  kind: ProbeKind;
  payload: unknown;
}

/** Upper bound for one probe message, measured on its JSON form by the relay. */
export const PROBE_MAX_BYTES = 2 * 1024 * 1024;

export function isProbeEnvelope(data: unknown): data is ProbeMessage {
  if (data === null || typeof data !== 'object') return false;
  const m = data as Record<string, unknown>;
  return m.channel === PROBE_CHANNEL && typeof m.kind === 'string' && (PROBE_KINDS as readonly string[]).includes(m.kind) && 'payload' in m;
}

/** `globals` payload: [path, serialised value] pairs. */
export const GLOBALS_LIMITS = { maxEntries: 200, maxValueLength: 256 * 1024 } as const;

export function isGlobalsPayload(payload: unknown): payload is [string, string][] {
  return (
    Array.isArray(payload) &&
    payload.length <= GLOBALS_LIMITS.maxEntries &&
    payload.every(
      (entry) =>
        Array.isArray(entry) &&
        entry.length === 2 &&
        typeof entry[0] === 'string' &&
        entry[0].length <= 200 &&
        typeof entry[1] === 'string' &&
        entry[1].length <= GLOBALS_LIMITS.maxValueLength,
    )
  );
}
