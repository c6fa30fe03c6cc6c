/**
 * One deterministic order for every report: severity (critical first), then where, then rule id.
 * Strings are compared by code unit, not `localeCompare`, so the order does not depend on the
 * machine's locale.
 */
import { SEVERITIES, severityRank, type Finding, type FindingLocation, type Severity } from '../shared/finding.ts';

function compareStrings(a: string | undefined, b: string | undefined): number {
  const left = a ?? '';
  const right = b ?? '';
  return left < right ? -1 : left > right ? 1 : 0;
}

/** Missing positions sort after present ones: a finding with a line is the more precise one. */
function compareNumbers(a: number | undefined, b: number | undefined): number {
  return (a ?? Number.MAX_SAFE_INTEGER) - (b ?? Number.MAX_SAFE_INTEGER);
}

/** Ordered by the place a reader sees first: the original file for source-mapped findings. */
export function compareLocations(a: FindingLocation, b: FindingLocation): number {
  return (
    compareStrings(a.originalFile ?? a.file ?? a.url, b.originalFile ?? b.file ?? b.url) ||
    compareNumbers(a.originalLine ?? a.line, b.originalLine ?? b.line) ||
    compareNumbers(a.originalColumn ?? a.column, b.originalColumn ?? b.column) ||
    compareStrings(a.file, b.file) ||
    compareStrings(a.url, b.url) ||
    compareNumbers(a.line, b.line) ||
    compareNumbers(a.column, b.column) ||
    compareStrings(a.keyPath, b.keyPath) ||
    compareStrings(a.jsonPath, b.jsonPath) ||
    compareStrings(a.header, b.header) ||
    compareStrings(a.parameter, b.parameter)
  );
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(a.severity) - severityRank(b.severity) ||
    compareLocations(a.location, b.location) ||
    compareStrings(a.ruleId, b.ruleId) ||
    // Last resort so that two findings equal on everything shown still have a fixed order.
    compareStrings(a.source, b.source) ||
    compareStrings(a.fingerprint, b.fingerprint)
  );
}

/** A sorted copy; the input is left alone (it may be a store's state). */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, 0])) as SeverityCounts;
  for (const finding of findings) counts[finding.severity] += 1;
  return counts;
}

/** "3 findings (1 critical, 2 low)" — zero counts left out; "No findings" when empty. */
export function summaryLine(findings: readonly Finding[]): string {
  if (findings.length === 0) return 'No findings';
  const counts = countBySeverity(findings);
  const parts = SEVERITIES.filter((severity) => counts[severity] > 0).map(
    (severity) => `${counts[severity]} ${severity}`,
  );
  const noun = findings.length === 1 ? 'finding' : 'findings';
  return `${findings.length} ${noun} (${parts.join(', ')})`;
}
