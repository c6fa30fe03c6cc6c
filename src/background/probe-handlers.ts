/**
 * MAIN-world probe reports, by kind. The MAIN world belongs to the page, which can forge anything it
 * reports: each handler validates its payload's shape and bounds, and every finding is labelled
 * `reportedByPage`. Returns undefined for a malformed payload (dropped).
 */
import type { Finding } from '../shared/finding.ts';
import { isGlobalsPayload } from '../shared/probe-protocol.ts';
import { redactUrl } from '../engine/inspectors/url.ts';
import { scanMaybeJson } from '../engine/structured.ts';
import { safeOrigin } from './page-scan.ts';
import { scanProbeRequests } from './network/probe-requests.ts';
import { scanProbeResponses } from './network/probe-responses.ts';

export interface ProbeContext {
  tabId: number;
  /** Unredacted page URL as the content script saw it. */
  pageUrl: string;
}

export type ProbeHandler = (payload: unknown, context: ProbeContext) => Finding[] | undefined;

function scanGlobals(payload: unknown, { pageUrl }: ProbeContext): Finding[] | undefined {
  if (!isGlobalsPayload(payload)) return undefined;
  const url = redactUrl(pageUrl);
  const origin = safeOrigin(pageUrl);
  return payload.flatMap(([path, value]) =>
    scanMaybeJson(value, { source: 'window-global', location: { url, keyPath: path }, identity: `${origin}\u0000${path}` }),
  );
}

export const PROBE_HANDLERS: Record<string, ProbeHandler> = {
  globals: scanGlobals,
  requests: scanProbeRequests,
  responses: scanProbeResponses,
};

export function handleProbeReport(kind: string, payload: unknown, context: ProbeContext): Finding[] | undefined {
  const handler = Object.hasOwn(PROBE_HANDLERS, kind) ? PROBE_HANDLERS[kind] : undefined;
  const findings = handler?.(payload, context);
  for (const finding of findings ?? []) finding.reportedByPage = true;
  return findings;
}
