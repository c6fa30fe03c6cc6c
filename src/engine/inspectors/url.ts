/**
 * Tokens and keys in URLs. A credential in a URL is copied into server and proxy logs, browser
 * history, bookmarks and the `Referer` of every request the page makes, so it is high wherever it is
 * seen. Parameters are judged by name (whole normalised tokens, see parameter-names.ts) and every value
 * and path segment also goes through the engine, so a JWT or a provider key is recognised whatever
 * its parameter is called. The whole URL also goes through the rules that need one (webhook URLs
 * whose secret is the URL, keys known by their endpoint: whole-url.ts), one finding per secret.
 * Signed URLs are recognised as such (info, with their expiry) and their signature parameters are not
 * mistaken for leaked credentials.
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
import { inspectWholeUrl, matchWholeUrl, type WholeUrlFinding } from './whole-url.ts';

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

type Span = readonly [start: number, end: number];

/** A credential one part of the URL (a parameter, a path segment, the user info) reported. */
interface Reported {
  findings: Finding[];
  sighting: CredentialSighting;
  /** Where the part's raw text sits in `url.href`; only computed when a whole-URL rule matched. */
  span?: Span | undefined;
}

/**
 * Offsets in `url.href` of the path and of each query parameter's raw value, in `urlParameters` order
 * (URLSearchParams splits on `&` and skips empty pieces, so its entries and the pieces line up). Web
 * URLs serialise as `scheme://[userinfo@]host[:port]` + pathname + search + hash.
 */
function hrefLayout(url: URL, href: string): { pathStart: number; queryValues: Span[] } {
  const searchStart = href.length - url.hash.length - url.search.length;
  const queryValues: Span[] = [];
  if (url.search.length > 1) {
    let offset = searchStart + 1;
    for (const piece of url.search.slice(1).split('&')) {
      if (piece.length > 0) {
        const equals = piece.indexOf('=');
        queryValues.push(equals < 0 ? [offset + piece.length, offset + piece.length] : [offset + equals + 1, offset + piece.length]);
      }
      offset += piece.length + 1;
    }
  }
  return { pathStart: searchStart - url.pathname.length, queryValues };
}

const within = (inner: Span, outer: WholeUrlFinding) => inner[1] > inner[0] && outer.start <= inner[0] && inner[1] <= outer.end;

/** `rawUrl` is `url`'s text as seen (redacted for display); callers that already parsed it save a parse. */
export function inspectParsedUrl(url: URL, rawUrl: string, context: UrlContext): UrlInspection {
  const identityBase = context.identity ?? url.host;
  const extraLocation = context.location ?? {};
  const parameters = urlParameters(url);
  let signed = parameters.length >= 2 ? detectSignedUrl(parameters) : undefined;
  // Webhook URLs and keys known by their endpoint: rules that need the URL around the secret.
  const href = url.href;
  let whole = inspectWholeUrl(href, () => ({ source: context.source, location: { ...extraLocation }, identity: `${identityBase}\u0000url` }));
  const layout = whole.length > 0 ? hrefLayout(url, href) : undefined;
  const reported: Reported[] = [];

  const segments: Segment[] = [];
  const segmentOwner: number[] = [];
  const pathSpans: Span[] = [];
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
    let offset = layout?.pathStart ?? 0;
    for (const piece of url.pathname.split('/')) {
      const pieceStart = offset;
      offset += piece.length + 1;
      if (!isScannedPathPiece(piece)) continue;
      segments.push({
        text: oneLine(safeDecode(piece)),
        origin: { source: context.source, location: { ...extraLocation, keyPath: 'path' }, identity: `${identityBase}\u0000path` },
      });
      if (layout) pathSpans.push([pieceStart, pieceStart + piece.length]);
    }
  }
  const scanned = scanSegments(segments);

  const recognisedByParameter = new Map<number, Finding[]>();
  for (let i = 0; i < pathStart; i++) if (scanned[i]!.length > 0) recognisedByParameter.set(segmentOwner[i]!, scanned[i]!);

  parameters.forEach(({ name, value, part }, index) => {
    if (signed?.parameters.has(name.toLowerCase())) return;
    const origin = origins[index]!;
    const span = layout?.queryValues[index];
    // The engine first: a recognised provider key or JWT says more than the parameter's name.
    const recognised = recognisedByParameter.get(index);
    let kind = credentialKind(name);
    if (kind === 'oauth-code' && !isOAuthRedirect(url, parameters)) kind = undefined;
    if (recognised) {
      reported.push({ findings: recognised, sighting: { value, label: `${name} parameter`, origin, reported: true }, span });
      return;
    }
    if (!kind || !looksLikeCredentialValue(value, kind)) return;
    const finding =
      kind === 'oauth-code'
        ? inspectorFinding(OAUTH_CODE_IN_URL, value, origin)
        : inspectorFinding(context.credentialRule ?? CREDENTIAL_IN_URL, value, origin, {
            title: `${kindTitle(kind)} in a URL ${part === 'fragment' ? 'fragment' : 'parameter'} (${name})`,
            details: { parameterKind: kind, part },
          });
    reported.push({ findings: [finding], sighting: { value, label: `${name} parameter`, origin, reported: true }, span });
  });
  for (let i = pathStart; i < scanned.length; i++) {
    if (scanned[i]!.length === 0) continue;
    const sighting = { value: segments[i]!.text, label: 'URL path segment', origin: { ...segments[i]!.origin, location: { ...segments[i]!.origin.location } }, reported: true };
    reported.push({ findings: scanned[i]!, sighting, span: pathSpans[i - pathStart] });
  }

  if (url.password) {
    const origin = { source: context.source, location: { ...extraLocation, parameter: '(user info)' }, identity: `${identityBase}\u0000userinfo` };
    const password = safeDecode(url.password);
    const username = safeDecode(url.username);
    const details = username ? { username: username.slice(0, 80) } : undefined;
    const passwordStart = url.protocol.length + 2 + url.username.length + 1;
    reported.push({
      findings: [inspectorFinding(CREDENTIALS_IN_URL_USERINFO, password, origin, details ? { details } : {})],
      sighting: { value: password, label: 'password in the URL', origin, reported: true, ...(details ? { details } : {}) },
      span: layout ? [passwordStart, passwordStart + url.password.length] : undefined,
    });
  }

  let parts = reported;
  if (whole.length > 0) {
    // One finding per secret. A part that found the same rule and value already says where it is
    // (a webhook URL inside `?next=`); otherwise the whole-URL finding stands for every part inside
    // its secret: the token segment of a webhook path, a Google Chat `token`, an Azure Functions
    // `code`, a workflow trigger's `sig` (a capability, not an expiring signed URL).
    const partFindings = new Set<string>();
    for (const part of reported) for (const finding of part.findings) partFindings.add(`${finding.ruleId}\u0000${finding.secretHash}`);
    whole = whole.filter(({ finding }) => !partFindings.has(`${finding.ruleId}\u0000${finding.secretHash}`));
    parts = reported.filter((part) => !part.span || !whole.some((candidate) => within(part.span!, candidate)));
    if (signed) {
      const index = parameters.findIndex((parameter) => parameter.part === 'query' && parameter.name === signed!.signatureParameter);
      const span = index < 0 ? undefined : layout!.queryValues[index];
      if (span && whole.some((candidate) => within(span, candidate))) signed = undefined;
    }
    for (const candidate of whole) {
      // A secret that is one parameter's value is located by that parameter, as any parameter is.
      const index = layout!.queryValues.findIndex((span) => span[0] <= candidate.start && candidate.end <= span[1]);
      if (index >= 0 && parameters[index]?.part === 'query') candidate.finding.location.parameter = parameters[index].name;
    }
  }

  const findings: Finding[] = [];
  const sightings: CredentialSighting[] = [];
  // Whole-URL findings first: a webhook URL is what such a request carries, and the mixed-content
  // inspector names the first sighting.
  for (const { finding, secret } of whole) {
    findings.push(finding);
    sightings.push({ value: secret, label: finding.title, origin: { source: finding.source, location: { ...finding.location }, identity: `${identityBase}\u0000url` }, reported: true });
  }
  for (const part of parts) {
    findings.push(...part.findings);
    sightings.push(part.sighting);
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

/** A path segment that names a route (`services`, `webhooks`, `v10`), shown before a webhook's secret part. */
const WORD_PIECE = /^[A-Za-z]{2,20}\d{0,2}$/;

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
  // Whole-URL secrets (webhook URLs): their parameters, their path from the first non-word segment
  // on, or the host label that is the secret (`eo….m.pipedream.net`).
  const href = url.href;
  const whole = matchWholeUrl(href);
  const wholeRedacted = new Set<number>();
  const wholeDropped = new Set<number>();
  let hostSecret = false;
  if (whole.length > 0) {
    const layout = hrefLayout(url, href);
    const entries = query ? [...query] : [];
    for (const { start, end } of whole) {
      layout.queryValues.forEach((span, index) => {
        if (span[0] < end && start < span[1] && entries[index]) secret.add(entries[index][1]);
      });
      if (end <= layout.pathStart) {
        // In the authority: the host, or user info (whose password is redacted below anyway).
        if (end > layout.pathStart - url.host.length) hostSecret = true;
        continue;
      }
      const inSecret: number[] = [];
      let offset = layout.pathStart;
      pieces.forEach((piece, index) => {
        if (piece.length > 0 && offset < end && start < offset + piece.length) inSecret.push(index);
        offset += piece.length + 1;
      });
      let first = 0;
      while (first < inSecret.length - 1 && WORD_PIECE.test(pieces[inSecret[first]!]!)) first++;
      inSecret.forEach((index, i) => {
        if (i === first) wholeRedacted.add(index);
        else if (i > first) wholeDropped.add(index);
      });
    }
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
  const isSecretPiece = (piece: string) => piece.length >= MIN_PATH_SEGMENT_LENGTH && secret.has(safeDecode(piece));
  if (wholeRedacted.size > 0 || pieces.some(isSecretPiece)) {
    // The rest of a webhook path after its first redacted segment is one `[redacted]`, not several.
    url.pathname = pieces
      .map((piece, index) => (wholeRedacted.has(index) || isSecretPiece(piece) ? '[redacted]' : piece))
      .filter((_piece, index) => !wholeDropped.has(index) || wholeRedacted.has(index))
      .join('/');
  }
  if (url.username || url.password) {
    url.password = url.password ? 'redacted' : '';
  }
  const result = url.toString().replace(/%5Bredacted%5D/gi, '[redacted]');
  if (!hostSecret) return result;
  // A host name cannot hold `[redacted]` (brackets are IPv6): replace its first label in the text.
  const hostStart = result.indexOf(url.host, url.protocol.length + 2);
  const label = url.hostname.indexOf('.');
  return hostStart < 0 ? result : `${result.slice(0, hostStart)}[redacted]${result.slice(hostStart + (label < 0 ? url.hostname.length : label))}`;
}
