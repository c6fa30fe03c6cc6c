/**
 * A credential an inspector saw in a request, whether or not it is a finding by itself: an opaque
 * bearer token in `Authorization` over HTTPS is the right way to send it (no finding), but the same
 * header over plain HTTP or in a blocked mixed-content request is. The cleartext and mixed-content
 * inspectors work from these. Holds the raw value: engine-internal, turned into findings only through
 * `inspectorFinding` (preview and hash), never returned to callers.
 */
import type { FindingDetails } from '../../shared/finding.ts';
import type { ScanOrigin } from '../types.ts';

export interface CredentialSighting {
  /** Raw value. Never leaves the inspectors. */
  value: string;
  /** What it is, for titles: `Authorization (Basic)`, `access_token parameter`, `cookie sid`. */
  label: string;
  origin: ScanOrigin;
  /** Another inspector already reported this value here: cleartext converts that finding instead. */
  reported: boolean;
  details?: FindingDetails;
}
