/**
 * Severity by placement: the same token is worse in some places than others (DESIGN.md "Severity").
 * A long-lived JWT or a refresh token in localStorage or a JS-readable cookie is readable by any
 * script on the origin (high); the same in sessionStorage dies with the tab (medium). A bearer token
 * in a URL ends up in logs, history and Referer headers (high). Exposure caps still apply: a test or
 * public-by-design value is never raised.
 */
import type { Finding, FindingSource } from '../shared/finding.ts';
import { moreSevere } from './severity.ts';

const PERSISTENT_PAGE_STORAGE: ReadonlySet<FindingSource> = new Set(['local-storage', 'cookie', 'indexeddb']);
const IN_TRANSIT_EXPOSURE: ReadonlySet<FindingSource> = new Set(['request-url', 'referer', 'websocket', 'cleartext']);

/** Lifetime above which a bearer token kept by the page counts as long-lived. */
export const LONG_LIVED_HOURS = 24;

export function isBearerToken(finding: Finding): boolean {
  return finding.ruleId.startsWith('jwt') || /(?:access|refresh|session|bearer|id)-token/.test(finding.ruleId);
}

function isLongLived(finding: Finding): boolean {
  const details = finding.details ?? {};
  if (details.noExpiry === true) return true;
  const lifetime = details.lifetimeHours;
  if (typeof lifetime === 'number') return lifetime > LONG_LIVED_HOURS;
  // Opaque tokens: lifetime unknown. Refresh tokens are long-lived by design.
  return /refresh/.test(finding.ruleId);
}

export function adjustForPlacement(finding: Finding): Finding {
  if (finding.exposure !== 'secret' || !isBearerToken(finding)) return finding;
  let severity = finding.severity;
  if (PERSISTENT_PAGE_STORAGE.has(finding.source) && isLongLived(finding)) severity = moreSevere(severity, 'high');
  if (IN_TRANSIT_EXPOSURE.has(finding.source)) severity = moreSevere(severity, 'high');
  return severity === finding.severity ? finding : { ...finding, severity };
}
