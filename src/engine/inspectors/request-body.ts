/**
 * Request bodies: form-urlencoded and multipart fields, JSON (walked, each value at its JSON path) and
 * plain text, size-bounded. What matters most here is what the browser should never hold: an OAuth
 * `client_secret` sent with a `grant_type` means the client secret ships to every user (critical); the
 * password grant hands the user's password to the app (medium); provider secret keys and private keys
 * are recognised by the engine. Passwords in a sign-in body are expected over HTTPS (low, so reviewers
 * see where passwords flow) and high over plain HTTP (cleartext.ts raises them).
 */
import type { Finding, FindingLocation } from '../../shared/finding.ts';
import type { CredentialSighting } from './credential-sighting.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';
import { credentialKind, normalizedName, type CredentialKind } from './parameter-names.ts';
import type { RequestContext } from './request-context.ts';
import { isGenericFinding, scanSegments, type Segment } from './segments.ts';
import { looksLikeCredentialValue } from './url.ts';

export const CLIENT_SECRET_IN_BROWSER: InspectorRule = {
  id: 'oauth-client-secret-in-browser',
  title: 'Client secret used from the browser',
  severity: 'critical',
  exposure: 'secret',
  description:
    'The page sends the OAuth client secret itself, so the secret ships to every user: anyone can copy it and impersonate the application to the authorization server (mint tokens, bypass consent screens meant for confidential clients).',
  remediation:
    'Do the token exchange on your backend, or register the browser app as a public client and use the authorization-code flow with PKCE (no client secret). Rotate the client secret.',
};

export const PASSWORD_GRANT: InspectorRule = {
  id: 'oauth-password-grant',
  title: 'OAuth password grant from the browser',
  severity: 'medium',
  exposure: 'secret',
  description:
    'The resource-owner password grant sends the user\u2019s password through the app to the token endpoint: the app handles raw passwords, and the flow bypasses MFA and consent. OAuth 2.1 removes it.',
  remediation: 'Use the authorization-code flow with PKCE: send the user to the authorization server\u2019s sign-in page instead of collecting the password in the app.',
};

export const BODY_PASSWORD: InspectorRule = {
  id: 'request-body-password',
  title: 'Password sent in a request body',
  severity: 'low',
  exposure: 'secret',
  description:
    'A sign-in over HTTPS is expected; this is listed so reviewers see where passwords flow. Over plain HTTP the same request is a high-severity exposure.',
  remediation: 'Make sure the endpoint is HTTPS-only, never logs request bodies, and is rate-limited.',
};

export type RequestBody =
  /** Decoded name/value pairs: webRequest's `formData` (urlencoded or multipart), HAR `params`. */
  | { kind: 'form'; fields: readonly (readonly [string, string])[] }
  /** Raw bytes decoded as UTF-8 (webRequest `raw`, HAR `text`, the page hook). */
  | { kind: 'text'; text: string; contentType?: string };

/** Bodies beyond this are scanned up to it (login and token requests are tiny; uploads are not credentials). */
export const MAX_BODY_CHARS = 256 * 1024;
const MAX_FIELDS = 2000;
const MAX_DEPTH = 12;
const MIN_SCANNED_VALUE = 8;

interface Field {
  name: string;
  value: string;
  location: FindingLocation;
  /** Field sits at the top level of the body (where OAuth parameters live). */
  topLevel: boolean;
}

function fieldsFromForm(pairs: Iterable<readonly [string, string]>): Field[] {
  const fields: Field[] = [];
  for (const [name, value] of pairs) {
    if (fields.length >= MAX_FIELDS) break;
    if (typeof name !== 'string' || typeof value !== 'string') continue;
    fields.push({ name, value, location: { parameter: name.slice(0, 200) }, topLevel: true });
  }
  return fields;
}

function jsonPathSegment(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key.slice(0, 100))}]`;
}

function fieldsFromJson(value: unknown): Field[] {
  const fields: Field[] = [];
  const visit = (node: unknown, path: string, name: string, depth: number) => {
    if (fields.length >= MAX_FIELDS) return;
    if (typeof node === 'string') {
      fields.push({ name, value: node, location: { jsonPath: path }, topLevel: depth === 1 });
      return;
    }
    if (typeof node === 'number' && (name === 'password' || name === 'pin')) {
      fields.push({ name, value: String(node), location: { jsonPath: path }, topLevel: depth === 1 });
      return;
    }
    if (node === null || typeof node !== 'object' || depth >= MAX_DEPTH) return;
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length && fields.length < MAX_FIELDS; i++) visit(node[i], `${path}[${i}]`, name, depth + 1);
      return;
    }
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (fields.length >= MAX_FIELDS) return;
      visit(child, `${path}${jsonPathSegment(key)}`, key, depth + 1);
    }
  };
  visit(value, '$', '', 0);
  return fields;
}

/** Text parts of a multipart body (file parts are uploads, not credentials). */
function fieldsFromMultipart(text: string, contentType: string): Field[] {
  const boundary = /boundary="?([^";]{1,200})"?/i.exec(contentType)?.[1] ?? /^--([^\r\n]{1,200})\r?\n/.exec(text)?.[1];
  if (!boundary) return [];
  const pairs: [string, string][] = [];
  for (const part of text.split(`--${boundary}`).slice(1, MAX_FIELDS)) {
    const headerEnd = part.search(/\r?\n\r?\n/);
    if (headerEnd < 0) continue;
    const headers = part.slice(0, headerEnd);
    if (/filename\*?=/i.test(headers)) continue;
    const name = /name="([^"]{0,200})"/i.exec(headers)?.[1];
    if (name === undefined) continue;
    const body = part.slice(headerEnd).replace(/^\r?\n\r?\n/, '').replace(/\r?\n$/, '');
    pairs.push([name, body]);
  }
  return fieldsFromForm(pairs);
}

const FORM_BODY = /^[\w.~%[\]-]{1,200}=[^&\s]*(?:&[\w.~%[\]-]{1,200}=[^&\s]*)*$/;

interface ParsedBody {
  fields: Field[];
  /** Text scanned as a whole when it is not structured. */
  text?: string;
  truncated: boolean;
}

function parseBody(body: RequestBody, contentType: string): ParsedBody {
  if (body.kind === 'form') return { fields: fieldsFromForm(body.fields), truncated: false };
  const truncated = body.text.length > MAX_BODY_CHARS;
  const text = truncated ? body.text.slice(0, MAX_BODY_CHARS) : body.text;
  const type = contentType.toLowerCase();
  // The boundary is case-sensitive: read it from the header as sent.
  if (type.includes('multipart/form-data')) return { fields: fieldsFromMultipart(text, contentType), truncated };
  const trimmed = text.trimStart();
  if (!truncated && (type.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('['))) {
    try {
      return { fields: fieldsFromJson(JSON.parse(text)), truncated };
    } catch {
      // Not JSON after all: scanned as text below.
    }
  }
  if (type.includes('x-www-form-urlencoded') || (type === '' && FORM_BODY.test(text.trim()))) {
    return { fields: fieldsFromForm(new URLSearchParams(text)), truncated };
  }
  return { fields: [], text, truncated };
}

/** OAuth token-request parameters: a client secret next to any of them is an OAuth client secret. */
const OAUTH_FIELDS = new Set(['grant_type', 'client_id', 'code', 'code_verifier', 'redirect_uri', 'refresh_token', 'client_assertion_type']);
const WIRE_KINDS: ReadonlySet<CredentialKind> = new Set(['token', 'session', 'api-key', 'client-secret', 'password']);

export interface BodyInspection {
  findings: Finding[];
  sightings: CredentialSighting[];
}

export function inspectRequestBody(body: RequestBody, context: RequestContext, contentType = ''): BodyInspection {
  const parsed = parseBody(body, body.kind === 'text' ? (body.contentType ?? contentType) : contentType);
  const findings: Finding[] = [];
  const sightings: CredentialSighting[] = [];
  const identityBase = `${context.endpoint}\u0000request-body`;

  if (parsed.text !== undefined) {
    const [recognised = []] = scanSegments([{ text: parsed.text, origin: { source: 'request-body', location: {}, identity: identityBase } }]);
    for (const finding of recognised) {
      if (parsed.truncated) finding.details = { ...finding.details, bodyTruncatedAt: MAX_BODY_CHARS };
      findings.push(finding);
    }
    return { findings, sightings };
  }

  const fields = parsed.fields;
  const topLevel = new Map<string, string>();
  for (const field of fields) if (field.topLevel) topLevel.set(normalizedName(field.name), field.value);
  const grantType = topLevel.get('grant_type');
  const oauthContext = grantType !== undefined || [...OAUTH_FIELDS].some((name) => topLevel.has(name));

  const segments: Segment[] = [];
  const segmentOf = new Map<number, number>();
  const origins = fields.map((field) => ({
    source: 'request-body' as const,
    location: field.location,
    identity: `${identityBase}\u0000${field.location.parameter ?? field.location.jsonPath ?? ''}`,
  }));
  fields.forEach((field, index) => {
    if (field.value.length < MIN_SCANNED_VALUE) return;
    segmentOf.set(index, segments.length);
    // Name and value together, so assignment rules (`client_secret`, `password`) see the name.
    segments.push({ text: `${JSON.stringify(field.name)}: ${JSON.stringify(field.value)}`, origin: origins[index]! });
  });
  const scanned = scanSegments(segments);

  fields.forEach((field, index) => {
    const origin = origins[index]!;
    const segment = segmentOf.get(index);
    const recognised = segment === undefined ? [] : scanned[segment]!;
    const normalized = normalizedName(field.name);
    const kind = credentialKind(field.name);
    const specific = recognised.filter((finding) => !isGenericFinding(finding));
    let own: Finding | undefined;
    if (normalized === 'client_assertion' && oauthContext && field.value.length >= 20) {
      own = inspectorFinding(CLIENT_SECRET_IN_BROWSER, field.value, origin, {
        title: 'Client assertion signed in the browser (the client\u2019s private key is in the page)',
        details: { grantType: grantType ?? 'not set' },
      });
    } else if (kind === 'client-secret' && looksLikeCredentialValue(field.value, kind) && specific.length === 0) {
      own = oauthContext
        ? inspectorFinding(CLIENT_SECRET_IN_BROWSER, field.value, origin, {
            title: `OAuth client secret used from the browser (${field.name}${grantType ? `, grant_type ${grantType.slice(0, 40)}` : ''})`,
            details: { grantType: grantType ?? 'not set' },
          })
        : inspectorFinding(CLIENT_SECRET_IN_BROWSER, field.value, origin, {
            severity: 'high',
            title: `Client secret sent from the browser (${field.name})`,
            note: 'No OAuth parameters came with it, so what it unlocks is not known here: check which service accepts it.',
          });
    } else if (kind === 'password' && looksLikeCredentialValue(field.value, kind) && specific.length === 0) {
      own =
        grantType === 'password'
          ? inspectorFinding(PASSWORD_GRANT, field.value, origin, { details: { grantType } })
          : inspectorFinding(BODY_PASSWORD, field.value, origin, { title: `Password sent in a request body (${field.name})` });
    }
    // A field whose name says what it is is judged by that (a refresh_token posted to a token endpoint
    // over HTTPS is the protocol working), not by the engine's generic guess about the same value.
    const kept = own ? [...specific, own] : kind !== undefined ? specific : recognised;
    findings.push(...kept);
    if (parsed.truncated) for (const finding of kept) finding.details = { ...finding.details, bodyTruncatedAt: MAX_BODY_CHARS };
    if (kept.length > 0 || (kind !== undefined && WIRE_KINDS.has(kind) && looksLikeCredentialValue(field.value, kind))) {
      sightings.push({ value: field.value, label: `${field.name.slice(0, 60)} field in the body`, origin, reported: kept.length > 0 });
    }
  });
  return { findings, sightings };
}
