/**
 * One finding, collapsed to a line (severity, title, short location, count) and expanded to all a
 * reviewer needs: exact location, masked value, verified or pattern, why it matters, how to fix it,
 * when it was seen, and the actions. Shared by the popup and the DevTools panel.
 */
import type { Finding } from '../shared/finding.ts';
import { describeDetails, describeWhere, formatSeen, shortWhere, sourceLabel, sourceTarget } from './format.ts';

export interface FindingActions {
  copyLocation(finding: Finding): void;
  openSource(finding: Finding): void;
  ignoreFinding(finding: Finding): void;
  ignoreRule(finding: Finding): void;
  /** How "open the source" is labelled where it is offered (the DevTools panel opens Sources). */
  openSourceLabel?(line: number | undefined, column: number | undefined): { label: string; title: string };
}

function defaultOpenSourceLabel(line: number | undefined, column: number | undefined) {
  return {
    label: `View source${line ? ` (line ${line}${column ? `, col ${column}` : ''})` : ''}`,
    title: "Opens Chromium's view-source page in a new tab. It numbers lines but cannot jump to one; the DevTools panel can.",
  };
}

export function SeverityChip({ severity }: { severity: Finding['severity'] }) {
  return <span class={`chip chip-${severity}`}>{severity}</span>;
}

export function FindingCard({ finding, site, actions, expanded = false }: { finding: Finding; site: string | undefined; actions: FindingActions; expanded?: boolean }) {
  const where = describeWhere(finding);
  const source = sourceTarget(finding);
  const facts = describeDetails(finding.details);
  const open = source ? (actions.openSourceLabel ?? defaultOpenSourceLabel)(source.line, source.column) : undefined;
  const count = finding.count ?? 1;
  return (
    <li class={`finding severity-${finding.severity}`} data-rule={finding.ruleId} data-fingerprint={finding.fingerprint}>
      <details open={expanded}>
        <summary>
          <SeverityChip severity={finding.severity} />
          <span class="summary-text">
            <span class="title">{finding.title}</span>
            <span class="short-where">{shortWhere(finding)}</span>
          </span>
          {count > 1 ? (
            <span class="count" title={`Seen ${count} times`}>
              ×{count}
            </span>
          ) : null}
        </summary>
        <div class="finding-body">
          {finding.reportedByPage ? (
            <p class="tag-line">
              <span class="tag tag-page">reported by the page</span>
              <span class="muted"> The page's own JavaScript supplied this value; a page can forge it. Confirm in the source.</span>
            </p>
          ) : null}
          <dl>
            <dt>Where</dt>
            <dd>
              <code class="location">{where}</code>
              <span class="inline-actions">
                <button type="button" class="link" onClick={() => actions.copyLocation(finding)} aria-label={`Copy location of ${finding.title}`}>
                  Copy location
                </button>
                {open ? (
                  <button type="button" class="link" onClick={() => actions.openSource(finding)} title={open.title}>
                    {open.label}
                  </button>
                ) : null}
              </span>
            </dd>
            <dt>Value</dt>
            <dd>
              <code class="preview">{finding.preview}</code>{' '}
              {finding.verification === 'verified' ? (
                <span class="tag tag-verified" title="An offline structure check passed: checksum, decodable JWT, key layout or PEM structure">
                  verified
                </span>
              ) : (
                <span class="tag tag-pattern" title="The text matched the rule's pattern; no structure check applies">
                  pattern match
                </span>
              )}
              {facts.length > 0 ? <div class="facts">{facts.join(' · ')}</div> : null}
            </dd>
            <dt>Why it matters</dt>
            <dd>{finding.description}</dd>
            <dt>How to fix</dt>
            <dd>{finding.remediation}</dd>
            <dt>Seen</dt>
            <dd>
              {count === 1 ? 'once' : `${count} times`}
              {finding.firstSeen ? ` · first ${formatSeen(finding.firstSeen)}` : ''}
              {finding.lastSeen && count > 1 ? ` · last ${formatSeen(finding.lastSeen)}` : ''}
              <span class="muted"> · in {sourceLabel(finding.source)}</span>
            </dd>
            <dt>Rule</dt>
            <dd>
              <code>{finding.ruleId}</code>
            </dd>
          </dl>
          <div class="card-actions">
            <button type="button" onClick={() => actions.ignoreFinding(finding)} aria-label={`Ignore this finding: ${finding.title}`}>
              Ignore this finding
            </button>
            {site ? (
              <button type="button" onClick={() => actions.ignoreRule(finding)} aria-label={`Ignore rule ${finding.ruleId} on ${site}`}>
                Ignore this rule on {site}
              </button>
            ) : null}
          </div>
        </div>
      </details>
    </li>
  );
}
