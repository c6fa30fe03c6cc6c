/**
 * The request inspectors' single entry: a description of one request (or response) in, redacted
 * findings out. Live traffic (webRequest), the page-side hook and recorded traffic (HAR) all describe
 * what they saw in these terms and get the same judgement. Pure: no browser API.
 *
 * Order matters: URL, headers and body inspectors report what is wrong wherever the request goes and
 * note every credential they see; then the transport inspectors decide what plain HTTP (cleartext) or
 * an HTTPS page calling http:// (mixed content) makes of those credentials.
 */
import type { Finding } from '../../shared/finding.ts';
import { applyCleartext } from './cleartext.ts';
import { inspectSetCookie } from './cookies.ts';
import type { CredentialSighting } from './credential-sighting.ts';
import { inspectRequestHeaders, type HeaderEntry } from './headers.ts';
import { inspectMixedContent } from './mixed-content.ts';
import { inspectReferrerPolicy } from './referer.ts';
import { inspectRequestBody, type RequestBody } from './request-body.ts';
import { RequestContext, type NetworkInspectionOptions } from './request-context.ts';
import { isCleartext, isPlainScheme, isSecureScheme, parseUrl } from './transport.ts';
import { inspectParsedUrl, redactUrl } from './url.ts';
import { isBearerToken } from '../placement.ts';
import { scanMaybeJson } from '../structured.ts';

export type { HeaderEntry } from './headers.ts';
export type { RequestBody } from './request-body.ts';
export type { NetworkInspectionOptions } from './request-context.ts';

export interface RequestDescription {
  url: string;
  method?: string;
  /** webRequest resource type (`main_frame`, `xmlhttprequest`, `websocket`, `image`…) or the page API / element. */
  type?: string;
  /** The document that made the request: its URL or origin (Chrome's `initiator` is an origin). */
  documentUrl?: string;
  headers?: readonly HeaderEntry[];
  body?: RequestBody;
  /** Only attempted by the page (hook, DOM): the browser may have blocked or upgraded it. Default: sent. */
  attempted?: boolean;
  /** The URL was already inspected from another vantage point (only headers are new here). */
  skipUrl?: boolean;
  /** A password field goes with it (a form posting to http:// from an HTTPS page). */
  passwordField?: boolean;
}

export interface ResponseDescription {
  url: string;
  type?: string;
  /** The document that made the request (URL or origin); for a page load, the response is the document. */
  documentUrl?: string;
  headers: readonly HeaderEntry[];
}

const WEB_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
const DOCUMENT_TYPES = new Set(['main_frame', 'sub_frame']);

function contentTypeOf(headers: readonly HeaderEntry[] | undefined): string {
  const header = headers?.find((entry) => entry.name.toLowerCase() === 'content-type');
  return header?.value ?? '';
}

export function inspectRequest(request: RequestDescription, options: NetworkInspectionOptions = {}): Finding[] {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return [];
  }
  if (!WEB_SCHEMES.has(url.protocol)) return [];
  const context = new RequestContext(url, request.url, request.documentUrl, options);
  const documentScheme = context.documentScheme;
  const mixedCandidate = request.type !== 'main_frame' && isPlainScheme(url.protocol) && documentScheme !== undefined && isSecureScheme(documentScheme);
  // Mixed content the page only attempted was blocked or upgraded to https: nothing went out in clear.
  const cleartext = isCleartext(url, options) && !(mixedCandidate && request.attempted === true);

  const findings: Finding[] = [];
  const sightings: CredentialSighting[] = [];
  if (!request.skipUrl) {
    const source = request.type === 'websocket' || url.protocol === 'ws:' || url.protocol === 'wss:' ? 'websocket' : 'request-url';
    const inspected = inspectParsedUrl(url, request.url, { source, identity: url.host, displayUrl: context.displayUrl, nowMs: context.nowMs });
    findings.push(...inspected.findings);
    sightings.push(...inspected.sightings);
  }
  if (request.headers && request.headers.length > 0) {
    const inspected = inspectRequestHeaders(request.headers, context, { cookies: cleartext || mixedCandidate, referer: true });
    findings.push(...inspected.findings);
    sightings.push(...inspected.sightings);
  }
  if (request.body) {
    const inspected = inspectRequestBody(request.body, context, contentTypeOf(request.headers));
    findings.push(...inspected.findings);
    sightings.push(...inspected.sightings);
  }

  const result = cleartext ? applyCleartext(findings, sightings, url.protocol) : findings;
  if (mixedCandidate) {
    const input = { kind: request.type ?? 'request', attempted: request.attempted === true, ...(request.passwordField ? { passwordField: true } : {}) };
    result.push(...inspectMixedContent(input, context, findings, sightings));
  }
  for (const finding of result) finding.location.url ??= context.displayUrl();
  return result;
}

/** Response headers: Set-Cookie flags, and for a page load its Referrer-Policy against its own URL. */
export function inspectResponse(response: ResponseDescription, options: NetworkInspectionOptions = {}): Finding[] {
  let url: URL;
  try {
    url = new URL(response.url);
  } catch {
    return [];
  }
  if (!WEB_SCHEMES.has(url.protocol)) return [];
  const context = new RequestContext(url, response.url, response.documentUrl, options);
  const isDocument = response.type !== undefined && DOCUMENT_TYPES.has(response.type);
  const findings: Finding[] = [];
  for (const header of response.headers) {
    if (typeof header.name !== 'string' || typeof header.value !== 'string') continue;
    const name = header.name.toLowerCase();
    if (name === 'set-cookie') {
      const cookieContext = { responseUrl: url, displayUrl: context.displayUrl, pageUrl: isDocument ? url : context.documentUrl, cleartext: isCleartext(url, options), nowMs: context.nowMs };
      // Firefox joins several Set-Cookie headers with newlines.
      for (const line of header.value.split('\n').slice(0, 50)) findings.push(...inspectSetCookie(line, cookieContext));
    } else if (name === 'referrer-policy' && response.type === 'main_frame') {
      findings.push(...inspectReferrerPolicy(response.url, header.value, 'header', context.nowMs));
    }
  }
  return findings;
}

/**
 * What the page itself knows about its URL and that no request shows: tokens in the fragment
 * (implicit-flow callbacks, SPA routes; browsers never send fragments) and a `<meta name="referrer">`
 * policy that would leak the URL's credentials to other sites.
 */
export function inspectPageUrl(pageUrl: string, page: { referrerPolicy?: string } = {}, options: NetworkInspectionOptions = {}): Finding[] {
  const url = parseUrl(pageUrl);
  if (!url || !WEB_SCHEMES.has(url.protocol)) return [];
  const findings: Finding[] = [];
  if (url.hash.length > 2 && url.hash.includes('=')) {
    // Only the fragment is new: the page's request already showed its path and query.
    const fragmentOnly = new URL(`${url.origin}/${url.hash}`);
    const inspected = inspectParsedUrl(fragmentOnly, fragmentOnly.href, {
      source: 'request-url',
      identity: url.host,
      displayUrl: () => redactUrl(pageUrl),
      ...(options.nowMs !== undefined ? { nowMs: options.nowMs } : {}),
    });
    findings.push(...inspected.findings.filter((finding) => finding.location.parameter?.startsWith('#')));
  }
  if (page.referrerPolicy) findings.push(...inspectReferrerPolicy(pageUrl, page.referrerPolicy, 'meta', options.nowMs));
  return findings;
}

/** Response bodies beyond this are not scanned (the page hook and HAR readers bound them before). */
export const MAX_RESPONSE_BODY_CHARS = 1024 * 1024;

/**
 * A JSON or text response body. Bearer tokens are left out: a sign-in or token endpoint answering with
 * a token is how authentication works, and where the page then keeps the token is what storage
 * findings judge. What stays: secret keys a response hands the browser (a config endpoint returning a
 * Stripe secret key), and tokens critical in themselves (a Supabase service_role key).
 */
export function inspectResponseBody(text: string, url: string): Finding[] {
  const parsed = parseUrl(url);
  if (!parsed || text.length === 0) return [];
  const body = text.length > MAX_RESPONSE_BODY_CHARS ? text.slice(0, MAX_RESPONSE_BODY_CHARS) : text;
  const findings = scanMaybeJson(body, { source: 'response-body', location: { url: redactUrl(url) }, identity: `${parsed.host}${parsed.pathname}\u0000response-body` });
  return findings.filter((finding) => !isBearerToken(finding) || finding.severity === 'critical');
}
