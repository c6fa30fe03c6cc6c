/**
 * Request headers. Authorization has its own judgement (authorization.ts), Referer its own
 * (referer.ts), Cookie only matters when it travels in clear (sightings for cleartext.ts); every other
 * header the page chose to send goes through the engine in one pass, so a SendGrid or OpenAI key in
 * `x-api-key` is recognised (critical: a provider secret key used from the browser), and an
 * unrecognised value in a header named like a key is reported low (it may be a publishable key).
 */
import type { Finding, FindingSource } from '../../shared/finding.ts';
import type { CredentialSighting } from './credential-sighting.ts';
import { judgeAuthorization, parseAuthorization, type ParsedAuthorization } from './authorization.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';
import { credentialKind, headerCredentialKind, type CredentialKind } from './parameter-names.ts';
import { inspectReferer } from './referer.ts';
import type { RequestContext } from './request-context.ts';
import { isGenericFinding, scanSegments, type Segment } from './segments.ts';
import { looksLikeCredentialValue } from './url.ts';

export const HEADER_CREDENTIAL: InspectorRule = {
  id: 'request-header-credential',
  title: 'API key sent in a request header',
  severity: 'low',
  exposure: 'secret',
  description:
    'The page sends a key in a custom header, so the key is in the page for anyone to copy. That is fine for a publishable key restricted to this site; a secret key here lives in the client.',
  remediation:
    'Check what this key can do. If it is secret, move the call behind your backend and rotate the key; if it is meant to be public, restrict it (allowed origins, quotas, scopes).',
};

export interface HeaderEntry {
  name: string;
  value: string;
}

/** Headers the browser (or every app) sets that cannot carry a credential worth scanning for. */
const PLAIN_HEADERS = new Set([
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'access-control-request-headers',
  'access-control-request-method',
  'cache-control',
  'connection',
  'content-encoding',
  'content-language',
  'content-length',
  'content-type',
  'date',
  'device-memory',
  'dnt',
  'downlink',
  'dpr',
  'early-data',
  'ect',
  'expect',
  'forwarded',
  'host',
  'if-match',
  'if-modified-since',
  'if-none-match',
  'if-range',
  'if-unmodified-since',
  'keep-alive',
  'last-event-id',
  'max-forwards',
  'origin',
  'ping-from',
  'ping-to',
  'pragma',
  'priority',
  'proxy-connection',
  'purpose',
  'range',
  'rtt',
  'save-data',
  'service-worker',
  'service-worker-navigation-preload',
  'te',
  'traceparent',
  'tracestate',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'upgrade-insecure-requests',
  'user-agent',
  'via',
  'viewport-width',
  'width',
  'x-client-data',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-requested-with',
]);

const MAX_HEADERS = 100;
const MAX_HEADER_VALUE = 16 * 1024;
const MAX_COOKIES = 100;

/** Kinds a header or cookie name can have that make its value a credential on the wire. */
const WIRE_CREDENTIAL_KINDS: ReadonlySet<CredentialKind> = new Set(['token', 'session', 'api-key', 'client-secret', 'password']);
/** Kinds reported even over HTTPS when the engine does not recognise the value (the rest are the right transport). */
const REPORTED_HEADER_KINDS: ReadonlySet<CredentialKind> = new Set(['api-key', 'client-secret', 'password']);

function isScannedHeader(lower: string): boolean {
  if (lower.startsWith(':') || lower.startsWith('sec-') || PLAIN_HEADERS.has(lower)) return false;
  // Anti-forgery tokens are random by design and useless to whoever can already read the page.
  return !lower.includes('csrf') && !lower.includes('xsrf');
}

/**
 * Session and token cookies in a Cookie header: only their sightings (a Cookie header over HTTPS is how
 * sessions work; over plain HTTP or in a mixed-content request it is an exposure).
 */
export function cookieSightings(header: HeaderEntry, source: FindingSource, host: string): CredentialSighting[] {
  const sightings: CredentialSighting[] = [];
  let count = 0;
  for (const pair of header.value.split(';')) {
    if (++count > MAX_COOKIES) break;
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    const kind = credentialKind(name);
    const credential = (kind !== undefined && WIRE_CREDENTIAL_KINDS.has(kind)) || value.startsWith('eyJ');
    if (!credential || value.length < 8) continue;
    sightings.push({
      value,
      label: `cookie ${name.slice(0, 60)}`,
      origin: { source, location: { header: header.name, keyPath: name.slice(0, 200) }, identity: `${host}\u0000cookie\u0000${name}` },
      reported: false,
    });
  }
  return sightings;
}

export interface HeaderInspection {
  findings: Finding[];
  sightings: CredentialSighting[];
}

export interface HeaderInspectionOptions {
  /** Collect Cookie sightings (only worth it for cleartext or mixed-content requests). */
  cookies: boolean;
  /** Check Referer for leaks to other sites. */
  referer: boolean;
}

type Planned =
  | { kind: 'authorization'; header: HeaderEntry; parsed: ParsedAuthorization; segment: number; origin: Segment['origin'] }
  | { kind: 'generic'; header: HeaderEntry; credentialKind: CredentialKind | undefined; segment: number; origin: Segment['origin'] };

export function inspectRequestHeaders(headers: readonly HeaderEntry[], context: RequestContext, options: HeaderInspectionOptions): HeaderInspection {
  const findings: Finding[] = [];
  const sightings: CredentialSighting[] = [];
  const segments: Segment[] = [];
  const planned: Planned[] = [];
  const limit = Math.min(headers.length, MAX_HEADERS);
  for (let i = 0; i < limit; i++) {
    const header = headers[i]!;
    if (typeof header.name !== 'string' || typeof header.value !== 'string' || header.value.length === 0) continue;
    const lower = header.name.toLowerCase();
    if (lower === 'referer') {
      if (options.referer) findings.push(...inspectReferer(header.value, context));
      continue;
    }
    if (lower === 'cookie') {
      if (options.cookies) sightings.push(...cookieSightings(header, 'request-header', context.host));
      continue;
    }
    if (!isScannedHeader(lower)) continue;
    const value = header.value.length > MAX_HEADER_VALUE ? header.value.slice(0, MAX_HEADER_VALUE) : header.value;
    const origin = { source: 'request-header' as const, location: { header: header.name }, identity: `${context.host}\u0000header\u0000${lower}` };
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const parsed = parseAuthorization(header.name, value);
      planned.push({ kind: 'authorization', header, parsed, segment: segments.length, origin });
      segments.push({ text: parsed.scanText, origin });
      continue;
    }
    planned.push({ kind: 'generic', header, credentialKind: headerCredentialKind(header.name), segment: segments.length, origin });
    // Name and value together, so rules keyed on the header name (`x-api-key: …`) see both.
    segments.push({ text: `${header.name}: ${value}`, origin });
  }
  const scanned = scanSegments(segments);
  for (const plan of planned) {
    const recognised = scanned[plan.segment]!;
    if (plan.kind === 'authorization') {
      const result = judgeAuthorization(plan.parsed, recognised, plan.origin);
      findings.push(...result.findings);
      sightings.push(...result.sightings);
      continue;
    }
    const value = plan.header.value.trim();
    const kind = plan.credentialKind;
    // For a header named like a credential, the name says more than a generic rule's guess.
    const kept = kind === undefined ? recognised : recognised.filter((finding) => !isGenericFinding(finding));
    findings.push(...kept);
    let reported = kept.length > 0;
    if (!reported && kind !== undefined && REPORTED_HEADER_KINDS.has(kind) && looksLikeCredentialValue(value, kind)) {
      const what = kind === 'password' ? 'Password' : kind === 'client-secret' ? 'Client secret' : 'API key';
      findings.push(inspectorFinding(HEADER_CREDENTIAL, value, plan.origin, { title: `${what} sent in the ${plan.header.name} header`, details: { headerKind: kind } }));
      reported = true;
    }
    if ((kind !== undefined && WIRE_CREDENTIAL_KINDS.has(kind) && looksLikeCredentialValue(value, kind)) || reported) {
      sightings.push({ value, label: `${plan.header.name} header`, origin: plan.origin, reported });
    }
  }
  return { findings, sightings };
}
