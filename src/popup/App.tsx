/** The popup: this tab's findings by area and severity, each with where, why and how to fix. */
import { useEffect, useState } from 'preact/hooks';
import { AREA_OF_SOURCE, AREAS } from '../shared/areas.ts';
import { SEVERITIES, severityRank, type Finding } from '../shared/finding.ts';
import type { ReportFormat } from '../shared/messages.ts';
import type { ActiveTab, PopupConnector } from './connector.ts';

const EXPORTS: { format: ReportFormat; label: string; extension: string; mime: string }[] = [
  { format: 'json', label: 'JSON', extension: 'json', mime: 'application/json' },
  { format: 'sarif', label: 'SARIF', extension: 'sarif', mime: 'application/sarif+json' },
  { format: 'markdown', label: 'Markdown', extension: 'md', mime: 'text/markdown' },
];

export function describeLocation(finding: Finding): string {
  const { url, file, line, column, keyPath, jsonPath, header, parameter, originalFile, originalLine } = finding.location;
  const parts: string[] = [];
  if (originalFile) parts.push(`${originalFile}${originalLine ? `:${originalLine}` : ''}`);
  const base = url ?? file;
  if (base) parts.push(`${base}${line ? `:${line}${column ? `:${column}` : ''}` : ''}`);
  if (keyPath) parts.push(keyPath);
  if (jsonPath && jsonPath !== '$') parts.push(jsonPath);
  if (header) parts.push(`header ${header}`);
  if (parameter) parts.push(`parameter ${parameter}`);
  return parts.join(' · ');
}

function FindingCard({ finding }: { finding: Finding }) {
  return (
    <li class={`finding severity-${finding.severity}`} data-rule={finding.ruleId}>
      <details>
        <summary>
          <span class={`chip chip-${finding.severity}`}>{finding.severity}</span>
          <span class="title">{finding.title}</span>
          {finding.count && finding.count > 1 ? <span class="count">×{finding.count}</span> : null}
        </summary>
        <dl>
          <dt>Where</dt>
          <dd class="location">{describeLocation(finding)}</dd>
          <dt>Value</dt>
          <dd>
            <code>{finding.preview}</code>{' '}
            <span class="muted">{finding.verification === 'verified' ? 'structure verified' : 'pattern match'}</span>
          </dd>
          <dt>Why it matters</dt>
          <dd>{finding.description}</dd>
          <dt>How to fix</dt>
          <dd>{finding.remediation}</dd>
          {finding.reportedByPage ? (
            <>
              <dt>Note</dt>
              <dd class="muted">Reported from the page's own JavaScript context, which the page controls.</dd>
            </>
          ) : null}
        </dl>
      </details>
    </li>
  );
}

export function App({ connector }: { connector: PopupConnector }) {
  const [tab, setTab] = useState<ActiveTab | undefined>();
  const [findings, setFindings] = useState<Finding[] | undefined>();
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const active = await connector.activeTab();
      if (cancelled) return;
      setTab(active);
      setFindings(active ? await connector.findings(active.id) : []);
    })().catch((cause: unknown) => setError(cause instanceof Error ? cause.message : String(cause)));
    return () => {
      cancelled = true;
    };
  }, [connector]);

  async function download(format: ReportFormat, extension: string, mime: string) {
    const document = await connector.report(format, tab?.id);
    const url = URL.createObjectURL(new Blob([document], { type: mime }));
    const anchor = Object.assign(window.document.createElement('a'), { href: url, download: `leaklens-report.${extension}` });
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  if (error) return <main class="popup"><p role="alert">LeakLens could not load findings: {error}</p></main>;
  if (!findings) return <main class="popup"><p class="muted">Loading…</p></main>;

  const sorted = [...findings].sort((a, b) => severityRank(a.severity) - severityRank(b.severity));
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((f) => f.severity === severity).length] as const);
  let site = '';
  try {
    site = tab?.url ? new URL(tab.url).host : '';
  } catch {
    site = '';
  }

  return (
    <main class="popup">
      <header>
        <h1>LeakLens</h1>
        <p class="site">{site || 'this tab'}</p>
        <ul class="counts" aria-label="Findings by severity">
          {counts.map(([severity, count]) => (
            <li key={severity} class={`chip chip-${severity}${count === 0 ? ' zero' : ''}`}>
              {count} {severity}
            </li>
          ))}
        </ul>
      </header>
      {sorted.length === 0 ? (
        <p class="empty">
          No secrets found on this page. LeakLens checked the requests it made, its web storage and readable cookies, its
          inline and bundled scripts, and its config globals.
        </p>
      ) : (
        AREAS.map((area) => {
          const inArea = sorted.filter((finding) => AREA_OF_SOURCE[finding.source] === area);
          if (inArea.length === 0) return null;
          return (
            <section key={area} aria-label={area}>
              <h2>
                {area} <span class="muted">({inArea.length})</span>
              </h2>
              <ul class="findings">
                {inArea.map((finding) => (
                  <FindingCard key={finding.fingerprint} finding={finding} />
                ))}
              </ul>
            </section>
          );
        })
      )}
      <footer>
        <span class="muted">Export:</span>
        {EXPORTS.map(({ format, label, extension, mime }) => (
          <button key={format} type="button" onClick={() => void download(format, extension, mime)}>
            {label}
          </button>
        ))}
      </footer>
    </main>
  );
}
