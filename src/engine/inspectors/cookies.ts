/**
 * Set-Cookie flags of session and token cookies. Without HttpOnly, `document.cookie` hands the session
 * to every script that runs on a page the cookie is visible to; how bad that is depends on whether the
 * page that made the request can read it (same host or a parent domain, path, Secure vs the page's
 * scheme), so the finding says which. Without Secure (on HTTPS) the cookie also travels over plain
 * HTTP; without SameSite it rides cross-site requests where browsers do not default to Lax. One
 * finding per cookie, under its most serious problem, with every flag in the details.
 */
import type { Finding, FindingDetails, Severity } from '../../shared/finding.ts';
import { CLEARTEXT_CREDENTIAL } from './cleartext.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';
import { credentialKind, type CredentialKind } from './parameter-names.ts';

export const COOKIE_WITHOUT_HTTPONLY: InspectorRule = {
  id: 'cookie-without-httponly',
  title: 'Session cookie readable by page scripts (no HttpOnly)',
  severity: 'high',
  exposure: 'secret',
  description:
    'Without HttpOnly, document.cookie hands this session or token cookie to every script on the page: one XSS or one compromised third-party script is enough to steal the session.',
  remediation:
    'Set HttpOnly on session and token cookies (with Secure and SameSite=Lax or Strict). If front-end code needs the token, use a backend-for-frontend rather than a readable cookie.',
};

export const COOKIE_WITHOUT_SECURE: InspectorRule = {
  id: 'cookie-without-secure',
  title: 'Session cookie without the Secure flag',
  severity: 'medium',
  exposure: 'secret',
  description:
    'Without Secure, the browser also sends the cookie over plain HTTP, where anyone on the network path can read it: one http:// link or a downgraded connection is enough.',
  remediation: 'Set Secure on every session cookie, and enable HSTS on the site.',
};

export const COOKIE_WITHOUT_SAMESITE: InspectorRule = {
  id: 'cookie-without-samesite',
  title: 'Session cookie without SameSite',
  severity: 'low',
  exposure: 'secret',
  description:
    'Without SameSite the cookie depends on the browser default (Lax in Chromium, not in every browser); SameSite=None sends it with every cross-site request, which is what CSRF needs.',
  remediation: 'Set SameSite=Lax (or Strict) on session cookies; keep None only for cookies that must work cross-site, behind CSRF protection.',
};

const SESSION_KINDS: ReadonlySet<CredentialKind> = new Set(['token', 'session', 'api-key', 'client-secret', 'password']);
const MAX_SET_COOKIE_LENGTH = 8 * 1024;
const MIN_VALUE_LENGTH = 8;

export interface ParsedSetCookie {
  name: string;
  value: string;
  /** Lower-case attribute names → value ('' for flags). */
  attributes: Map<string, string>;
}

export function parseSetCookie(line: string): ParsedSetCookie | undefined {
  if (line.length > MAX_SET_COOKIE_LENGTH) return undefined;
  const parts = line.split(';');
  const first = parts[0] ?? '';
  const eq = first.indexOf('=');
  if (eq <= 0) return undefined;
  const attributes = new Map<string, string>();
  for (const part of parts.slice(1, 30)) {
    const at = part.indexOf('=');
    const key = (at < 0 ? part : part.slice(0, at)).trim().toLowerCase();
    if (key) attributes.set(key, at < 0 ? '' : part.slice(at + 1).trim());
  }
  return { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1'), attributes };
}

export interface SetCookieContext {
  responseUrl: URL;
  displayUrl: () => string;
  /** The document that can read the cookie: the response itself for a page load, else the requesting document. */
  pageUrl: URL | undefined;
  /** The response travelled over plain HTTP to a non-loopback host. */
  cleartext: boolean;
  nowMs: number;
}

function isDeletion(cookie: ParsedSetCookie, nowMs: number): boolean {
  const maxAge = cookie.attributes.get('max-age');
  if (maxAge !== undefined && /^-?\d+$/.test(maxAge) && Number(maxAge) <= 0) return true;
  const expires = cookie.attributes.get('expires');
  if (expires !== undefined) {
    const at = Date.parse(expires);
    if (!Number.isNaN(at) && at <= nowMs) return true;
  }
  return false;
}

function lifetimeHours(cookie: ParsedSetCookie, nowMs: number): number | undefined {
  const maxAge = cookie.attributes.get('max-age');
  if (maxAge !== undefined && /^\d{1,12}$/.test(maxAge)) return Math.round((Number(maxAge) / 3600) * 10) / 10;
  const expires = cookie.attributes.get('expires');
  const at = expires === undefined ? NaN : Date.parse(expires);
  return Number.isNaN(at) ? undefined : Math.round(((at - nowMs) / 3_600_000) * 10) / 10;
}

/**
 * Can scripts on `page` read this cookie? Domain: host-only cookies need the exact host, a Domain
 * attribute covers its subdomains. Secure cookies are invisible to http: pages. Path: a page load knows
 * its path; for a subresource only the requester's origin is known, so only `/` counts as certain.
 */
function readableBy(cookie: ParsedSetCookie, responseUrl: URL, page: URL | undefined, pageIsResponse: boolean): boolean {
  if (!page) return false;
  const domainAttribute = cookie.attributes.get('domain')?.replace(/^\./, '').toLowerCase();
  const host = page.hostname.toLowerCase();
  const domainMatches = domainAttribute ? host === domainAttribute || host.endsWith(`.${domainAttribute}`) : host === responseUrl.hostname.toLowerCase();
  if (!domainMatches) return false;
  if (cookie.attributes.has('secure') && page.protocol !== 'https:') return false;
  const path = cookie.attributes.get('path') || '/';
  return path === '/' || (pageIsResponse && page.pathname.startsWith(path));
}

/** One Set-Cookie line (Firefox joins several with newlines: split before calling). */
export function inspectSetCookie(line: string, context: SetCookieContext): Finding[] {
  const cookie = parseSetCookie(line);
  if (!cookie || cookie.value.length < MIN_VALUE_LENGTH) return [];
  const kind = credentialKind(cookie.name);
  const isCredential = (kind !== undefined && SESSION_KINDS.has(kind)) || cookie.value.startsWith('eyJ');
  if (!isCredential || isDeletion(cookie, context.nowMs)) return [];

  const { responseUrl } = context;
  const httpOnly = cookie.attributes.has('httponly');
  const secure = cookie.attributes.has('secure');
  const sameSite = cookie.attributes.get('samesite')?.toLowerCase();
  const pageIsResponse = context.pageUrl?.href === responseUrl.href;
  const readable = !httpOnly && readableBy(cookie, responseUrl, context.pageUrl, pageIsResponse);
  const domain = cookie.attributes.get('domain')?.replace(/^\./, '').toLowerCase() || responseUrl.hostname;
  const details: FindingDetails = {
    httpOnly,
    secure,
    sameSite: sameSite ?? 'not set',
    domain,
    path: cookie.attributes.get('path') || '/',
    readableByPage: readable,
  };
  const lifetime = lifetimeHours(cookie, context.nowMs);
  if (lifetime !== undefined) details.lifetimeHours = lifetime;
  else details.sessionCookie = true;

  const problems: string[] = [];
  if (!httpOnly) problems.push('no HttpOnly');
  if (!secure && responseUrl.protocol === 'https:') problems.push('no Secure');
  if (!sameSite) problems.push('no SameSite');
  else if (sameSite === 'none') problems.push('SameSite=None');
  const origin = {
    source: 'cookie' as const,
    location: { url: context.displayUrl(), header: 'set-cookie', keyPath: cookie.name.slice(0, 200) },
    identity: `${domain}\u0000set-cookie\u0000${cookie.name}`,
  };
  const shownName = cookie.name.slice(0, 60);

  if (context.cleartext) {
    return [
      inspectorFinding(CLEARTEXT_CREDENTIAL, cookie.value, { ...origin, source: 'cleartext' }, {
        title: `Session cookie ${shownName} set over plain HTTP${problems.length ? ` (${problems.join(', ')})` : ''}`,
        details,
      }),
    ];
  }
  let rule: InspectorRule;
  let severity: Severity | undefined;
  let title: string;
  let note: string | undefined;
  if (!httpOnly) {
    rule = COOKIE_WITHOUT_HTTPONLY;
    if (readable) {
      title = `Session cookie ${shownName} readable by this page's scripts (no HttpOnly)`;
    } else {
      severity = 'medium';
      title = `Session cookie ${shownName} readable by scripts on ${domain} (no HttpOnly)`;
      note = 'This page cannot read it (another host, path or scheme), but scripts on pages of that host can.';
    }
  } else if (!secure && responseUrl.protocol === 'https:') {
    rule = COOKIE_WITHOUT_SECURE;
    title = `Session cookie ${shownName} without Secure`;
  } else if (!sameSite || sameSite === 'none') {
    rule = COOKIE_WITHOUT_SAMESITE;
    title = sameSite === 'none' ? `Session cookie ${shownName} with SameSite=None` : `Session cookie ${shownName} without SameSite`;
  } else {
    return [];
  }
  if (problems.length > 1) title += ` (also ${problems.slice(1).join(', ')})`;
  return [inspectorFinding(rule, cookie.value, origin, { title, details, ...(severity ? { severity } : {}), ...(note ? { note } : {}) })];
}
