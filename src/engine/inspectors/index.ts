/** Every inspector rule, for the catalogue and for SARIF rule metadata. */
import type { InspectorRule } from './inspector-rule.ts';
import { CREDENTIAL_IN_URL, OAUTH_CODE_IN_URL } from './url.ts';

export const INSPECTOR_RULES: readonly InspectorRule[] = [CREDENTIAL_IN_URL, OAUTH_CODE_IN_URL];
