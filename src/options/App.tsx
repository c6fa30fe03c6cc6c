/**
 * The options page: which sites are scanned (scope), which rule categories run, the user's own rules
 * (validated and tried against pathological input before they are accepted), the ignore list, and
 * how findings are kept. Every change goes through the background, which validates it again.
 */
import { cloneElement, isValidElement, type ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { customRuleId, validateCustomRule, type CustomRuleSpec } from '../engine/custom-rules.ts';
import { SEVERITIES, type Severity } from '../shared/finding.ts';
import type { SettingsResponse } from '../shared/messages.ts';
import { normalizeSitePattern, type ScopeMode, type Settings } from '../shared/settings.ts';
import type { OptionsConnector, SettingsPatch } from './connector.ts';

const CATEGORY_LABELS: Record<string, string> = {
  keys: 'Private keys',
  code: 'Code hosting, CI/CD and package registries',
  cloud: 'Cloud providers',
  payment: 'Payments',
  ai: 'AI services',
  messaging: 'Messaging and chat',
  email: 'E-mail delivery and marketing',
  database: 'Databases and search',
  observability: 'Monitoring and analytics',
  saas: 'SaaS APIs',
  'connection-strings': 'Connection strings with passwords',
  jwt: 'JSON Web Tokens',
  generic: 'Generic assignments (apiKey = "…", password: "…")',
};

type Status = { kind: 'ok' | 'error'; text: string } | undefined;

function errorText(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

function StatusLine({ status, id }: { status: Status; id?: string }) {
  return (
    <p class={`status ${status?.kind ?? ''}`} role="status" aria-live="polite" id={id}>
      {status?.text ?? ''}
    </p>
  );
}

export function OptionsApp({ connector }: { connector: OptionsConnector }) {
  const [data, setData] = useState<SettingsResponse | undefined>();
  const [error, setError] = useState<string | undefined>();

  const reload = useCallback(async () => {
    try {
      setData(await connector.load());
      setError(undefined);
    } catch (cause) {
      setError(errorText(cause));
    }
  }, [connector]);

  useEffect(() => {
    void reload();
    return connector.onChange(() => void reload());
  }, [connector, reload]);

  const saved = (settings: Settings) => setData((current) => (current ? { ...current, settings } : current));

  if (error && !data) return <main class="options"><p role="alert">LeakLens could not load its settings: {error}</p></main>;
  if (!data) return <main class="options" aria-busy="true"><p class="muted">Loading…</p></main>;

  return (
    <main class="options">
      <header class="options-top">
        <img src="/icons/icon-48.png" alt="" width={32} height={32} />
        <div>
          <h1>LeakLens options</h1>
          <p class="muted">Everything LeakLens finds stays on this machine: nothing is ever sent anywhere.</p>
        </div>
      </header>
      <nav class="toc" aria-label="Sections">
        <a href="#scope">Scope</a>
        <a href="#rules">Rule categories</a>
        <a href="#custom">Custom rules</a>
        <a href="#ignored">Ignore list</a>
        <a href="#data">Data</a>
      </nav>
      <ScopeSection settings={data.settings} connector={connector} onSaved={saved} />
      <CategoriesSection settings={data.settings} categories={data.categories} connector={connector} onSaved={saved} />
      <CustomRulesSection settings={data.settings} connector={connector} onSaved={saved} />
      <IgnoreSection settings={data.settings} connector={connector} onSaved={saved} />
      <DataSection stored={data.stored} connector={connector} onCleared={() => void reload()} />
    </main>
  );
}

interface SectionProps {
  settings: Settings;
  connector: OptionsConnector;
  onSaved: (settings: Settings) => void;
}

async function save(connector: OptionsConnector, patch: SettingsPatch, onSaved: (settings: Settings) => void, setStatus: (status: Status) => void, okText: string) {
  try {
    onSaved(await connector.update(patch));
    setStatus({ kind: 'ok', text: okText });
    return true;
  } catch (cause) {
    setStatus({ kind: 'error', text: `Not saved: ${errorText(cause)}` });
    return false;
  }
}

/** One pattern per line (commas work too); each normalised, or the reason it cannot be used. */
function parsePatterns(text: string): { patterns: string[]; problems: string[] } {
  const patterns: string[] = [];
  const problems: string[] = [];
  for (const line of text.split(/[\n,]+/)) {
    if (!line.trim()) continue;
    const normalized = normalizeSitePattern(line);
    if (normalized.ok) {
      if (!patterns.includes(normalized.value)) patterns.push(normalized.value);
    } else problems.push(normalized.error);
  }
  return { patterns, problems };
}

function ScopeSection({ settings, connector, onSaved }: SectionProps) {
  const [mode, setMode] = useState<ScopeMode>(settings.scope.mode);
  const [include, setInclude] = useState(settings.scope.include.join('\n'));
  const [exclude, setExclude] = useState(settings.scope.exclude.join('\n'));
  const [status, setStatus] = useState<Status>();

  // Follow changes made elsewhere (the popup's "Scan this site") while nothing is being edited here.
  const stored = JSON.stringify(settings.scope);
  const [lastStored, setLastStored] = useState(stored);
  if (stored !== lastStored) {
    setLastStored(stored);
    setMode(settings.scope.mode);
    setInclude(settings.scope.include.join('\n'));
    setExclude(settings.scope.exclude.join('\n'));
  }

  const included = parsePatterns(include);
  const excluded = parsePatterns(exclude);
  const nothingListed = mode === 'listed' && included.patterns.length === 0;
  const problems = [...included.problems.map((p) => `Sites to scan: ${p}`), ...excluded.problems.map((p) => `Never scan: ${p}`)];
  const changed = JSON.stringify({ mode, include: included.patterns, exclude: excluded.patterns }) !== stored;

  const submit = (event: Event) => {
    event.preventDefault();
    if (problems.length > 0 || nothingListed) return;
    void save(connector, { scope: { mode, include: included.patterns, exclude: excluded.patterns } }, onSaved, setStatus, 'Scope saved. It applies to the next page load; pages that left scope were forgotten.');
  };

  return (
    <section id="scope" class="card" aria-labelledby="scope-title">
      <h2 id="scope-title">Scope: which sites are scanned</h2>
      <form onSubmit={submit}>
        <fieldset class="choices">
          <legend class="visually-hidden">Sites to scan</legend>
          <label class="choice">
            <input type="radio" name="scope-mode" value="all" checked={mode === 'all'} onChange={() => setMode('all')} />
            <span>
              <strong>Every site</strong> (default)
              <span class="hint">LeakLens looks at every page you open. Nothing it finds ever leaves your machine.</span>
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="scope-mode" value="listed" checked={mode === 'listed'} onChange={() => setMode('listed')} />
            <span>
              <strong>Only the sites I list</strong>
              <span class="hint">Other sites' pages are not inspected, their scripts not fetched, nothing stored.</span>
            </span>
          </label>
        </fieldset>
        <div class="two-columns">
          <label class="field">
            <span class="label">Sites to scan</span>
            <textarea
              name="include"
              rows={5}
              value={include}
              disabled={mode !== 'listed'}
              onInput={(event) => setInclude((event.target as HTMLTextAreaElement).value)}
              placeholder={'app.example.com\n*.staging.example.com\nlocalhost'}
              aria-describedby="pattern-help"
              aria-invalid={included.problems.length > 0 || nothingListed}
            />
          </label>
          <label class="field">
            <span class="label">Never scan</span>
            <textarea
              name="exclude"
              rows={5}
              value={exclude}
              onInput={(event) => setExclude((event.target as HTMLTextAreaElement).value)}
              placeholder={'bank.example.com\n*.internal.example.com'}
              aria-describedby="pattern-help"
              aria-invalid={excluded.problems.length > 0}
            />
          </label>
        </div>
        <p id="pattern-help" class="hint">
          One per line: <code>app.example.com</code>, <code>*.example.com</code> (the domain and all its subdomains), <code>localhost</code>,{' '}
          <code>127.0.0.1</code>. A pasted URL works: its host is used. "Never scan" wins over everything.
        </p>
        {problems.length > 0 || nothingListed ? (
          <ul class="problems" role="alert">
            {nothingListed ? <li>List at least one site to scan, or choose "Every site".</li> : null}
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        ) : null}
        <div class="form-actions">
          <button type="submit" class="primary" disabled={!changed || problems.length > 0 || nothingListed}>
            Save scope
          </button>
          <StatusLine status={status} />
        </div>
        <p class="hint">
          Why LeakLens asks for access to all sites: the browser reports a request to an extension only when it can access both the request's
          site and the page that made it, so seeing an app's calls to its APIs, CDNs and third parties needs broad access. Scope decides what
          it actually looks at.
        </p>
      </form>
    </section>
  );
}

function CategoriesSection({ settings, categories, connector, onSaved }: SectionProps & { categories: SettingsResponse['categories'] }) {
  const [status, setStatus] = useState<Status>();
  const disabled = new Set(settings.disabledCategories);
  const setDisabled = (next: Set<string>, text: string) => void save(connector, { disabledCategories: [...next] }, onSaved, setStatus, text);
  const total = categories.reduce((sum, category) => sum + category.rules, 0);
  const enabledRules = categories.filter((category) => !disabled.has(category.id)).reduce((sum, category) => sum + category.rules, 0);
  return (
    <section id="rules" class="card" aria-labelledby="rules-title">
      <h2 id="rules-title">Rule categories</h2>
      <p class="hint">
        {enabledRules} of {total} built-in rules are on. Checks of request URLs (credentials in query parameters) are always on. Changes apply to
        the next scan.
      </p>
      <ul class="categories">
        {categories.map((category) => {
          const on = !disabled.has(category.id);
          const label = CATEGORY_LABELS[category.id] ?? category.id;
          return (
            <li key={category.id}>
              <label class="choice">
                <input
                  type="checkbox"
                  name={`category-${category.id}`}
                  checked={on}
                  onChange={() => {
                    const next = new Set(disabled);
                    if (on) next.add(category.id);
                    else next.delete(category.id);
                    setDisabled(next, `${label}: ${on ? 'off' : 'on'}.`);
                  }}
                />
                <span>
                  <strong>{label}</strong> <span class="muted">({category.rules} {category.rules === 1 ? 'rule' : 'rules'})</span>
                  <span class="hint">{category.providers.join(', ')}
                    {category.providerCount > category.providers.length ? ` and ${category.providerCount - category.providers.length} more` : ''}</span>
                </span>
              </label>
            </li>
          );
        })}
      </ul>
      <div class="form-actions">
        <button type="button" disabled={disabled.size === 0} onClick={() => setDisabled(new Set(), 'Every category is on.')}>
          Turn every category on
        </button>
        <StatusLine status={status} />
      </div>
    </section>
  );
}

interface RuleDraft {
  title: string;
  pattern: string;
  caseInsensitive: boolean;
  keywords: string;
  severity: Severity;
  sample: string;
}

const EMPTY_DRAFT: RuleDraft = { title: '', pattern: '', caseInsensitive: false, keywords: '', severity: 'high', sample: '' };

function CustomRulesSection({ settings, connector, onSaved }: SectionProps) {
  const [draft, setDraft] = useState<RuleDraft>(EMPTY_DRAFT);
  const [fieldError, setFieldError] = useState<{ field: string; text: string } | undefined>();
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState(false);
  const rules = settings.customRules;
  const edit = (patch: Partial<RuleDraft>) => {
    setDraft((current) => ({ ...current, ...patch }));
    setFieldError(undefined);
  };

  const add = async (event: Event) => {
    event.preventDefault();
    setStatus(undefined);
    const candidate = {
      id: customRuleId(draft.title, rules.map((rule) => rule.id)),
      title: draft.title,
      pattern: draft.pattern,
      caseInsensitive: draft.caseInsensitive,
      keywords: draft.keywords.split(/[\s,]+/),
      severity: draft.severity,
    };
    const checked = validateCustomRule(candidate);
    if (!checked.ok) {
      setFieldError({ field: checked.field ?? 'pattern', text: checked.error });
      return;
    }
    setBusy(true);
    try {
      const trial = await connector.trialPattern(checked.value, draft.sample);
      if (!trial.ok) {
        setFieldError({ field: 'pattern', text: trial.error ?? 'the pattern failed its trial' });
        return;
      }
      const sample = trial.sampleMatches === undefined ? '' : trial.sampleMatches.length === 0 ? ' No match in your sample text.' : ` Sample: ${trial.sampleMatches.join(', ')}.`;
      const added = await save(connector, { customRules: [...rules, checked.value] }, onSaved, setStatus, `Added “${checked.value.title}”. It passed the trial on pathological input.${sample}`);
      if (added) setDraft(EMPTY_DRAFT);
    } catch (cause) {
      setStatus({ kind: 'error', text: `Not added: ${errorText(cause)}` });
    } finally {
      setBusy(false);
    }
  };

  const remove = (rule: CustomRuleSpec) => void save(connector, { customRules: rules.filter((candidate) => candidate.id !== rule.id) }, onSaved, setStatus, `Removed “${rule.title}”.`);
  const errorFor = (field: string) => (fieldError?.field === field ? fieldError.text : undefined);

  return (
    <section id="custom" class="card" aria-labelledby="custom-title">
      <h2 id="custom-title">Custom rules</h2>
      <p class="hint">
        Your own token formats (an internal API key prefix, a partner's key). The pattern runs only near its keywords. Patterns must be bounded
        (<code>{'{1,64}'}</code>, not <code>+</code> or <code>*</code>), without nested repetition or backreferences, and pass a timed trial
        against pathological input, so a pattern cannot hang the scanner. A named group <code>(?&lt;secret&gt;…)</code> marks the value.
      </p>
      {rules.length > 0 ? (
        <table class="rules-table">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Pattern</th>
              <th scope="col">Keywords</th>
              <th scope="col">Severity</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {rules.map((rule) => (
              <tr key={rule.id} data-rule={rule.id}>
                <td>
                  {rule.title}
                  <div class="muted"><code>{rule.id}</code></div>
                </td>
                <td>
                  <code>{rule.pattern}</code>
                  {rule.caseInsensitive ? <span class="muted"> (any case)</span> : null}
                </td>
                <td>{rule.keywords.join(', ')}</td>
                <td>
                  <span class={`chip chip-${rule.severity}`}>{rule.severity}</span>
                </td>
                <td>
                  <button type="button" onClick={() => remove(rule)} aria-label={`Remove rule ${rule.title}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="muted">No custom rules yet.</p>
      )}
      <form class="rule-form" onSubmit={(event) => void add(event)} aria-label="Add a custom rule">
        <Field label="Title" error={errorFor('title')} name="title">
          <input name="title" value={draft.title} maxLength={80} onInput={(event) => edit({ title: (event.target as HTMLInputElement).value })} placeholder="Acme internal API key" />
        </Field>
        <Field label="Pattern (regular expression)" error={errorFor('pattern')} name="pattern">
          <input name="pattern" class="mono" value={draft.pattern} maxLength={256} onInput={(event) => edit({ pattern: (event.target as HTMLInputElement).value })} placeholder="acmk_(?<secret>[a-z0-9]{32})" spellcheck={false} />
        </Field>
        <label class="choice inline">
          <input type="checkbox" name="caseInsensitive" checked={draft.caseInsensitive} onChange={() => edit({ caseInsensitive: !draft.caseInsensitive })} /> Ignore case
        </label>
        <Field label="Keywords (comma-separated, at least 3 characters each)" error={errorFor('keywords')} name="keywords">
          <input name="keywords" class="mono" value={draft.keywords} onInput={(event) => edit({ keywords: (event.target as HTMLInputElement).value })} placeholder="acmk_" spellcheck={false} />
        </Field>
        <Field label="Severity" error={errorFor('severity')} name="severity">
          <select name="severity" value={draft.severity} onChange={(event) => edit({ severity: (event.target as HTMLSelectElement).value as Severity })}>
            {SEVERITIES.map((severity) => (
              <option key={severity} value={severity}>
                {severity}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Sample text to try it on (optional, stays on this page)" name="sample">
          <textarea name="sample" rows={2} class="mono" value={draft.sample} onInput={(event) => edit({ sample: (event.target as HTMLTextAreaElement).value })} spellcheck={false} />
        </Field>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy || !draft.title.trim() || !draft.pattern}>
            {busy ? 'Testing…' : 'Test and add rule'}
          </button>
          <StatusLine status={status} />
        </div>
      </form>
    </section>
  );
}

function Field({ label, name, error, children }: { label: string; name: string; error?: string | undefined; children: ComponentChildren }) {
  const errorId = `${name}-error`;
  return (
    <div class={`field${error ? ' invalid' : ''}`}>
      <label>
        <span class="label">{label}</span>
        {withDescription(children, error ? errorId : undefined)}
      </label>
      {error ? (
        <p class="field-error" id={errorId} role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** Points the control at its error message, for screen readers. */
function withDescription(children: ComponentChildren, errorId: string | undefined): ComponentChildren {
  if (!errorId || !isValidElement(children)) return children;
  return cloneElement(children, { 'aria-invalid': true, 'aria-describedby': errorId });
}

function IgnoreSection({ settings, connector, onSaved }: SectionProps) {
  const [status, setStatus] = useState<Status>();
  const entries = [...settings.ignored].reverse();
  const remove = async (id: string, what: string) => {
    try {
      onSaved(await connector.unignore(id));
      setStatus({ kind: 'ok', text: `${what} is shown again.` });
    } catch (cause) {
      setStatus({ kind: 'error', text: errorText(cause) });
    }
  };
  return (
    <section id="ignored" class="card" aria-labelledby="ignored-title">
      <h2 id="ignored-title">Ignore list</h2>
      {entries.length === 0 ? (
        <p class="muted">Nothing is ignored. In the popup, “Ignore” hides one finding, or every finding of a rule on a site.</p>
      ) : (
        <table class="ignore-table">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Site</th>
              <th scope="col">Since</th>
              <th scope="col"><span class="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id} data-id={entry.id}>
                <td>
                  {entry.kind === 'finding' ? (
                    <>
                      <strong>{entry.title}</strong>
                      <div class="muted">
                        this finding: <code>{entry.where}</code>
                      </div>
                    </>
                  ) : (
                    <>
                      <strong>
                        every <code>{entry.ruleId}</code> finding
                      </strong>
                      <div class="muted">ignored from “{entry.title}”</div>
                    </>
                  )}
                </td>
                <td>{entry.site}</td>
                <td>{new Date(entry.addedAt).toLocaleString()}</td>
                <td>
                  <button type="button" onClick={() => void remove(entry.id, entry.title)} aria-label={`Stop ignoring ${entry.title} on ${entry.site}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <StatusLine status={status} />
    </section>
  );
}

function DataSection({ stored, connector, onCleared }: { stored: SettingsResponse['stored']; connector: OptionsConnector; onCleared: () => void }) {
  const [status, setStatus] = useState<Status>();
  const clear = async () => {
    try {
      await connector.clearFindings();
      setStatus({ kind: 'ok', text: 'Every stored finding was cleared.' });
      onCleared();
    } catch (cause) {
      setStatus({ kind: 'error', text: errorText(cause) });
    }
  };
  return (
    <section id="data" class="card" aria-labelledby="data-title">
      <h2 id="data-title">Data handling</h2>
      <ul class="facts-list">
        <li>
          <strong>Findings are kept in session storage only</strong>: in memory, per tab, replaced when the tab loads a new page and gone when the
          browser closes. They hold a masked preview, a fingerprint and a truncated SHA-256 of each value — never the value.
        </li>
        <li>
          <strong>Settings</strong> (this page) are in the extension's local storage and hold no findings: the ignore list keeps fingerprints, rule
          ids, titles and redacted locations.
        </li>
        <li>Nothing is sent anywhere: no telemetry, no checks against providers. Exports are files you save.</li>
      </ul>
      <p>
        Now in memory: <strong>{stored.findings}</strong> {stored.findings === 1 ? 'finding' : 'findings'} from <strong>{stored.tabs}</strong>{' '}
        {stored.tabs === 1 ? 'tab' : 'tabs'}.
      </p>
      <div class="form-actions">
        <button type="button" onClick={() => void clear()}>
          Clear all findings
        </button>
        <StatusLine status={status} />
      </div>
    </section>
  );
}
