/**
 * What the MAIN-world probe reports, over the private channel of src/content/probe-channel.ts: one
 * report = the JSON text of `{ kind, payload }`. Page scripts cannot read or forge that channel, but
 * the page controls the world the probe runs in (it can feed it false values), so nothing here is
 * trusted. The content script checks only the text's length and relays the text as is: parsing it
 * there would be main-thread work on the page, only for `sendMessage` to serialise the result again.
 * The background parses it here, checks the kind and each kind's payload shape before using it, and
 * labels findings from it "reported by the page".
 *
 * Kinds: `globals` (config globals, probe/globals.ts) and those the network hook adds.
 */
export const PROBE_KINDS = ['globals', 'requests', 'responses'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export interface ProbeReport {
  kind: ProbeKind;
  payload: unknown;
}

/** Upper bound for one probe report's JSON text: longer reports are dropped unread (content script and background). */
export const PROBE_MAX_BYTES = 2 * 1024 * 1024;

/** A report from its JSON text, or undefined when the text is too long, not JSON or of no known kind. */
export function parseProbeReport(text: string): ProbeReport | undefined {
  if (text.length > PROBE_MAX_BYTES) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (data === null || typeof data !== 'object') return undefined;
  const report = data as Record<string, unknown>;
  if (typeof report.kind !== 'string' || !(PROBE_KINDS as readonly string[]).includes(report.kind) || !('payload' in report)) return undefined;
  return { kind: report.kind as ProbeKind, payload: report.payload };
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
