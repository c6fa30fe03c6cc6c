/**
 * The JSON report: the findings themselves (already redacted by the engine) plus a summary. It is also
 * the wire format between the extension and `leaklens browse`, hence the parser with shape checks.
 */
import { FINDING_SOURCES, SEVERITIES, type Finding, type Severity } from '../shared/finding.ts';
import { generatedAtOf, TOOL_NAME, type ReportMeta } from './meta.ts';
import { countBySeverity, sortFindings, type SeverityCounts } from './order.ts';

export interface JsonReport {
  tool: { name: typeof TOOL_NAME; version: string };
  generatedAt: string;
  target?: string[];
  summary: { total: number; bySeverity: SeverityCounts };
  /** Inputs that were not scanned, with the reason. */
  warnings?: string[];
  findings: Finding[];
}

export function toJsonReport(findings: readonly Finding[], meta: ReportMeta): JsonReport {
  const sorted = sortFindings(findings);
  const report: JsonReport = {
    tool: { name: TOOL_NAME, version: meta.version },
    generatedAt: generatedAtOf(meta),
    summary: { total: sorted.length, bySeverity: countBySeverity(sorted) },
    findings: sorted,
  };
  if (meta.target !== undefined) report.target = [...meta.target];
  if (meta.warnings !== undefined && meta.warnings.length > 0) report.warnings = [...meta.warnings];
  return report;
}

export function renderJsonReport(findings: readonly Finding[], meta: ReportMeta): string {
  return `${JSON.stringify(toJsonReport(findings, meta), null, 2)}\n`;
}

const REQUIRED_STRING_FIELDS = [
  'ruleId',
  'title',
  'preview',
  'fingerprint',
  'secretHash',
  'exposure',
  'verification',
  'description',
  'remediation',
] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkFinding(value: unknown, index: number): Finding {
  const where = `findings[${index}]`;
  if (!isRecord(value)) throw new Error(`${where} is not an object`);
  for (const field of REQUIRED_STRING_FIELDS) {
    if (typeof value[field] !== 'string') throw new Error(`${where}.${field} is not a string`);
  }
  if (!SEVERITIES.includes(value.severity as Severity)) throw new Error(`${where}.severity is not a severity`);
  if (!(FINDING_SOURCES as readonly unknown[]).includes(value.source)) {
    throw new Error(`${where}.source is not a finding source`);
  }
  if (!isRecord(value.location)) throw new Error(`${where}.location is not an object`);
  return value as unknown as Finding;
}

/**
 * Parse a JSON report (e.g. the extension's answer to `leaklens/report`). Throws with the reason when
 * the document is not one, so a caller can say what went wrong instead of rendering garbage.
 */
export function parseJsonReport(document: string): JsonReport {
  const value: unknown = JSON.parse(document);
  if (!isRecord(value) || !isRecord(value.tool) || value.tool.name !== TOOL_NAME) {
    throw new Error('not a LeakLens JSON report (tool.name is not "leaklens")');
  }
  if (!Array.isArray(value.findings)) throw new Error('not a LeakLens JSON report (no findings array)');
  const findings = value.findings.map(checkFinding);
  return { ...(value as unknown as JsonReport), findings };
}
