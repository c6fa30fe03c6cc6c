/**
 * Referer leaks. A page whose URL carries a token sends that URL to every site it loads something from
 * when its referrer policy allows it (`unsafe-url`, `no-referrer-when-downgrade`, or old browsers'
 * defaults): the token ends up in a third party's logs and analytics. Two views of the same problem:
 * the leak observed on a request to another site (high), and the page whose URL and policy make the
 * leak happen as soon as it loads anything from elsewhere (medium).
 */
import type { Finding } from '../../shared/finding.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';
import { credentialKind } from './parameter-names.ts';
import type { RequestContext } from './request-context.ts';
import { isSameSite, parseUrl } from './transport.ts';
import { inspectParsedUrl, redactUrl } from './url.ts';

export const REFERER_LEAK: InspectorRule = {
  id: 'referer-credential-leak',
  title: 'Credential leaks to another site in the Referer header',
  severity: 'high',
  exposure: 'secret',
  description:
    'The page URL carries a credential and the browser sent that URL to another site in the Referer header: the third party now has it in its logs.',
  remediation:
    'Take the credential out of the page URL (exchange it for a session, then redirect to a clean URL) and set Referrer-Policy: strict-origin-when-cross-origin or no-referrer. Rotate the credential.',
};

export const REFERRER_POLICY_LEAK: InspectorRule = {
  id: 'referrer-policy-leaks-url',
  title: 'Page URL carries a credential and its referrer policy sends the full URL to other sites',
  severity: 'medium',
  exposure: 'secret',
  description:
    'With this referrer policy, every request the page makes to another site (images, scripts, analytics, links followed) carries the full page URL, credential included, in its Referer header.',
  remediation:
    'Use Referrer-Policy: strict-origin-when-cross-origin (the browser default) or no-referrer, and take the credential out of the URL.',
};

/** Shortest path worth scanning: origin-only referrers (the default policy's) have nothing to leak. */
const MIN_INTERESTING_PATH = 20;

/** Path of a URL string without parsing it, for the common origin-only or short-path Referer. */
function pathLength(url: string): number {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  return start < 0 ? 0 : url.length - start;
}

export function inspectReferer(referer: string, context: RequestContext): Finding[] {
  // Most Referers are an origin or a short path (the default policy sends only the origin cross-site).
  if (!referer.includes('?') && !referer.includes('@') && pathLength(referer) < MIN_INTERESTING_PATH) return [];
  const from = parseUrl(referer);
  if (!from) return [];
  if (from.search.length <= 1 && from.pathname.length < MIN_INTERESTING_PATH && !from.password) return [];
  if (isSameSite(from.hostname, context.url.hostname)) return [];
  const { findings } = inspectParsedUrl(from, referer, {
    source: 'referer',
    identity: `${context.host}\u0000referer`,
    displayUrl: context.displayUrl,
    credentialRule: REFERER_LEAK,
    location: { header: 'referer' },
    nowMs: context.nowMs,
  });
  if (findings.length === 0) return findings;
  const leakedFrom = redactUrl(referer);
  const recipient = context.url.hostname;
  for (const finding of findings) {
    const parameter = finding.location.parameter;
    finding.title =
      finding.ruleId === REFERER_LEAK.id
        ? `Credential in the page URL${parameter ? ` (${parameter})` : ''} sent to ${recipient} in Referer`
        : `${finding.title} sent to ${recipient} in Referer`;
    finding.details = { ...finding.details, leakedFrom, recipient };
  }
  return findings;
}

/** The policy in force: the last token the browser understands (a header may list fallbacks). */
export function effectiveReferrerPolicy(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const known = new Set([
    'no-referrer',
    'no-referrer-when-downgrade',
    'origin',
    'origin-when-cross-origin',
    'same-origin',
    'strict-origin',
    'strict-origin-when-cross-origin',
    'unsafe-url',
  ]);
  let policy: string | undefined;
  for (const token of value.toLowerCase().split(',')) {
    const trimmed = token.trim();
    if (known.has(trimmed)) policy = trimmed;
  }
  return policy;
}

/** Policies that send a page's full URL (path and query) to other origins. */
const LEAKY_POLICIES = new Set(['unsafe-url', 'no-referrer-when-downgrade']);

/**
 * `via`: where the policy was set, `header` (Referrer-Policy) or `meta` (`<meta name="referrer">`).
 * Only the query and path count: browsers never send the fragment in Referer.
 */
export function inspectReferrerPolicy(pageUrl: string, policy: string | undefined, via: 'header' | 'meta', nowMs?: number): Finding[] {
  const effective = effectiveReferrerPolicy(policy);
  if (!effective || !LEAKY_POLICIES.has(effective)) return [];
  const page = parseUrl(pageUrl);
  if (!page || (page.search.length <= 1 && page.pathname.length < MIN_INTERESTING_PATH)) return [];
  page.hash = '';
  const shown = redactUrl(page.href);
  const { sightings } = inspectParsedUrl(page, page.href, {
    source: 'referer',
    identity: `${page.host}${page.pathname}\u0000referrer-policy`,
    displayUrl: shown,
    ...(nowMs !== undefined ? { nowMs } : {}),
  });
  const where = via === 'header' ? { header: 'referrer-policy' } : { keyPath: 'meta[name=referrer]' };
  return sightings.map((sighting) => {
    const parameter = sighting.origin.location.parameter;
    const isCode = parameter !== undefined && credentialKind(parameter) === 'oauth-code';
    return inspectorFinding(
      REFERRER_POLICY_LEAK,
      sighting.value,
      { ...sighting.origin, location: { ...sighting.origin.location, url: shown, ...where } },
      {
        title: `Page URL carries ${parameter ? `a credential (${parameter})` : 'a credential'} and Referrer-Policy ${effective} sends it to other sites`,
        details: { policy: effective, via },
        ...(isCode ? { severity: 'low' as const } : {}),
      },
    );
  });
}
