/** Snyk: personal/service account access tokens (`snyk_uat.`/`snyk_sat.`) and legacy UUID API tokens. */
import { decodeBase64Text } from '../../decode.ts';
import type { Rule, ValidationResult } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Revoke the token in Snyk (Account settings → Personal access tokens / Auth token, or the service account page), and run Snyk from CI with the token in CI secrets.';

/** The second dot-separated part is base64url JSON: `e` expiry (seconds), `h` API host. */
function validateSnykPat(token: string): ValidationResult {
  const parts = token.split('.');
  const json = parts[2] ? decodeBase64Text(parts[2]) : undefined;
  if (!json) return { verdict: 'invalid' };
  try {
    const claims = JSON.parse(json) as Record<string, unknown>;
    const details: Record<string, string | boolean> = { tokenType: token.startsWith('snyk_sat') ? 'service account token' : 'personal access token' };
    if (typeof claims.h === 'string') details.host = claims.h.slice(0, 80);
    if (typeof claims.e === 'number') {
      details.expiresAt = new Date(claims.e * 1000).toISOString();
      details.expired = claims.e * 1000 < Date.now();
    }
    return { verdict: 'valid', details };
  } catch {
    return { verdict: 'invalid' };
  }
}

/** Samples only. */
function base64UrlJson(value: unknown): string {
  return btoa(JSON.stringify(value)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

export const snykAccessToken: Rule = {
  id: 'snyk-access-token',
  title: 'Snyk personal or service account access token',
  provider: 'Snyk',
  category: 'ci-cd',
  keywords: ['snyk_uat.', 'snyk_sat.'],
  pattern: /(?<![A-Za-z0-9_])snyk_[us]at\.[0-9a-f]{8}\.[A-Za-z0-9_-]{20,1000}\.[A-Za-z0-9_-]{16,400}(?![A-Za-z0-9_.-])/,
  maxLength: 1500,
  validate: validateSnykPat,
  severity: 'high',
  exposure: 'secret',
  description:
    'A Snyk access token reads the organization\'s projects and vulnerability reports (a list of your unpatched weaknesses) and can change integrations and settings within its scopes.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      (gen) => `SNYK_TOKEN=snyk_uat.${gen.hex(8)}.${base64UrlJson({ e: 1893456000, h: 'snyk.io', j: gen.alnum(22), s: gen.alnum(22) })}.${gen.base64url(43)}`,
      (gen) => `snyk auth snyk_sat.${gen.hex(8)}.${base64UrlJson({ e: 1893456000, h: 'api.eu.snyk.io', s: gen.alnum(22) })}.${gen.base64url(43)}`,
    ],
    negatives: ['snyk_uat.12345678.abcdefg-hijklmnop.qrstuvwxyz-123456', 'snyk_uat.<your_token>', 'snyk_uat.{{hex:8}}.{{base64url:60}}.{{base64url:43}}'],
  },
};

export const snykApiToken: Rule = {
  id: 'snyk-api-token',
  title: 'Snyk API token (legacy)',
  provider: 'Snyk',
  category: 'ci-cd',
  keywords: ['snyk'],
  pattern:
    /(?:SNYK|[Ss]nyk)[\w.-]{0,20}?(?:TOKEN|KEY|[Tt]oken|[Kk]ey)\w{0,10}["'`]?\s{0,4}(?:[:=]|=>|:=)\s{0,4}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A legacy Snyk API token is a UUID that acts as its user across every organization they belong to: projects, vulnerability reports and settings.',
  remediation: REMEDIATION,
  samples: {
    positives: ['SNYK_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', '{snykApiKey:"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}'],
    negatives: ['SNYK_TOKEN=00000000-0000-0000-0000-000000000000', 'snykOrgId="{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"', 'SNYK_TOKEN=${{ secrets.SNYK_TOKEN }}'],
  },
};
