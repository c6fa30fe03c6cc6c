/**
 * One finding per fingerprint, for a report that spans several inputs: the CLI's files, or the
 * extension's tabs when a report covers all of them. The fingerprint already says "same rule, same
 * place, same value" (storage by origin and key, a script by its URL path, HAR findings by host), so a
 * token in localStorage that three tabs of one app each saw is one exposure, counted three times.
 *
 * The copy kept is the one seen first (its tab, page and location), except that a copy the browser saw
 * itself beats one the page's MAIN world reported, as in the findings store. Counts add up, first and
 * last seen span all copies, and the worse severity of copies from the same side wins.
 */
import type { Finding } from '../shared/finding.ts';
import { moreSevere } from './severity.ts';

const fromPage = (finding: Finding): boolean => finding.reportedByPage === true;

function seenEarlier(a: Finding, b: Finding): boolean {
  return a.firstSeen !== undefined && b.firstSeen !== undefined && a.firstSeen < b.firstSeen;
}

function merge(kept: Finding, other: Finding): Finding {
  const sameSide = fromPage(kept) === fromPage(other);
  // The browser's own copy beats the page's; between copies from the same side, the one seen first.
  const base = sameSide ? (seenEarlier(other, kept) ? other : kept) : fromPage(kept) ? other : kept;
  const merged: Finding = { ...base, count: (kept.count ?? 1) + (other.count ?? 1) };
  if (sameSide) merged.severity = moreSevere(kept.severity, other.severity);
  const times = (pick: (finding: Finding) => string | undefined) => [pick(kept), pick(other)].filter((time): time is string => time !== undefined).sort();
  const firstSeen = times((finding) => finding.firstSeen)[0];
  const lastSeen = times((finding) => finding.lastSeen).at(-1);
  if (firstSeen !== undefined) merged.firstSeen = firstSeen;
  if (lastSeen !== undefined) merged.lastSeen = lastSeen;
  return merged;
}

/** In the order each fingerprint first appears. */
export function mergeByFingerprint(findings: readonly Finding[]): Finding[] {
  const byFingerprint = new Map<string, Finding>();
  for (const finding of findings) {
    const kept = byFingerprint.get(finding.fingerprint);
    byFingerprint.set(finding.fingerprint, kept === undefined ? { ...finding, count: finding.count ?? 1 } : merge(kept, finding));
  }
  return [...byFingerprint.values()];
}
