// @vitest-environment happy-dom
/** The options page against a mock connector that validates like the background does. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { categorySummaries, defaultSettings, ignoreFindingId, ignoreRuleId, validateCategories, validateCustomRules, validateScope, type Settings } from '../../src/background/settings.ts';
import type { CustomRuleSpec } from '../../src/engine/custom-rules.ts';
import { OptionsApp } from '../../src/options/App.tsx';
import type { OptionsConnector, SettingsPatch, TrialOutcome } from '../../src/options/connector.ts';
import type { SettingsResponse } from '../../src/shared/messages.ts';

class MockOptionsConnector implements OptionsConnector {
  readonly calls: [string, ...unknown[]][] = [];
  settings: Settings;
  stored = { tabs: 2, findings: 9 };
  trialOutcome: TrialOutcome = { ok: true, elapsedMs: 3, matches: 0, sampleMatches: [] };
  private listeners: (() => void)[] = [];

  constructor(settings: Partial<Settings> = {}) {
    this.settings = { ...defaultSettings(), ...settings };
  }

  async load(): Promise<SettingsResponse> {
    this.calls.push(['load']);
    return { ok: true, settings: structuredClone(this.settings), categories: categorySummaries(), stored: { ...this.stored } };
  }

  /** Validates exactly as the background does: a refused change throws with the reason. */
  async update(patch: SettingsPatch) {
    this.calls.push(['update', patch]);
    const next = structuredClone(this.settings);
    if (patch.scope) {
      const checked = validateScope(patch.scope);
      if (!checked.ok) throw new Error(checked.error);
      next.scope = checked.value;
    }
    if (patch.disabledCategories) {
      const checked = validateCategories(patch.disabledCategories);
      if (!checked.ok) throw new Error(checked.error);
      next.disabledCategories = checked.value;
    }
    if (patch.customRules) {
      const checked = validateCustomRules(patch.customRules);
      if (!checked.ok) throw new Error(checked.error);
      next.customRules = checked.value;
    }
    this.settings = next;
    return structuredClone(next);
  }

  async unignore(id: string) {
    this.calls.push(['unignore', id]);
    this.settings = { ...this.settings, ignored: this.settings.ignored.filter((entry) => entry.id !== id) };
    return structuredClone(this.settings);
  }

  async clearFindings() {
    this.calls.push(['clearFindings']);
    this.stored = { tabs: 0, findings: 0 };
  }

  async trialPattern(spec: CustomRuleSpec, sample: string) {
    this.calls.push(['trialPattern', spec, sample]);
    return this.trialOutcome;
  }

  onChange(listener: () => void) {
    this.listeners.push(listener);
    return () => (this.listeners = this.listeners.filter((candidate) => candidate !== listener));
  }

  emitChange() {
    for (const listener of this.listeners) listener();
  }

  called(name: string) {
    return this.calls.filter(([call]) => call === name).map(([, ...args]) => args);
  }
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function flush() {
  for (let i = 0; i < 5; i++) await act(async () => void (await new Promise((resolve) => setTimeout(resolve, 0))));
}

async function mount(settings: Partial<Settings> = {}) {
  const connector = new MockOptionsConnector(settings);
  await act(() => void render(<OptionsApp connector={connector} />, root));
  await flush();
  return connector;
}

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const section = (id: string) => root.querySelector<HTMLElement>(`section#${id}`)!;
const field = <T extends HTMLElement>(selector: string, within: ParentNode = root) => {
  const found = within.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
};
function button(label: string | RegExp, within: ParentNode = root): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].find((candidate) =>
    typeof label === 'string' ? text(candidate) === label || candidate.getAttribute('aria-label') === label : label.test(text(candidate)),
  );
  if (!found) throw new Error(`no button ${String(label)}`);
  return found;
}

async function type(element: HTMLInputElement | HTMLTextAreaElement, value: string) {
  await act(() => {
    element.value = value;
    element.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

async function click(element: HTMLElement) {
  await act(() => element.click());
  await flush();
}

async function submit(form: HTMLFormElement) {
  await act(() => void form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true })));
  await flush();
}

describe('options: scope', () => {
  it('defaults to every site, with the listed-sites box disabled and the reason for broad access explained', async () => {
    await mount();
    const scope = section('scope');
    expect(field<HTMLInputElement>('input[value=all]', scope).checked).toBe(true);
    expect(field<HTMLTextAreaElement>('textarea[name=include]', scope).disabled).toBe(true);
    expect(text(scope)).toMatch(/Nothing it finds ever leaves your machine/);
    expect(text(scope)).toMatch(/both the request's site and the page that made it/);
    expect(button('Save scope', scope).disabled).toBe(true); // nothing changed yet
  });

  it('limits scanning to listed sites: URLs and patterns are normalised, then saved', async () => {
    const connector = await mount();
    const scope = section('scope');
    await click(field<HTMLInputElement>('input[value=listed]', scope));
    expect(text(scope.querySelector('.problems'))).toMatch(/List at least one site/);
    expect(button('Save scope', scope).disabled).toBe(true);
    await type(field('textarea[name=include]', scope), 'https://App.Example.com/dashboard\n*.example.org, localhost');
    await type(field('textarea[name=exclude]', scope), 'bank.example.org');
    await submit(field('form', scope));
    expect(connector.called('update')).toEqual([[{ scope: { mode: 'listed', include: ['app.example.com', '*.example.org', 'localhost'], exclude: ['bank.example.org'] } }]]);
    expect(text(scope.querySelector('.status'))).toMatch(/^Scope saved/);
    expect(connector.settings.scope.mode).toBe('listed');
  });

  it('shows why a pattern cannot be used and does not save', async () => {
    const connector = await mount();
    const scope = section('scope');
    await type(field('textarea[name=exclude]', scope), 'good.test\nnot a host\n*');
    expect([...scope.querySelectorAll('.problems li')].map(text)).toEqual(['Never scan: "not a host" is not a host name or *.domain pattern', 'Never scan: use "Every site" instead of "*"']);
    expect(field('textarea[name=exclude]', scope).getAttribute('aria-invalid')).toBe('true');
    expect(button('Save scope', scope).disabled).toBe(true);
    await submit(field('form', scope));
    expect(connector.called('update')).toEqual([]);
  });

  it('follows a scope change made elsewhere (the popup’s “Scan this site”)', async () => {
    const connector = await mount({ scope: { mode: 'listed', include: ['a.test'], exclude: [] } });
    connector.settings = { ...connector.settings, scope: { mode: 'listed', include: ['a.test', 'b.test'], exclude: [] } };
    connector.emitChange();
    await flush();
    expect(field<HTMLTextAreaElement>('textarea[name=include]').value).toBe('a.test\nb.test');
  });
});

describe('options: rule categories', () => {
  it('lists every category with its rule count and providers; a switch saves at once', async () => {
    const connector = await mount();
    const rules = section('rules');
    const boxes = [...rules.querySelectorAll<HTMLInputElement>('input[type=checkbox]')];
    expect(boxes.map((box) => box.name)).toEqual(categorySummaries().map((category) => `category-${category.id}`));
    expect(boxes.every((box) => box.checked)).toBe(true);
    expect(text(rules)).toMatch(/Payments \(\d+ rules\)/);
    expect(text(rules)).toMatch(/Stripe/);
    await click(field<HTMLInputElement>('input[name=category-payment]', rules));
    expect(connector.called('update')).toEqual([[{ disabledCategories: ['payment'] }]]);
    expect(field<HTMLInputElement>('input[name=category-payment]', rules).checked).toBe(false);
    expect(text(rules.querySelector('.status'))).toBe('Payments: off.');
    await click(button('Turn every category on', rules));
    expect(connector.called('update')[1]).toEqual([{ disabledCategories: [] }]);
  });
});

describe('options: custom rules', () => {
  async function fillRule(custom: HTMLElement, values: { title: string; pattern: string; keywords: string; sample?: string }) {
    await type(field('input[name=title]', custom), values.title);
    await type(field('input[name=pattern]', custom), values.pattern);
    await type(field('input[name=keywords]', custom), values.keywords);
    if (values.sample !== undefined) await type(field('textarea[name=sample]', custom), values.sample);
  }

  it('refuses an unbounded pattern before any trial, pointing at the field', async () => {
    const connector = await mount();
    const custom = section('custom');
    await fillRule(custom, { title: 'Acme key', pattern: 'acmk_[a-z0-9]+', keywords: 'acmk_' });
    await submit(field('form.rule-form', custom));
    expect(text(custom.querySelector('.field-error'))).toMatch(/unbounded quantifier "\+"/);
    expect(field('input[name=pattern]', custom).getAttribute('aria-invalid')).toBe('true');
    expect(connector.called('trialPattern')).toEqual([]);
    expect(connector.called('update')).toEqual([]);
  });

  it('refuses a pattern that fails the timed trial', async () => {
    const connector = await mount();
    connector.trialOutcome = { ok: false, elapsedMs: 2000, matches: 0, error: 'the pattern did not finish its trial within 2 s' };
    const custom = section('custom');
    await fillRule(custom, { title: 'Slow', pattern: '(?:a|a){1,30}b', keywords: 'aaa' });
    await submit(field('form.rule-form', custom));
    expect(connector.called('trialPattern')).toHaveLength(1);
    expect(text(custom.querySelector('.field-error'))).toMatch(/did not finish its trial/);
    expect(connector.called('update')).toEqual([]);
  });

  it('adds a rule that passes, shows the sample matches, lists it, and removes it', async () => {
    const connector = await mount();
    connector.trialOutcome = { ok: true, elapsedMs: 4, matches: 0, sampleMatches: ['acmk_…9xyz (37 chars) at 1:7'] };
    const custom = section('custom');
    await fillRule(custom, { title: 'Acme internal key', pattern: 'acmk_(?<secret>[a-z0-9]{32})', keywords: 'ACMK_, acmk_', sample: 'token acmk_…' });
    const severity = field<HTMLSelectElement>('select[name=severity]', custom);
    await act(() => {
      severity.value = 'critical';
      severity.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await submit(field('form.rule-form', custom));
    const expected = { id: 'custom-acme-internal-key', title: 'Acme internal key', pattern: 'acmk_(?<secret>[a-z0-9]{32})', caseInsensitive: false, keywords: ['acmk_'], severity: 'critical' };
    expect(connector.called('trialPattern')).toEqual([[expected, 'token acmk_…']]);
    expect(connector.called('update')).toEqual([[{ customRules: [expected] }]]);
    expect(text(custom.querySelector('.status'))).toMatch(/Added “Acme internal key”.*Sample: acmk_…9xyz \(37 chars\) at 1:7/);
    const row = field('tr[data-rule="custom-acme-internal-key"]', custom);
    expect(text(row)).toMatch(/acmk_\(\?<secret>\[a-z0-9\]\{32\}\)/);
    expect(field<HTMLInputElement>('input[name=title]', custom).value).toBe(''); // the form is reset
    await click(button('Remove rule Acme internal key', custom));
    expect(connector.called('update')[1]).toEqual([{ customRules: [] }]);
    expect(custom.querySelector('tr[data-rule]')).toBeNull();
  });
});

describe('options: ignore list and data', () => {
  const entries: Settings['ignored'] = [
    { kind: 'finding', id: ignoreFindingId('ab'.repeat(16)), fingerprint: 'ab'.repeat(16), ruleId: 'jwt', title: 'JSON Web Token', site: 'app.example.test', where: 'https://app.example.test/ [key auth.session]', addedAt: '2025-03-01T10:00:00.000Z' },
    { kind: 'rule', id: ignoreRuleId('app.example.test', 'firebase-api-key'), ruleId: 'firebase-api-key', title: 'Firebase web API key', site: 'app.example.test', addedAt: '2025-03-01T11:00:00.000Z' },
  ];

  it('lists ignored findings and rules, newest first, and removes one', async () => {
    const connector = await mount({ ignored: entries });
    const ignored = section('ignored');
    const rows = [...ignored.querySelectorAll('tbody tr')].map(text);
    expect(rows[0]).toMatch(/^every firebase-api-key finding ?ignored from “Firebase web API key” ?app\.example\.test/);
    expect(rows[1]).toMatch(/^JSON Web Token ?this finding: https:\/\/app\.example\.test\/ \[key auth\.session\] ?app\.example\.test/);
    await click(button('Stop ignoring JSON Web Token on app.example.test', ignored));
    expect(connector.called('unignore')).toEqual([[entries[0]!.id]]);
    expect(ignored.querySelectorAll('tbody tr')).toHaveLength(1);
    expect(text(ignored.querySelector('.status'))).toBe('JSON Web Token is shown again.');
  });

  it('explains an empty ignore list', async () => {
    await mount();
    expect(text(section('ignored'))).toMatch(/Nothing is ignored/);
  });

  it('explains where findings live and clears them all', async () => {
    const connector = await mount();
    const data = section('data');
    expect(text(data)).toMatch(/Findings are kept in session storage only/);
    expect(text(data)).toMatch(/Now in memory: 9 findings from 2 tabs/);
    await click(button('Clear all findings', data));
    expect(connector.called('clearFindings')).toHaveLength(1);
    expect(text(data)).toMatch(/Now in memory: 0 findings from 0 tabs/);
    expect(text(data.querySelector('.status'))).toBe('Every stored finding was cleared.');
  });
});
