/**
 * Mixed content: an HTTPS page that loads, fetches or posts to http:// (or ws://). Chromium blocks most
 * of it before any extension sees the request (fetch, XHR, scripts, frames, WebSockets) and upgrades
 * images and media to https, so these are usually seen by the page-side hook or in the DOM rather than
 * observed on the wire. Still a defect: another browser, an older one or a future change can send it in
 * clear. Medium; high when the request carries credentials (a token, a session cookie, a password
 * field), which is what a network attacker would be waiting for. Loopback is not mixed content
 * (browsers treat it as potentially trustworthy) unless the loopback option is on.
 */
import type { Finding } from '../../shared/finding.ts';
import type { CredentialSighting } from './credential-sighting.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';
import type { RequestContext } from './request-context.ts';
import { isLoopbackHost, isPlainScheme, isSecureScheme } from './transport.ts';
import { redactUrl } from './url.ts';

export const MIXED_CONTENT: InspectorRule = {
  id: 'mixed-content',
  title: 'Mixed content: an HTTPS page requests http://',
  severity: 'medium',
  exposure: 'secret',
  description:
    'An HTTPS page that loads or sends anything over http:// exposes it to anyone on the network path, who can read it or replace it (a script or frame replaced is a full page compromise). Chromium blocks or upgrades most of it today; other browsers and configurations may not.',
  remediation: 'Use https:// (or protocol-relative and HTTPS-only hosts) for every subresource, API call, WebSocket and form action; add Content-Security-Policy: upgrade-insecure-requests as a safety net.',
};

/** How the request was seen: sent on the wire, or attempted by the page (then blocked or upgraded by Chromium). */
export type MixedContentOutcome = 'sent' | 'blocked' | 'upgraded';

/** Passive content Chromium upgrades to https instead of blocking. */
const UPGRADED_ELEMENTS = new Set(['img', 'image', 'audio', 'video', 'source', 'track', 'imageset']);

export interface MixedContentInput {
  /** webRequest resource type or the page API that made it (`fetch`, `xhr`, `websocket`, `form`, `img`…). */
  kind: string;
  /** Seen on the wire (webRequest, HAR) or only attempted by the page (hook, DOM). */
  attempted: boolean;
  /** The page says a password field goes with it (a login form posting to http://). */
  passwordField?: boolean;
}

export function inspectMixedContent(input: MixedContentInput, context: RequestContext, findings: readonly Finding[], sightings: readonly CredentialSighting[]): Finding[] {
  const { url, documentUrl } = context;
  if (input.kind === 'main_frame' || !documentUrl || !isSecureScheme(documentUrl.protocol) || !isPlainScheme(url.protocol)) return [];
  if (isLoopbackHost(url.hostname) && context.options.reportLoopbackCleartext !== true) return [];
  const credential = sightings[0];
  const carriesSecret = findings.some((finding) => finding.exposure === 'secret' && finding.severity !== 'info');
  const withCredentials = credential !== undefined || carriesSecret || input.passwordField === true;
  const outcome: MixedContentOutcome = !input.attempted ? 'sent' : UPGRADED_ELEMENTS.has(input.kind.toLowerCase()) ? 'upgraded' : 'blocked';
  const what = input.kind === 'xmlhttprequest' || input.kind === 'xhr' ? 'XHR' : input.kind === 'main_frame' ? 'page' : input.kind;
  const outcomeText = outcome === 'sent' ? 'sent in clear' : outcome === 'blocked' ? 'blocked by Chromium' : 'upgraded to https by Chromium';
  const credentialText = credential ? ` carrying ${credential.label}` : input.passwordField ? ' with a password field' : carriesSecret ? ' carrying a credential' : '';
  const location = credential ? { ...credential.origin.location, url: context.displayUrl() } : { url: context.displayUrl() };
  return [
    inspectorFinding(
      MIXED_CONTENT,
      credential?.value ?? context.displayUrl(),
      { source: 'mixed-content', location, identity: `${documentUrl.origin}\u0000mixed\u0000${url.host}${url.pathname}` },
      {
        severity: withCredentials ? 'high' : 'medium',
        title: `Mixed content: ${what} over ${url.protocol.replace(':', '')}:// from an HTTPS page${credentialText} (${outcomeText})`,
        details: { outcome, requestKind: what, page: redactUrl(documentUrl.href), withCredentials },
      },
    ),
  ];
}
