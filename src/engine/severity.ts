/**
 * Severity by exposure class (DESIGN.md "Severity"): what the string is caps how bad it can be.
 * Public-by-design keys and test keys never rate above low, documented examples are info, and a bare
 * identifier (an AWS key id without its secret) is at most medium.
 */
import { SEVERITIES, severityRank, type Exposure, type Severity } from '../shared/finding.ts';

const CAP_BY_EXPOSURE: Record<Exposure, Severity> = {
  secret: 'critical',
  'public-by-design': 'low',
  test: 'low',
  example: 'info',
  identifier: 'medium',
};

export function capByExposure(severity: Severity, exposure: Exposure): Severity {
  return lessSevere(severity, CAP_BY_EXPOSURE[exposure]);
}

export function lessSevere(a: Severity, b: Severity): Severity {
  return severityRank(a) >= severityRank(b) ? a : b;
}

export function moreSevere(a: Severity, b: Severity): Severity {
  return severityRank(a) <= severityRank(b) ? a : b;
}

export function isSeverity(value: unknown): value is Severity {
  return typeof value === 'string' && (SEVERITIES as readonly string[]).includes(value);
}
