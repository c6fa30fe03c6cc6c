/**
 * Tokens and keys in URLs. A credential in a URL is copied into server and proxy logs, browser
 * history, bookmarks and the `Referer` of every request the page makes, so it is high wherever it is
 * seen. Parameters are judged by name (whole normalised tokens, see parameter-names.ts) and every value
 * and path segment also goes through the engine, so a JWT or a provider key is recognised whatever
 * its parameter is called.
 */
import type { Finding, FindingSource } from '../../shared/finding.ts';
import { scanText } from '../index.ts';
import { shannonEntropy } from '../entropy.ts';
import { credentialKind, type CredentialKind } from './parameter-names.ts';
import { inspectorFinding, type InspectorRule } from './inspector-rule.ts';

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

const MIN_VALUE_LENGTH = 8;
const WEAK_KEY_MIN_ENTROPY = 3.5;

export interface UrlInspection {
  findings: Finding[];
}

export interface UrlContext {
  source: FindingSource;
  /** Used in the fingerprint: where the URL was seen (e.g. the request's host). Default: the URL's host. */
  identity?: string;
}

/** Parameters of the query and of the fragment (`#access_token=…` from implicit flows). */
export function urlParameters(url: URL): { name: string; value: string; part: 'query' | 'fragment' }[] {
  const parameters: { name: string; value: string; part: 'query' | 'fragment' }[] = [];
  for (const [name, value] of url.searchParams) parameters.push({ name, value, part: 'query' });
  const hash = url.hash.replace(/^#\/?/, '');
  const fragmentQuery = hash.includes('?') ? hash.slice(hash.indexOf('?') + 1) : hash;
  if (fragmentQuery.includes('=')) {
    for (const [name, value] of new URLSearchParams(fragmentQuery)) parameters.push({ name, value, part: 'fragment' });
  }
  return parameters;
}

function looksLikeValue(value: string, kind: CredentialKind): boolean {
  if (kind === 'password') return value.length >= 4 && !/^(?:true|false|null|undefined|\*+)$/i.test(value);
  if (value.length < MIN_VALUE_LENGTH) return false;
  if (/^(?:true|false|null|undefined|\d{1,12})$/i.test(value)) return false;
  if (/^(?:x{4,}|\*{4,}|\.{3,}|<[^>]{1,40}>|\{\{?[^}]{1,40}\}?\})$/i.test(value)) return false;
  if (kind === 'weak-key') return shannonEntropy(value) >= WEAK_KEY_MIN_ENTROPY && value.length >= 16;
  return true;
}

export function inspectUrl(rawUrl: string, context: UrlContext): Finding[] {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return [];
  }
  const displayUrl = redactUrl(rawUrl);
  const identityBase = context.identity ?? url.host;
  const findings: Finding[] = [];
  for (const { name, value, part } of urlParameters(url)) {
    const origin = {
      source: context.source,
      location: { url: displayUrl, parameter: part === 'fragment' ? `#${name}` : name },
      identity: `${identityBase}\u0000${part}\u0000${name}`,
    };
    // The engine first: a recognised provider key or JWT says more than the parameter's name.
    const recognised = value.length >= MIN_VALUE_LENGTH ? scanText(value, origin) : [];
    for (const finding of recognised) {
      delete finding.location.line;
      delete finding.location.column;
    }
    findings.push(...recognised);
    const kind = credentialKind(name);
    if (!kind || recognised.length > 0 || !looksLikeValue(value, kind)) continue;
    if (kind === 'oauth-code') {
      findings.push(inspectorFinding(OAUTH_CODE_IN_URL, value, origin));
      continue;
    }
    findings.push(
      inspectorFinding(CREDENTIAL_IN_URL, value, origin, {
        title: `${kindTitle(kind)} in a URL ${part === 'fragment' ? 'fragment' : 'parameter'} (${name})`,
        details: { parameterKind: kind, part },
      }),
    );
  }
  // Path segments: JWTs and provider keys in REST paths (`/reset/eyJ…`, `/hooks/<token>`).
  for (const segment of url.pathname.split('/')) {
    if (segment.length < 20) continue;
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      // keep the raw segment
    }
    for (const finding of scanText(decoded, { source: context.source, location: { url: displayUrl, keyPath: 'path' }, identity: `${identityBase}\u0000path` })) {
      delete finding.location.line;
      delete finding.location.column;
      findings.push(finding);
    }
  }
  return findings;
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

/**
 * A URL safe to store and show: values of credential-named parameters and anything the engine
 * recognises as a secret are replaced by `[redacted]`. Every URL the extension keeps (request, script,
 * page) goes through this, since URLs are where tokens hide.
 */
export function redactUrl(rawUrl: string): string {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return rawUrl.length > 200 ? `${rawUrl.slice(0, 200)}…` : rawUrl;
  }
  const redactParams = (params: URLSearchParams): boolean => {
    let changed = false;
    for (const [name, value] of [...params]) {
      if (value && (credentialKind(name) || looksSecret(value))) {
        params.set(name, '[redacted]');
        changed = true;
      }
    }
    return changed;
  };
  redactParams(url.searchParams);
  if (url.hash.includes('=')) {
    const prefix = url.hash.startsWith('#/') && url.hash.includes('?') ? url.hash.slice(0, url.hash.indexOf('?') + 1) : '#';
    const fragment = new URLSearchParams(url.hash.slice(prefix.length));
    if (redactParams(fragment)) url.hash = `${prefix}${fragment.toString()}`;
  }
  url.pathname = url.pathname
    .split('/')
    .map((segment) => (segment.length >= 20 && looksSecret(safeDecode(segment)) ? '[redacted]' : segment))
    .join('/');
  if (url.username || url.password) {
    url.password = url.password ? 'redacted' : '';
  }
  return url.toString().replace(/%5Bredacted%5D/gi, '[redacted]');
}

function looksSecret(value: string): boolean {
  return value.length >= 8 && scanText(value, { source: 'request-url', location: {} }).length > 0;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
