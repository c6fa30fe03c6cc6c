/**
 * `responses` reports from the MAIN-world network hook: JSON and text bodies (≤ 256 KB each) of the
 * page's fetch and XHR calls, scanned like HAR responses (a config endpoint that hands the browser a
 * server-side key). The page can forge them: shapes and sizes are checked, and findings are labelled
 * "reported by the page" by the caller.
 */
import { crossSource } from './cross-source.ts';
import type { Finding } from '../../shared/finding.ts';
import { NETWORK_HOOK_LIMITS, type ProbeResponseEntry } from '../../content/probe/network-hook.ts';
import { inspectResponseBody } from '../../engine/inspectors/exchange.ts';
import type { ProbeContext } from '../probe-handlers.ts';

function isEntry(value: unknown): value is ProbeResponseEntry {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const entry = value as Record<string, unknown>;
  return (
    typeof entry.url === 'string' &&
    entry.url.length <= NETWORK_HOOK_LIMITS.maxUrlLength &&
    /^https?:\/\//i.test(entry.url) &&
    typeof entry.status === 'number' &&
    typeof entry.contentType === 'string' &&
    entry.contentType.length <= 200 &&
    typeof entry.body === 'string' &&
    entry.body.length <= NETWORK_HOOK_LIMITS.maxResponseBodyLength
  );
}

export function isResponsesPayload(payload: unknown): payload is ProbeResponseEntry[] {
  return Array.isArray(payload) && payload.length <= NETWORK_HOOK_LIMITS.maxResponsesPerMessage && payload.every(isEntry);
}

export function scanProbeResponses(payload: unknown, { tabId }: ProbeContext): Finding[] | undefined {
  if (!isResponsesPayload(payload)) return undefined;
  // Firefox also reads response bodies itself (filterResponseData): a response both read counts once.
  return crossSource.keep('page', tabId, payload.flatMap((entry) => inspectResponseBody(entry.body, entry.url))).kept;
}
