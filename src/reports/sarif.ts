/**
 * SARIF 2.1.0 for code-scanning UIs and CI gates (DESIGN.md "Reports"). One run, a rules entry per rule
 * that has findings, one result per finding. Nothing here sees a raw secret: messages carry the
 * masked preview, fingerprints carry hashes.
 */
import type { Finding, FindingLocation, Severity } from '../shared/finding.ts';
import { artifactUri } from './artifact-uri.ts';
import { generatedAtOf, TOOL_INFORMATION_URI, TOOL_NAME, type ReportMeta } from './meta.ts';
import { sortFindings } from './order.ts';
import type {
  SarifLevel,
  SarifLocation,
  SarifLog,
  SarifLogicalLocation,
  SarifPhysicalLocation,
  SarifReportingDescriptor,
  SarifResult,
} from './sarif-types.ts';
import { describeWhere } from './where.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function sarifLevel(severity: Severity): SarifLevel {
  switch (severity) {
    case 'critical':
    case 'high':
      return 'error';
    case 'medium':
      return 'warning';
    case 'low':
    case 'info':
      return 'note';
  }
}

/** GitHub code scanning ranks security results by this score (>= 9 critical, >= 7 high, >= 4 medium). */
const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.0',
};

/** `stripe-secret-key` → `StripeSecretKey`: SARIF's `name` is meant to be an identifier-like label. */
function ruleName(ruleId: string): string {
  return ruleId
    .split(/[^a-z0-9]+/i)
    .filter((part) => part.length > 0)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Sorted findings put each rule's most severe finding first; that one describes the rule. */
function ruleDescriptors(sorted: readonly Finding[]): SarifReportingDescriptor[] {
  const firstByRule = new Map<string, Finding>();
  for (const finding of sorted) if (!firstByRule.has(finding.ruleId)) firstByRule.set(finding.ruleId, finding);
  const ruleIds = [...firstByRule.keys()].sort();
  return ruleIds.map((ruleId) => {
    const finding = firstByRule.get(ruleId)!;
    return {
      id: ruleId,
      name: ruleName(ruleId),
      shortDescription: { text: finding.title },
      fullDescription: { text: finding.description },
      help: {
        text: finding.remediation,
        markdown: `**Why it matters:** ${finding.description}\n\n**How to fix:** ${finding.remediation}`,
      },
      defaultConfiguration: { level: sarifLevel(finding.severity) },
      properties: {
        tags: ['security', 'secrets', finding.exposure],
        'security-severity': SECURITY_SEVERITY[finding.severity],
      },
    };
  });
}

function physical(uri: string, line?: number, column?: number): SarifPhysicalLocation {
  const location: SarifPhysicalLocation = { artifactLocation: { uri: artifactUri(uri) } };
  if (line !== undefined) location.region = column === undefined ? { startLine: line } : { startLine: line, startColumn: column };
  return location;
}

function logicalLocations(finding: Finding): SarifLogicalLocation[] {
  const { keyPath, jsonPath, header, parameter } = finding.location;
  const logical: SarifLogicalLocation[] = [];
  if (keyPath !== undefined) {
    const kind = finding.source === 'window-global' ? 'variable' : finding.source === 'dom' ? 'element' : 'property';
    logical.push({ name: keyPath, kind });
  }
  if (jsonPath !== undefined) logical.push({ name: jsonPath, kind: 'property' });
  if (header !== undefined) logical.push({ name: header, kind: 'header' });
  if (parameter !== undefined) logical.push({ name: parameter, kind: 'parameter' });
  return logical;
}

/**
 * Where the result points. A source-mapped finding points at the original file (what gets fixed) and
 * keeps the shipped file as a related location.
 */
function resultLocations(finding: Finding): Pick<SarifResult, 'locations' | 'relatedLocations'> {
  const loc: FindingLocation = finding.location;
  const shippedPlace = loc.file ?? loc.url ?? finding.pageUrl;
  const logical = logicalLocations(finding);
  const withLogical = (location: SarifLocation): SarifLocation =>
    logical.length > 0 ? { ...location, logicalLocations: logical } : location;

  if (loc.originalFile !== undefined) {
    const primary = withLogical({
      physicalLocation: physical(loc.originalFile, loc.originalLine ?? loc.line, loc.originalColumn ?? loc.column),
    });
    if (shippedPlace === undefined) return { locations: [primary] };
    // In a source map the line/column are positions in the original source, not in the map file.
    const shipped =
      finding.source === 'source-map' ? physical(shippedPlace) : physical(shippedPlace, loc.line, loc.column);
    return {
      locations: [primary],
      relatedLocations: [{ id: 1, physicalLocation: shipped, message: { text: 'shipped file' } }],
    };
  }

  if (shippedPlace === undefined) return logical.length > 0 ? { locations: [{ logicalLocations: logical }] } : {};
  return { locations: [withLogical({ physicalLocation: physical(shippedPlace, loc.line, loc.column) })] };
}

function resultProperties(finding: Finding): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    severity: finding.severity,
    source: finding.source,
    exposure: finding.exposure,
    verification: finding.verification,
    preview: finding.preview,
    count: finding.count ?? 1,
  };
  if (finding.details !== undefined) properties.details = finding.details;
  if (finding.firstSeen !== undefined) properties.firstSeen = finding.firstSeen;
  if (finding.lastSeen !== undefined) properties.lastSeen = finding.lastSeen;
  if (finding.pageUrl !== undefined) properties.pageUrl = finding.pageUrl;
  if (finding.reportedByPage === true) properties.reportedByPage = true;
  return properties;
}

function toResult(finding: Finding, ruleIndex: number): SarifResult {
  return {
    ruleId: finding.ruleId,
    ruleIndex,
    level: sarifLevel(finding.severity),
    message: { text: `${finding.title} in ${describeWhere(finding)}: ${finding.preview}` },
    ...resultLocations(finding),
    partialFingerprints: {
      'secretHash/v1': finding.secretHash,
      'leaklensFingerprint/v1': finding.fingerprint,
    },
    properties: resultProperties(finding),
  };
}

export function toSarif(findings: readonly Finding[], meta: ReportMeta): SarifLog {
  const sorted = sortFindings(findings);
  const rules = ruleDescriptors(sorted);
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const warnings = meta.warnings ?? [];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            informationUri: TOOL_INFORMATION_URI,
            version: meta.version,
            semanticVersion: meta.version,
            rules,
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            endTimeUtc: generatedAtOf(meta),
            ...(warnings.length > 0
              ? { toolExecutionNotifications: warnings.map((text) => ({ level: 'warning' as const, message: { text } })) }
              : {}),
          },
        ],
        columnKind: 'utf16CodeUnits',
        ...(meta.target !== undefined ? { properties: { target: [...meta.target] } } : {}),
        results: sorted.map((finding) => toResult(finding, ruleIndex.get(finding.ruleId)!)),
      },
    ],
  };
}

export function renderSarif(findings: readonly Finding[], meta: ReportMeta): string {
  return `${JSON.stringify(toSarif(findings, meta), null, 2)}\n`;
}
