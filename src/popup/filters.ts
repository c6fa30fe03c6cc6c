/** The DevTools panel's filters, as a pure function over findings (tested without a DOM). */
import { AREA_OF_SOURCE, type Area } from '../shared/areas.ts';
import type { Finding, Severity } from '../shared/finding.ts';
import { describeWhere } from './format.ts';

export interface PanelFilters {
  severities: ReadonlySet<Severity>;
  /** undefined: every area. */
  area: Area | undefined;
  /** Case-insensitive; matches title, rule id, location, masked value. */
  text: string;
}

export function matchesFilters(finding: Finding, filters: PanelFilters): boolean {
  if (!filters.severities.has(finding.severity)) return false;
  if (filters.area !== undefined && AREA_OF_SOURCE[finding.source] !== filters.area) return false;
  const needle = filters.text.trim().toLowerCase();
  if (!needle) return true;
  return [finding.title, finding.ruleId, describeWhere(finding), finding.preview, finding.source].some((field) => field.toLowerCase().includes(needle));
}

export function filterFindings(findings: readonly Finding[], filters: PanelFilters): Finding[] {
  return findings.filter((finding) => matchesFilters(finding, filters));
}
