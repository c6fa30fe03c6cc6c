/**
 * One finding per fingerprint across all inputs: the fingerprint already says "same rule, same place,
 * same value" (HAR findings use a host-level identity), so repeats only raise the count.
 */
import type { Finding } from '../shared/finding.ts';

export function mergeByFingerprint(findings: readonly Finding[]): Finding[] {
  const byFingerprint = new Map<string, Finding>();
  for (const finding of findings) {
    const kept = byFingerprint.get(finding.fingerprint);
    if (kept === undefined) byFingerprint.set(finding.fingerprint, { ...finding, count: finding.count ?? 1 });
    else kept.count = (kept.count ?? 1) + (finding.count ?? 1);
  }
  return [...byFingerprint.values()];
}
