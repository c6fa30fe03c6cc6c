/**
 * The Authorization header. Sending a token here is the right transport, so an opaque bearer token
 * over HTTPS is not a finding; what is: a JWT that is unsigned, never expires, lives longer than a day
 * or carries broad scopes; a provider secret key used as the token (the secret lives in the client);
 * an AWS request signed in the page with a long-term key (the page holds the secret access key). The
 * credentials themselves are handed to the cleartext and mixed-content inspectors as sightings, with
 * Basic credentials decoded so the user name can be shown (never the password).
 */
import type { Finding, Severity } from '../../shared/finding.ts';
import { LONG_LIVED_HOURS } from '../placement.ts';
import type { ScanOrigin } from '../types.ts';
import type { CredentialSighting } from './credential-sighting.ts';
import { isGenericFinding } from './segments.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';

export const AWS_SIGNED_IN_BROWSER: InspectorRule = {
  id: 'aws-request-signed-in-browser',
  title: 'AWS request signed in the browser with a long-term access key',
  severity: 'critical',
  exposure: 'secret',
  description:
    'A SigV4 Authorization header with an AKIA key id means the page signs AWS requests itself, so it holds the IAM user\u2019s secret access key: anyone can take it from the page and sign any request that user may make.',
  remediation:
    'Sign requests on your backend (or hand the browser presigned URLs), or give the browser short-lived credentials scoped to what it needs (Cognito identity pools, STS). Deactivate and rotate the exposed key.',
};

export interface ParsedAuthorization {
  /** Lower-case scheme, or '' for a bare credential with no scheme. */
  scheme: string;
  /** The credentials part (for Basic: still base64). */
  credentials: string;
  /** Basic only: decoded user name and password. */
  username?: string;
  password?: string;
  /** What the engine should look at (decoded Basic credentials, or the header as sent). */
  scanText: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeBasic(credentials: string): { username: string; password: string } | undefined {
  if (credentials.length > 4096 || !/^[A-Za-z0-9+/]+={0,2}$/.test(credentials)) return undefined;
  try {
    const binary = atob(credentials);
    const text = utf8.decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const colon = text.indexOf(':');
    return colon < 0 ? { username: '', password: text } : { username: text.slice(0, colon), password: text.slice(colon + 1) };
  } catch {
    return undefined;
  }
}

export function parseAuthorization(name: string, value: string): ParsedAuthorization {
  const trimmed = value.trim();
  const match = /^([A-Za-z][A-Za-z0-9_.~+-]{0,40})(?:\s+([\s\S]+))?$/.exec(trimmed);
  // A lone long value is a bare token (`Authorization: <token>`), not a scheme name.
  if (!match || (match[2] === undefined && trimmed.length > 20)) return { scheme: '', credentials: trimmed, scanText: `${name}: ${trimmed}` };
  const scheme = match[1]!.toLowerCase();
  const credentials = (match[2] ?? '').trim();
  if (scheme === 'basic') {
    const decoded = decodeBasic(credentials);
    if (decoded) return { scheme, credentials, ...decoded, scanText: `${decoded.username}:${decoded.password}` };
  }
  return { scheme, credentials, scanText: `${name}: ${trimmed}` };
}

/** Schemes whose credentials are not reusable secrets on the wire (challenge-response, signatures). */
const NON_BEARER_SCHEMES = new Set(['digest', 'negotiate', 'ntlm', 'hoba', 'mutual', 'aws4-hmac-sha256', 'goog4-rsa-sha256', 'goog4-hmac-sha256', 'vapid', 'signature']);

const BROAD_SCOPE = /^(?:\*|admin|root|all|superuser|full[_-]?access|[\w.-]+:\*|\*:[\w.-]+|[\w.-]+\.all|[\w.-]+[:.]admin|admin[:.][\w.-]+)$/i;
const BROAD_ROLE = /^(?:admin|administrator|root|superuser|owner)$/i;

function schemeLabel(parsed: ParsedAuthorization): string {
  if (!parsed.scheme) return 'Authorization';
  return `Authorization (${parsed.scheme.charAt(0).toUpperCase()}${parsed.scheme.slice(1)})`;
}

/**
 * A JWT sent as a bearer token is the intended use; it is worth a finding only when the token itself
 * is weak. Returns undefined for a well-formed, short-lived, narrowly scoped (or expired) token.
 */
export function judgeBearerJwt(finding: Finding): Finding | undefined {
  if (!finding.ruleId.startsWith('jwt') || finding.exposure !== 'secret' || finding.severity === 'critical') return finding;
  const details = finding.details ?? {};
  const problems: string[] = [];
  let severity: Severity | undefined;
  if (String(details.alg).toLowerCase() === 'none') {
    problems.push('unsigned (alg none)');
    severity = 'high';
  }
  if (details.expired === true && severity === undefined) return undefined;
  if (details.noExpiry === true) problems.push('no expiry');
  else if (typeof details.lifetimeHours === 'number' && details.lifetimeHours > LONG_LIVED_HOURS) problems.push(`${details.lifetimeHours}-hour lifetime`);
  const scopes = typeof details.scope === 'string' ? details.scope.split(/[\s,]+/) : [];
  const broad = scopes.filter((scope) => BROAD_SCOPE.test(scope));
  if (broad.length > 0 || (typeof details.role === 'string' && BROAD_ROLE.test(details.role))) {
    problems.push(`broad scope (${[...broad, ...(typeof details.role === 'string' && BROAD_ROLE.test(details.role) ? [`role ${details.role}`] : [])].join(', ').slice(0, 80)})`);
  }
  if (problems.length === 0) return undefined;
  return {
    ...finding,
    severity: severity ?? 'medium',
    title: `Bearer JWT: ${problems.join(', ')}`,
    description: `${finding.description} Sent as a bearer token, it is only as safe as its lifetime and scope: whoever captures it (logs, a compromised script, a proxy) can use it until it expires.`,
  };
}

export interface AuthorizationResult {
  findings: Finding[];
  sightings: CredentialSighting[];
}

/** `recognised`: what the engine found in `parsed.scanText`. */
export function judgeAuthorization(parsed: ParsedAuthorization, recognised: readonly Finding[], origin: ScanOrigin): AuthorizationResult {
  const findings: Finding[] = [];
  const sightings: CredentialSighting[] = [];
  if (parsed.scheme === 'aws4-hmac-sha256') {
    const keyId = /Credential=([A-Z0-9]{16,128})\//.exec(parsed.credentials)?.[1];
    // ASIA ids are temporary credentials (Cognito identity pools hand browsers those by design).
    if (keyId?.startsWith('AKIA')) findings.push(inspectorFinding(AWS_SIGNED_IN_BROWSER, keyId, origin, { details: { keyId: `${keyId.slice(0, 4)}…${keyId.slice(-4)}` } }));
    return { findings, sightings };
  }
  if (NON_BEARER_SCHEMES.has(parsed.scheme)) return { findings, sightings };
  for (const finding of recognised) {
    // "A bearer token" is what any Authorization header holds: the generic guess adds nothing here.
    if (isGenericFinding(finding)) continue;
    const judged = judgeBearerJwt(finding);
    if (judged) findings.push(judged);
  }
  const value = parsed.password ?? parsed.credentials;
  if (value.length >= 4) {
    const sighting: CredentialSighting = { value, label: schemeLabel(parsed), origin, reported: findings.length > 0 };
    if (parsed.scheme) sighting.details = { scheme: parsed.scheme.charAt(0).toUpperCase() + parsed.scheme.slice(1) };
    if (parsed.username) sighting.details = { ...sighting.details, username: parsed.username.slice(0, 80) };
    sightings.push(sighting);
  }
  return { findings, sightings };
}
