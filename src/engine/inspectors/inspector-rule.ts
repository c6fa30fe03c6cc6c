/**
 * Inspectors look at structure (a URL parameter's name, a header, a cookie's flags) rather than at a
 * value's shape, so their "rules" are descriptions without patterns. They produce findings through the
 * same redaction path as the scanner: preview, hash and fingerprint, never the raw value.
 */
import type { Exposure, Finding, FindingDetails, Severity } from '../../shared/finding.ts';
import { maskSecret } from '../redact.ts';
import { defaultIdentity, makeFingerprint } from '../scanner.ts';
import { capByExposure } from '../severity.ts';
import { secretHash } from '../sha256.ts';
import type { ScanOrigin } from '../types.ts';

export interface InspectorRule {
  id: string;
  title: string;
  severity: Severity;
  exposure: Exposure;
  description: string;
  remediation: string;
}

export function inspectorFinding(
  rule: InspectorRule,
  secret: string,
  origin: ScanOrigin,
  overrides: { severity?: Severity; title?: string; details?: FindingDetails; note?: string; exposure?: Exposure } = {},
): Finding {
  const exposure = overrides.exposure ?? rule.exposure;
  const finding: Finding = {
    ruleId: rule.id,
    title: overrides.title ?? rule.title,
    severity: capByExposure(overrides.severity ?? rule.severity, exposure),
    source: origin.source,
    location: { ...origin.location },
    preview: maskSecret(secret),
    fingerprint: makeFingerprint(rule.id, origin.source, origin.identity ?? defaultIdentity(origin), secret),
    secretHash: secretHash(secret),
    exposure,
    verification: 'pattern',
    description: overrides.note ? `${rule.description} ${overrides.note}` : rule.description,
    remediation: rule.remediation,
  };
  if (overrides.details && Object.keys(overrides.details).length > 0) finding.details = overrides.details;
  return finding;
}
