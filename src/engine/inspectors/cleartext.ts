/**
 * Credentials over plain HTTP. Whatever a request carries — Authorization of any scheme, session
 * cookies, API-key headers, passwords and secrets in the body, tokens in the URL — can be read and
 * replayed by anyone on the network path when it goes to a non-loopback host over http:// or ws://.
 * Findings other inspectors made for this request are re-labelled `cleartext` and raised to high
 * (one finding per credential, not two); credentials that were not findings over HTTPS (an opaque
 * bearer token, Basic credentials, a session cookie) become findings here. Basic credentials show
 * the user name, never the password.
 */
import type { Finding, FindingSource } from '../../shared/finding.ts';
import { moreSevere } from '../severity.ts';
import type { CredentialSighting } from './credential-sighting.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';
import { SIGNED_URL } from './signed-urls.ts';

export const CLEARTEXT_CREDENTIAL: InspectorRule = {
  id: 'cleartext-credential',
  title: 'Credential sent over plain HTTP',
  severity: 'high',
  exposure: 'secret',
  description: 'Anything sent over http:// or ws:// can be read and replayed by anyone on the network path: shared Wi-Fi, proxies, ISPs.',
  remediation: 'Serve the site and its API over HTTPS only (redirect http:// and enable HSTS), then rotate every credential that was sent in clear.',
};

/** Where a request's own credentials are reported; other sources (a Referer leak) keep theirs. */
const REQUEST_SOURCES: ReadonlySet<FindingSource> = new Set(['request-url', 'request-header', 'request-body', 'websocket']);

export function applyCleartext(findings: readonly Finding[], sightings: readonly CredentialSighting[], scheme: string): Finding[] {
  const transport = scheme.replace(/:$/, '');
  const result: Finding[] = [];
  for (const finding of findings) {
    if (finding.ruleId === SIGNED_URL.id) {
      result.push({
        ...finding,
        severity: moreSevere(finding.severity, 'low'),
        description: `${finding.description} This one travelled over plain ${transport.toUpperCase()}: anyone on the network path can reuse it until it expires.`,
      });
      continue;
    }
    if (finding.exposure !== 'secret' || !REQUEST_SOURCES.has(finding.source)) {
      result.push(finding);
      continue;
    }
    result.push({
      ...finding,
      source: 'cleartext',
      severity: moreSevere(finding.severity, 'high'),
      title: `${finding.title}, sent over plain ${transport.toUpperCase()}`,
      description: `${finding.description} It was sent over plain ${transport.toUpperCase()}: anyone on the network path can read it.`,
      details: { ...finding.details, transport, sentAs: finding.source },
    });
  }
  for (const sighting of sightings) {
    if (sighting.reported) continue;
    result.push(
      inspectorFinding(CLEARTEXT_CREDENTIAL, sighting.value, { ...sighting.origin, source: 'cleartext' }, {
        title: `${sighting.label} sent over plain ${transport.toUpperCase()}`,
        details: { ...sighting.details, transport, sentAs: sighting.origin.source },
      }),
    );
  }
  return result;
}
