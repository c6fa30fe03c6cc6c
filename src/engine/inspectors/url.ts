/**
 * Tokens and keys in URLs. A credential in a URL is copied into server and proxy logs, browser
 * history, bookmarks and the `Referer` of every request the page makes, so it is high wherever it is
 * seen. Parameters are judged by name (whole normalised tokens, see parameter-names.ts) and every value
 * and path segment also goes through the engine, so a JWT or a provider key is recognised whatever
 * its parameter is called. Signed URLs are recognised as such (info, with their expiry) and their
 * signature parameters are not mistaken for leaked credentials.
 */
import type { Finding, FindingLocation, FindingSource } from '../../shared/finding.ts';
import { shannonEntropy } from '../entropy.ts';
import type { CredentialSighting } from './credential-sighting.ts';
import { credentialKind, type CredentialKind } from './parameter-names.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';
import { LruMemo } from './memo.ts';
import { scanSegments, type Segment } from './segments.ts';
import { detectSignedUrl, signedUrlFinding } from './signed-urls.ts';

export const CREDENTIAL_IN_URL: InspectorRule = {
  id: 'url-credential-parameter',
  title: 'Credential in a URL parameter',
  severity: 'high',
  exposure: 'secret',
  description:
    'A credential sent as a URL parameter is written to server, proxy and CDN logs, kept in browser history, and leaks to other sites through the Referer header.',
  remediation:
    'Send tokens in the Authorization header (or an HttpOnly cookie) instead of the URL; for OAuth, use the authorization-code flow with PKCE rather than tokens in redirects. Rotate the exposed credential.',
};

export const OAUTH_CODE_IN_URL: InspectorRule = {
  id: 'url-oauth-code',
  title: 'OAuth authorization code in a URL',
  severity: 'low',
  exposure: 'secret',
  description:
    'Authorization codes travel in redirect URLs by design; they are single-use and short-lived, but can be replayed if intercepted before use and PKCE is not enforced.',
  remediation: 'Enforce PKCE and single use on the authorization server, and keep the code out of logs and third-party Referer headers (Referrer-Policy: no-referrer on the callback page).',
};

export const CREDENTIALS_IN_URL_USERINFO: InspectorRule = {
  id: 'url-embedded-credentials',
  title: 'User name and password embedded in a URL',
  severity: 'high',
  exposure: 'secret',
  description:
    'A URL of the form https://user:password@host carries the password in clear text wherever the URL goes: logs, history, error reports, and any page or script that reads it.',
  remediation: 'Remove the credentials from the URL; authenticate with a header or a session instead, and change the password.',
};

const MIN_VALUE_LENGTH = 8;
const WEAK_KEY_MIN_ENTROPY = 3.5;
/** Path segments shorter than this are words and ids, not tokens (JWTs and keys are longer). */
const MIN_PATH_SEGMENT_LENGTH = 20;

export interface UrlInspection {
  findings: Finding[];
  /** Credentials seen, reported or not (for the cleartext and mixed-content inspectors). */
  sightings: CredentialSighting[];
}

export interface UrlContext {
  source: FindingSource;
  /** Used in the fingerprint: where the URL was seen (e.g. the request's host). Default: the URL's host. */
  identity?: string;
  /** The URL shown in findings (default: this URL, redacted). A Referer finding points at the request instead. */
  displayUrl?: string | (() => string);
  /** Rule for name-based credential parameters (default CREDENTIAL_IN_URL; Referer leaks have their own). */
  credentialRule?: InspectorRule;
  /** Added to every finding's location (e.g. `header: 'referer'`). */
  location?: FindingLocation;
  /** Clock for signed-URL expiry (tests). */
  nowMs?: number;
}

type Parameter = { name: string; value: string; part: 'query' | 'fragment' };

/** Parameters of the query and of the fragment (`#access_token=…` from implicit flows). */
export function urlParameters(url: URL): Parameter[] {
  const parameters: Parameter[] = [];
  if (url.search.length > 1) for (const [name, value] of url.searchParams) parameters.push({ name, value, part: 'query' });
  if (url.hash.length > 1) {
    const hash = url.hash.replace(/^#\/?/, '');
    const fragmentQuery = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : hash;
    if (fragmentQuery.includes('=')) {
      for (const [name, value] of new URLSearchParams(fragmentQuery)) parameters.push({ name, value, part: 'fragment' });
    }
  }
  return parameters;
}

export function looksLikeCredentialValue(value: string, kind: CredentialKind): boolean {
  if (kind === 'password') return value.length >= 4 && !/^(?:true|false|null|undefined|\*+)$/i.test(value);
  if (value.length < MIN_VALUE_LENGTH) return false;
  if (/^(?:true|false|null|undefined|\d{1,12})$/i.test(value)) return false;
  if (/^(?:x{4,}|\*{4,}|\.{3,}|<[^>]{1,40}>|\{\{?[^}]{1,40}\}?\})$/i.test(value)) return false;
  if (kind === 'weak-key') return shannonEntropy(value) >= WEAK_KEY_MIN_ENTROPY && value.length >= 16;
  return true;
}

/** Names around a `code` that say "OAuth redirect" (a `code` alone may be a promo or country code). */
const OAUTH_COMPANIONS = new Set(['state', 'session_state', 'iss', 'scope', 'authuser', 'prompt', 'client_id', 'redirect_uri']);
const OAUTH_PATH = /callback|redirect|oauth|authori[sz]e|sign-?in|login|auth|sso|token/i;

function isOAuthRedirect(url: URL, parameters: readonly Parameter[]): boolean {
  return OAUTH_PATH.test(url.pathname) || parameters.some((parameter) => OAUTH_COMPANIONS.has(parameter.name.toLowerCase()));
}

/** REST ids: a UUID path segment names a resource, never a credential on its own. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isScannedPathPiece = (piece: string) => piece.length >= MIN_PATH_SEGMENT_LENGTH && !(piece.length === 36 && UUID.test(piece));

const oneLine = (value: string) => (value.includes('\n') || value.includes('\r') ? value.replace(/[\r\n]+/g, ' ') : value);

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function inspectUrl(rawUrl: string, context: UrlContext): Finding[] {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return [];
  }
  return inspectParsedUrl(url, rawUrl, context).findings;
}

/** `rawUrl` is `url`'s text as seen (redacted for display); callers that already parsed it save a parse. */
export function inspectParsedUrl(url: URL, rawUrl: string, context: UrlContext): UrlInspection {
  const identityBase = context.identity ?? url.host;
  const extraLocation = context.location ?? {};
  const parameters = urlParameters(url);
  const signed = parameters.length >= 2 ? detectSignedUrl(parameters) : undefined;
  const findings: Finding[] = [];
  const sightings: CredentialSighting[] = [];

  const segments: Segment[] = [];
  const segmentOwner: number[] = [];
  const origins = parameters.map(({ name, part }) => ({
    source: context.source,
    location: { ...extraLocation, parameter: part === 'fragment' ? `#${name}` : name },
    identity: `${identityBase}\u0000${part}\u0000${name}`,
  }));
  parameters.forEach(({ name, value }, index) => {
    if (value.length < MIN_VALUE_LENGTH || signed?.parameters.has(name.toLowerCase())) return;
    segments.push({ text: oneLine(value), origin: origins[index]! });
    segmentOwner.push(index);
  });
  const pathStart = segments.length;
  // Path segments: JWTs and provider keys in REST paths (`/reset/eyJ…`, `/hooks/<token>`).
  if (url.pathname.length > MIN_PATH_SEGMENT_LENGTH) {
    for (const piece of url.pathname.split('/')) {
      if (!isScannedPathPiece(piece)) continue;
      segments.push({
        text: oneLine(safeDecode(piece)),
        origin: { source: context.source, location: { ...extraLocation, keyPath: 'path' }, identity: `${identityBase}\u0000path` },
      });
    }
  }
  const scanned = scanSegments(segments);

  const recognisedByParameter = new Map<number, Finding[]>();
  for (let i = 0; i < pathStart; i++) if (scanned[i]!.length > 0) recognisedByParameter.set(segmentOwner[i]!, scanned[i]!);

  parameters.forEach(({ name, value, part }, index) => {
    if (signed?.parameters.has(name.toLowerCase())) return;
    const origin = origins[index]!;
    // The engine first: a recognised provider key or JWT says more than the parameter's name.
    const recognised = recognisedByParameter.get(index);
    let kind = credentialKind(name);
    if (kind === 'oauth-code' && !isOAuthRedirect(url, parameters)) kind = undefined;
    if (recognised) {
      findings.push(...recognised);
      sightings.push({ value, label: `${name} parameter`, origin, reported: true });
      return;
    }
    if (!kind || !looksLikeCredentialValue(value, kind)) return;
    if (kind === 'oauth-code') {
      findings.push(inspectorFinding(OAUTH_CODE_IN_URL, value, origin));
    } else {
      findings.push(
        inspectorFinding(context.credentialRule ?? CREDENTIAL_IN_URL, value, origin, {
          title: `${kindTitle(kind)} in a URL ${part === 'fragment' ? 'fragment' : 'parameter'} (${name})`,
          details: { parameterKind: kind, part },
        }),
      );
    }
    sightings.push({ value, label: `${name} parameter`, origin, reported: true });
  });
  for (let i = pathStart; i < scanned.length; i++) {
    if (scanned[i]!.length === 0) continue;
    findings.push(...scanned[i]!);
    sightings.push({ value: segments[i]!.text, label: 'URL path segment', origin: { ...segments[i]!.origin, location: { ...segments[i]!.origin.location } }, reported: true });
  }

  if (url.password) {
    const origin = { source: context.source, location: { ...extraLocation, parameter: '(user info)' }, identity: `${identityBase}\u0000userinfo` };
    const password = safeDecode(url.password);
    const username = safeDecode(url.username);
    const details = username ? { username: username.slice(0, 80) } : undefined;
    findings.push(inspectorFinding(CREDENTIALS_IN_URL_USERINFO, password, origin, details ? { details } : {}));
    sightings.push({ value: password, label: 'password in the URL', origin, reported: true, ...(details ? { details } : {}) });
  }

  if (findings.length === 0 && !signed) return { findings, sightings };
  const display = typeof context.displayUrl === 'function' ? context.displayUrl() : (context.displayUrl ?? redactUrl(rawUrl));
  for (const finding of findings) finding.location.url = display;
  for (const sighting of sightings) sighting.origin.location.url = display;
  if (signed) {
    const signedContext = { source: context.source, host: identityBase, displayUrl: display, ...(context.nowMs !== undefined ? { nowMs: context.nowMs } : {}) };
    const finding = signedUrlFinding(signed, signedContext);
    if (context.location) finding.location = { ...context.location, ...finding.location };
    findings.push(finding);
  }
  return { findings, sightings };
}

function kindTitle(kind: CredentialKind): string {
  switch (kind) {
    case 'password':
      return 'Password';
    case 'api-key':
    case 'weak-key':
      return 'API key';
    case 'client-secret':
      return 'Client secret';
    case 'session':
      return 'Session id';
    default:
      return 'Token';
  }
}

/** Signature parameters of signed URLs: capabilities, redacted like credentials. */
const SIGNATURE_PARAMETERS = new Set(['signature', 'sig', 'x-amz-signature', 'x-goog-signature', 'x-amz-credential', 'x-goog-credential']);

/**
 * A URL safe to store and show: values of credential-named parameters, signatures and anything the
 * engine recognises as a secret are replaced by `[redacted]`. Every URL the extension keeps (request,
 * script, page) goes through this, since URLs are where tokens hide.
 */
export function redactUrl(rawUrl: string): string {
  const known = redacted.get(rawUrl);
  if (known !== undefined) return known;
  const result = redactUncached(rawUrl);
  redacted.set(rawUrl, result);
  return result;
}

/** The same URLs (API endpoints with the same token) are redacted again and again: remember the answers. */
const redacted = new LruMemo<string>(512);

function redactUncached(rawUrl: string): string {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return rawUrl.length > 200 ? `${rawUrl.slice(0, 200)}…` : rawUrl;
  }
  const fragmentPrefix = url.hash.startsWith('#/') && url.hash.includes('?') ? url.hash.slice(0, url.hash.indexOf('?') + 1) : '#';
  const query = url.search.length > 1 ? url.searchParams : undefined;
  const fragment = url.hash.includes('=') ? new URLSearchParams(url.hash.slice(fragmentPrefix.length)) : undefined;
  const pieces = url.pathname.split('/');
  // Every value the names do not already condemn goes through the engine, in one pass.
  const candidates: string[] = [];
  const mustRedact = (name: string) => credentialKind(name) !== undefined || SIGNATURE_PARAMETERS.has(name.toLowerCase());
  for (const params of [query, fragment]) {
    if (params) for (const [name, value] of params) if (value.length >= MIN_VALUE_LENGTH && !mustRedact(name)) candidates.push(value);
  }
  for (const piece of pieces) if (isScannedPathPiece(piece)) candidates.push(safeDecode(piece));
  const secret = new Set<string>();
  if (candidates.length > 0) {
    const scanned = scanSegments(candidates.map((text) => ({ text: oneLine(text), origin: { source: 'request-url' as const, location: {} } })));
    candidates.forEach((text, index) => {
      if (scanned[index]!.length > 0) secret.add(text);
    });
  }
  const redactParams = (params: URLSearchParams): boolean => {
    let changed = false;
    for (const [name, value] of [...params]) {
      if (value && (mustRedact(name) || secret.has(value))) {
        params.set(name, '[redacted]');
        changed = true;
      }
    }
    return changed;
  };
  if (query) redactParams(query);
  if (fragment && redactParams(fragment)) url.hash = `${fragmentPrefix}${fragment.toString()}`;
  if (pieces.some((piece) => piece.length >= MIN_PATH_SEGMENT_LENGTH && secret.has(safeDecode(piece)))) {
    url.pathname = pieces.map((piece) => (piece.length >= MIN_PATH_SEGMENT_LENGTH && secret.has(safeDecode(piece)) ? '[redacted]' : piece)).join('/');
  }
  if (url.username || url.password) {
    url.password = url.password ? 'redacted' : '';
  }
  return url.toString().replace(/%5Bredacted%5D/gi, '[redacted]');
}
