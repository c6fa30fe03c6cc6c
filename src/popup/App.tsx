/**
 * The popup: this tab's site and findings by severity at the top, then the findings grouped by where
 * they were seen, each with where, why and how to fix, and the actions a reviewer needs (copy, view
 * source, ignore — reversible). States for "nothing found" (saying what was scanned) and "out of
 * scope" (one click to scan the site). Exports for this tab or all tabs.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { AREAS, type Area } from '../shared/areas.ts';
import { SEVERITIES, type Severity } from '../shared/finding.ts';
import type { ReportFormat, TabState } from '../shared/messages.ts';
import { ignoreFindingId, ignoreRuleId } from '../shared/settings.ts';
import type { ActiveTab, PopupConnector } from './connector.ts';
import { FindingCard, SeverityChip, type FindingActions } from './FindingCard.tsx';
import { filterFindings } from './filters.ts';
import { countBySeverity, describeWhere, EXPORT_FORMATS, exportFileName, groupByArea, SCANNED_PLACES, sourceTarget } from './format.ts';

interface Toast {
  message: string;
  undo?: () => Promise<void>;
}

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * `panel`: the same view in the DevTools panel, with more room, filters (severity, area, text), and
 * "open the source" going to DevTools' Sources panel at the line.
 */
export type Variant = 'popup' | 'panel';

export function App({ connector, variant = 'popup' }: { connector: PopupConnector; variant?: Variant }) {
  const [tab, setTab] = useState<ActiveTab | null | undefined>();
  const [state, setState] = useState<TabState | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [toast, setToast] = useState<Toast | undefined>();
  const [exportAll, setExportAll] = useState(false);
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(new Set(SEVERITIES));
  const [area, setArea] = useState<Area | undefined>();
  const [search, setSearch] = useState('');
  const undoButton = useRef<HTMLButtonElement>(null);

  const refresh = useCallback(
    async (target: ActiveTab) => {
      try {
        setState(await connector.tabState(target));
        setError(undefined);
      } catch (cause) {
        setError(errorText(cause));
      }
    },
    [connector],
  );

  useEffect(() => {
    let cancelled = false;
    let unsubscribe: (() => void) | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    (async () => {
      const active = await connector.activeTab();
      if (cancelled) return;
      setTab(active ?? null);
      if (!active) return;
      await refresh(active);
      // Live: findings keep arriving while the page works; coalesce bursts.
      unsubscribe = connector.onChange(active.id, () => {
        clearTimeout(timer);
        timer = setTimeout(() => void refresh(active), 150);
      });
    })().catch((cause: unknown) => setError(errorText(cause)));
    return () => {
      cancelled = true;
      clearTimeout(timer);
      unsubscribe?.();
    };
  }, [connector, refresh]);

  useEffect(() => {
    if (toast?.undo) undoButton.current?.focus();
  }, [toast]);

  const act = async (work: () => Promise<void>, done?: Toast) => {
    try {
      await work();
      if (tab) await refresh(tab);
      if (done) setToast(done);
    } catch (cause) {
      setToast({ message: `That did not work: ${errorText(cause)}` });
    }
  };

  const site = state?.site;
  const inPanel = variant === 'panel';
  const actions: FindingActions = {
    copyLocation: (finding) => void act(() => connector.copy(describeWhere(finding)), { message: 'Location copied.' }),
    openSource: (finding) => {
      const target = sourceTarget(finding);
      if (!target) return;
      const at = target.line ? ` line ${target.line}${target.column ? `, column ${target.column}` : ''}` : '';
      void act(() => connector.openSource(target.url, target.line, target.column), {
        message: inPanel ? `Opened in the Sources panel${at ? ` at${at}` : ''}.` : `Opened the source in a new tab${at ? `: go to${at}` : ''}.`,
      });
    },
    ...(inPanel
      ? {
          openSourceLabel: (line: number | undefined) => ({
            label: `Open in Sources${line ? ` (line ${line})` : ''}`,
            title: "Opens the file in DevTools' Sources panel at the finding.",
          }),
        }
      : {}),
    ignoreFinding: (finding) =>
      void act(() => connector.ignore('finding', tab!.id, finding.fingerprint), {
        message: `Ignored “${finding.title}” (this value at this place).`,
        undo: () => connector.unignore(ignoreFindingId(finding.fingerprint)),
      }),
    ignoreRule: (finding) =>
      void act(() => connector.ignore('rule', tab!.id, finding.fingerprint), {
        message: `Ignored every “${finding.ruleId}” finding on ${site}.`,
        undo: () => connector.unignore(ignoreRuleId(site!, finding.ruleId)),
      }),
  };

  const exportReport = (format: ReportFormat, extension: string, mime: string) =>
    void act(async () => {
      const document = await connector.report(format, exportAll ? undefined : tab?.id);
      connector.download(exportFileName(exportAll ? undefined : site, extension), mime, document);
    });

  const mainClass = inPanel ? 'popup panel' : 'popup';
  if (error && !state) {
    return (
      <main class={mainClass}>
        <Header site={undefined} onOptions={() => void connector.openOptions()} />
        <p role="alert" class="state">LeakLens could not load this tab's findings: {error}</p>
      </main>
    );
  }
  if (tab === null) {
    return (
      <main class={mainClass}>
        <Header site={undefined} onOptions={() => void connector.openOptions()} />
        <p class="state">No tab to show. Open LeakLens from a tab with a web page.</p>
      </main>
    );
  }
  if (!state || !tab) {
    return (
      <main class={mainClass} aria-busy="true">
        <Header site={undefined} onOptions={() => void connector.openOptions()} />
        <p class="state muted">Loading…</p>
      </main>
    );
  }

  const counts = countBySeverity(state.findings);
  const shown = inPanel ? filterFindings(state.findings, { severities, area, text: search }) : state.findings;
  const groups = groupByArea(shown);

  return (
    <main class={mainClass}>
      <Header site={site ?? state.pageUrl} onOptions={() => void connector.openOptions()} />
      {state.inScope ? (
        <>
          <ul class="counts" aria-label="Findings by severity">
            {SEVERITIES.map((severity) => (
              <li key={severity} class={`count-chip chip-${severity}${counts[severity] === 0 ? ' zero' : ''}`}>
                <strong>{counts[severity]}</strong> {severity}
              </li>
            ))}
          </ul>
          {state.pending > 0 ? (
            <p class="scanning muted" role="status">
              Scanning…
            </p>
          ) : null}
          {inPanel && state.findings.length > 0 ? (
            <FilterBar
              severities={severities}
              onSeverities={setSeverities}
              area={area}
              onArea={setArea}
              search={search}
              onSearch={setSearch}
              shown={shown.length}
              total={state.findings.length}
            />
          ) : null}
          {state.findings.length === 0 ? (
            <EmptyState state={state} />
          ) : groups.length === 0 ? (
            <p class="state muted">No finding matches these filters.</p>
          ) : (
            groups.map(({ area, findings }) => (
              <section key={area} class="area" aria-labelledby={`area-${area}`}>
                <h2 id={`area-${area}`}>
                  {area} <span class="muted">({findings.length})</span>
                </h2>
                <ul class="findings">
                  {findings.map((finding) => (
                    <FindingCard key={finding.fingerprint} finding={finding} site={site} actions={actions} />
                  ))}
                </ul>
              </section>
            ))
          )}
          {state.evicted > 0 ? (
            <p class="note">
              +{state.evicted} more lower-severity {state.evicted === 1 ? 'finding was' : 'findings were'} not kept: a tab holds at most 500, most severe first.
            </p>
          ) : null}
        </>
      ) : (
        <OutOfScope
          state={state}
          onInclude={(host) =>
            void act(
              async () => {
                await connector.includeSite(host);
                await connector.reloadTab(tab.id);
              },
              { message: `${host} is now scanned. Reloading the page…` },
            )
          }
          onOptions={() => void connector.openOptions()}
        />
      )}
      <IgnoredHere ignored={state.ignored} onUnignore={(id) => void act(() => connector.unignore(id), { message: 'Shown again.' })} />
      <Skipped skipped={state.skipped} />
      <footer class="export">
        <fieldset>
          <legend>Export</legend>
          <label>
            <input type="radio" name="export-scope" checked={!exportAll} onChange={() => setExportAll(false)} /> this tab
          </label>
          <label>
            <input type="radio" name="export-scope" checked={exportAll} onChange={() => setExportAll(true)} /> all tabs
          </label>
          <span class="export-buttons">
            {EXPORT_FORMATS.map(({ format, label, extension, mime }) => (
              <button key={format} type="button" onClick={() => exportReport(format, extension, mime)} aria-label={`Export ${exportAll ? 'all tabs' : 'this tab'} as ${label}`}>
                {label}
              </button>
            ))}
          </span>
        </fieldset>
      </footer>
      <div class="toast" role="status" aria-live="polite">
        {toast ? (
          <>
            <span>{toast.message}</span>
            {toast.undo ? (
              <button type="button" ref={undoButton} onClick={() => void act(toast.undo!, { message: 'Undone: shown again.' })}>
                Undo
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </main>
  );
}

function FilterBar(props: {
  severities: ReadonlySet<Severity>;
  onSeverities: (next: ReadonlySet<Severity>) => void;
  area: Area | undefined;
  onArea: (next: Area | undefined) => void;
  search: string;
  onSearch: (next: string) => void;
  shown: number;
  total: number;
}) {
  const toggle = (severity: Severity) => {
    const next = new Set(props.severities);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    props.onSeverities(next);
  };
  return (
    <div class="filters" role="search" aria-label="Filter findings">
      <span class="severity-toggles" role="group" aria-label="Severities shown">
        {SEVERITIES.map((severity) => (
          <button key={severity} type="button" class={`toggle chip-${severity}`} aria-pressed={props.severities.has(severity)} onClick={() => toggle(severity)}>
            {severity}
          </button>
        ))}
      </span>
      <label>
        <span class="visually-hidden">Area</span>
        <select value={props.area ?? ''} onChange={(event) => props.onArea(((event.target as HTMLSelectElement).value || undefined) as Area | undefined)}>
          <option value="">All areas</option>
          {AREAS.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </label>
      <label class="search">
        <span class="visually-hidden">Search</span>
        <input type="search" placeholder="Search title, rule, location…" value={props.search} onInput={(event) => props.onSearch((event.target as HTMLInputElement).value)} />
      </label>
      <span class="muted shown-count">
        {props.shown} of {props.total}
      </span>
    </div>
  );
}

function Header({ site, onOptions }: { site: string | undefined; onOptions: () => void }) {
  return (
    <header class="top">
      <div class="brand">
        <img src="/icons/icon-32.png" alt="" width={20} height={20} />
        <h1>LeakLens</h1>
      </div>
      <p class="site" title={site}>
        {site || ''}
      </p>
      <button type="button" class="link options" onClick={onOptions}>
        Options
      </button>
    </header>
  );
}

function EmptyState({ state }: { state: TabState }) {
  return (
    <section class="state empty" aria-label="No findings">
      <h2>No exposed secrets found{state.site ? ` on ${state.site}` : ''}</h2>
      <p>LeakLens looked at, in this tab since the page loaded:</p>
      <ul>
        {SCANNED_PLACES.map((place) => (
          <li key={place}>{place}</li>
        ))}
      </ul>
      <p class="muted">
        Everything is checked on this machine; nothing found leaves it. Use the app (sign in, open pages) and findings appear here as they happen.
        {state.disabledCategories.length > 0 ? ` Rule categories switched off in Options: ${state.disabledCategories.join(', ')}.` : ''}
        {state.ignored.length > 0 ? ` ${state.ignored.length} ignored ${state.ignored.length === 1 ? 'finding is' : 'findings are'} listed below.` : ''}
      </p>
    </section>
  );
}

function OutOfScope({ state, onInclude, onOptions }: { state: TabState; onInclude: (site: string) => void; onOptions: () => void }) {
  if (!state.site) {
    return (
      <section class="state out-of-scope" aria-label="Not a web page">
        <h2>Nothing to scan here</h2>
        <p>LeakLens scans web pages (http and https). Open it on a tab with your app.</p>
      </section>
    );
  }
  return (
    <section class="state out-of-scope" aria-label="Out of scope">
      <h2>{state.site} is out of scope</h2>
      <p>
        Your scope settings leave this site out, so nothing from this tab is inspected, fetched or stored — not its requests, storage or
        scripts.
      </p>
      {state.excludedBy.length > 0 ? (
        <p class="muted">
          It matches {state.excludedBy.map((pattern) => `“${pattern}”`).join(', ')} in “Never scan”; scanning it removes{' '}
          {state.excludedBy.length === 1 ? 'that pattern' : 'those patterns'}.
        </p>
      ) : null}
      <p class="state-actions">
        <button type="button" class="primary" onClick={() => onInclude(state.site!)}>
          Scan {state.site}
        </button>
        <button type="button" class="link" onClick={onOptions}>
          Scope settings
        </button>
      </p>
    </section>
  );
}

function IgnoredHere({ ignored, onUnignore }: { ignored: TabState['ignored']; onUnignore: (id: string) => void }) {
  if (ignored.length === 0) return null;
  return (
    <details class="ignored">
      <summary>Ignored here ({ignored.length})</summary>
      <ul>
        {ignored.map(({ finding, entry }) => (
          <li key={finding.fingerprint} data-fingerprint={finding.fingerprint}>
            <SeverityChip severity={finding.severity} />
            <span class="ignored-text">
              {finding.title} <span class="muted">— {entry.kind === 'finding' ? 'this finding' : `rule ${entry.ruleId} on ${entry.site}`}</span>
            </span>
            <button type="button" onClick={() => onUnignore(entry.id)} aria-label={`Stop ignoring: ${finding.title}`}>
              Unignore
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}

function Skipped({ skipped }: { skipped: TabState['skipped'] }) {
  if (skipped.length === 0) return null;
  return (
    <details class="skipped">
      <summary>Not scanned ({skipped.length})</summary>
      <ul>
        {skipped.map((entry) => (
          <li key={entry.url}>
            <code>{entry.url}</code> <span class="muted">— {entry.reason}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}

