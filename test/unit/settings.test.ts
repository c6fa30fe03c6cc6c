/** Settings decisions (scope, ignore list, rules) and the in-memory cache with storage.onChanged invalidation. */
import { describe, expect, it } from 'vitest';
import {
  activeRules,
  defaultSettings,
  enabledRuleIds,
  hostMatches,
  ignoreFindingId,
  ignoreRuleId,
  isIgnored,
  isInScope,
  isReported,
  isRuleEnabled,
  isScopeUnrestricted,
  normalizeSitePattern,
  parseSettings,
  RULE_CATEGORY_IDS,
  SETTINGS_KEY,
  SettingsStore,
  siteOf,
  validateCategories,
  validateCustomRules,
  validateScope,
  withIgnoreEntry,
  withoutIgnoreEntry,
  withSiteIncluded,
  type IgnoreEntry,
  type Settings,
} from '../../src/background/settings.ts';
import { RULE_CATEGORIES } from '../../src/engine/rules/index.ts';
import type { Finding } from '../../src/shared/finding.ts';

const settingsWith = (overrides: Partial<Settings>): Settings => ({ ...defaultSettings(), ...overrides });
const listed = (include: string[], exclude: string[] = []) => settingsWith({ scope: { mode: 'listed', include, exclude } });

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  ruleId: 'jwt',
  title: 'JSON Web Token',
  severity: 'high',
  source: 'local-storage',
  location: { url: 'https://app.example.com/', keyPath: 'auth' },
  preview: 'eyJ…abcd (200 chars)',
  fingerprint: '0123456789abcdef0123456789abcdef',
  secretHash: 'f'.repeat(32),
  exposure: 'secret',
  verification: 'verified',
  description: 'd',
  remediation: 'r',
  pageUrl: 'https://app.example.com/',
  ...overrides,
});

const ruleEntry = (site: string, ruleId: string): IgnoreEntry => ({ kind: 'rule', id: ignoreRuleId(site, ruleId), ruleId, title: 't', site, addedAt: '2025-01-01T00:00:00.000Z' });
const findingEntry = (fingerprint: string): IgnoreEntry => ({
  kind: 'finding',
  id: ignoreFindingId(fingerprint),
  fingerprint,
  ruleId: 'jwt',
  title: 't',
  site: 'app.example.com',
  where: 'https://app.example.com/ [key auth]',
  addedAt: '2025-01-01T00:00:00.000Z',
});

describe('site patterns', () => {
  it.each([
    ['app.example.com', 'app.example.com'],
    ['  App.Example.COM ', 'app.example.com'],
    ['https://app.example.com:8443/path?q=1', 'app.example.com'],
    ['app.example.com/dashboard', 'app.example.com'],
    ['app.example.com:8443', 'app.example.com'],
    ['*.example.com', '*.example.com'],
    ['localhost', 'localhost'],
    ['127.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['example.com.', 'example.com'],
  ])('%s → %s', (input, expected) => {
    expect(normalizeSitePattern(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['', '*', '*.', 'exa mple.com', 'app.*.com', '-bad-.com', 'a..b', 'http://', `${'a'.repeat(64)}.com`, 'x'.repeat(300)])('refuses %j', (input) => {
    expect(normalizeSitePattern(input).ok).toBe(false);
  });

  it('*.domain matches the domain and its subdomains, not look-alikes', () => {
    expect(hostMatches('example.com', '*.example.com')).toBe(true);
    expect(hostMatches('a.b.example.com', '*.example.com')).toBe(true);
    expect(hostMatches('badexample.com', '*.example.com')).toBe(false);
    expect(hostMatches('example.com.evil.test', '*.example.com')).toBe(false);
    expect(hostMatches('app.example.com', 'example.com')).toBe(false);
  });

  it('siteOf takes hosts of web URLs only', () => {
    expect(siteOf('https://App.Example.com:8443/x')).toBe('app.example.com');
    expect(siteOf('wss://api.example.com/ws')).toBe('api.example.com');
    expect(siteOf('chrome://extensions/')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
    expect(siteOf(undefined)).toBeUndefined();
  });
});

describe('isInScope', () => {
  it('scans every web site by default, never non-web pages', () => {
    expect(isInScope('https://anything.test/', defaultSettings())).toBe(true);
    expect(isInScope('http://10.0.0.1:8080/', defaultSettings())).toBe(true);
    expect(isInScope('chrome://newtab/', defaultSettings())).toBe(false);
    expect(isInScope('file:///tmp/x.html', defaultSettings())).toBe(false);
    expect(isScopeUnrestricted(defaultSettings())).toBe(true);
  });

  it('listed mode scans only the listed sites', () => {
    const settings = listed(['*.example.com', 'localhost']);
    expect(isInScope('https://app.example.com/', settings)).toBe(true);
    expect(isInScope('http://localhost:3000/', settings)).toBe(true);
    expect(isInScope('https://app.leaklens.test/', settings)).toBe(false);
    expect(isScopeUnrestricted(settings)).toBe(false);
  });

  it('the exclude list wins over both modes', () => {
    const all = settingsWith({ scope: { mode: 'all', include: [], exclude: ['bank.example.com'] } });
    expect(isInScope('https://bank.example.com/', all)).toBe(false);
    expect(isInScope('https://app.example.com/', all)).toBe(true);
    expect(isScopeUnrestricted(all)).toBe(false);
    expect(isInScope('https://bank.example.com/', listed(['*.example.com'], ['bank.example.com']))).toBe(false);
  });

  it('"bring this site into scope" adds it in listed mode and lifts matching excludes', () => {
    const before = listed(['other.test'], ['*.example.com']);
    const after = withSiteIncluded(before, 'app.example.com');
    expect(isInScope('https://app.example.com/', after)).toBe(true);
    expect(after.scope).toEqual({ mode: 'listed', include: ['other.test', 'app.example.com'], exclude: [] });
    expect(withSiteIncluded(after, 'app.example.com').scope.include).toEqual(['other.test', 'app.example.com']);
    const all = withSiteIncluded(settingsWith({ scope: { mode: 'all', include: [], exclude: ['app.example.com'] } }), 'app.example.com');
    expect(all.scope).toEqual({ mode: 'all', include: [], exclude: [] });
  });
});

describe('isIgnored', () => {
  it('matches a finding by fingerprint, wherever it shows up', () => {
    const settings = settingsWith({ ignored: [findingEntry('0123456789abcdef0123456789abcdef')] });
    expect(isIgnored(finding(), settings)?.kind).toBe('finding');
    expect(isIgnored(finding({ fingerprint: 'ffffffffffffffffffffffffffffffff' }), settings)).toBeUndefined();
  });

  it('matches a rule only on its site (the top-level page), not elsewhere', () => {
    const settings = settingsWith({ ignored: [ruleEntry('app.example.com', 'jwt')] });
    expect(isIgnored(finding(), settings)?.kind).toBe('rule');
    expect(isIgnored(finding({ pageUrl: 'https://other.example.com/' }), settings)).toBeUndefined();
    expect(isIgnored(finding({ ruleId: 'aws-access-key-id' }), settings)).toBeUndefined();
    // The site given explicitly (the tab's page) wins over the finding's own.
    expect(isIgnored(finding({ pageUrl: undefined }), settings, 'app.example.com')?.kind).toBe('rule');
  });

  it('adding is idempotent, removing is by id', () => {
    let settings = withIgnoreEntry(defaultSettings(), ruleEntry('a.test', 'jwt'));
    settings = withIgnoreEntry(settings, ruleEntry('a.test', 'jwt'));
    expect(settings.ignored).toHaveLength(1);
    settings = withoutIgnoreEntry(settings, ignoreRuleId('a.test', 'jwt'));
    expect(settings.ignored).toEqual([]);
  });
});

describe('rules', () => {
  it('categories are the rule folders', () => {
    expect(RULE_CATEGORY_IDS).toEqual(Object.keys(RULE_CATEGORIES));
    expect(RULE_CATEGORY_IDS).toContain('payment');
  });

  it('a disabled category switches its rules off, nothing else; inspector rules are always on', () => {
    const paymentRule = RULE_CATEGORIES.payment[0]!.id;
    const keysRule = RULE_CATEGORIES.keys[0]!.id;
    const settings = settingsWith({ disabledCategories: ['payment'] });
    expect(isRuleEnabled(paymentRule, settings)).toBe(false);
    expect(isRuleEnabled(keysRule, settings)).toBe(true);
    expect(isRuleEnabled('url-credential-parameter', settings)).toBe(true);
    const enabled = enabledRuleIds(settings);
    expect(enabled.has(paymentRule)).toBe(false);
    expect(enabled.has(keysRule)).toBe(true);
    expect(activeRules(settings)!.some((rule) => rule.id === paymentRule)).toBe(false);
  });

  it('no scanner rebuild is needed for default settings; custom rules come after the built-ins', () => {
    expect(activeRules(defaultSettings())).toBeUndefined();
    const custom = { id: 'custom-acme', title: 'Acme', pattern: 'acmk_[a-z]{8}', caseInsensitive: false, keywords: ['acmk_'], severity: 'high' as const };
    const rules = activeRules(settingsWith({ customRules: [custom] }))!;
    expect(rules.at(-1)!.id).toBe('custom-acme');
    expect(isRuleEnabled('custom-acme', settingsWith({ customRules: [custom] }))).toBe(true);
    expect(isRuleEnabled('custom-acme', defaultSettings())).toBe(false); // deleted rule: its findings go
  });

  it('isReported combines rules and the ignore list', () => {
    expect(isReported(finding(), defaultSettings())).toBe(true);
    expect(isReported(finding(), settingsWith({ ignored: [ruleEntry('app.example.com', 'jwt')] }))).toBe(false);
    expect(isReported(finding({ ruleId: RULE_CATEGORIES.jwt[0]!.id }), settingsWith({ disabledCategories: ['jwt'] }))).toBe(false);
  });
});

describe('validation', () => {
  it('validateScope normalises patterns and refuses a listed mode with nothing listed', () => {
    expect(validateScope({ mode: 'listed', include: ['https://App.example.com/', '*.b.test', '*.b.test'], exclude: [] })).toEqual({
      ok: true,
      value: { mode: 'listed', include: ['app.example.com', '*.b.test'], exclude: [] },
    });
    expect(validateScope({ mode: 'listed', include: [], exclude: [] }).ok).toBe(false);
    expect(validateScope({ mode: 'some', include: [], exclude: [] }).ok).toBe(false);
    expect(validateScope({ mode: 'all', include: [], exclude: ['not a host'] })).toMatchObject({ ok: false, error: expect.stringMatching(/exclude/) });
    expect(validateScope({ mode: 'all', include: Array.from({ length: 201 }, (_, i) => `s${i}.test`), exclude: [] }).ok).toBe(false);
  });

  it('validateCategories refuses unknown categories', () => {
    expect(validateCategories(['payment', 'payment'])).toEqual({ ok: true, value: ['payment'] });
    expect(validateCategories(['payment', 'nope']).ok).toBe(false);
  });

  it('validateCustomRules refuses unsafe patterns and de-duplicates ids', () => {
    const rule = { title: 'Acme', pattern: 'acmk_[a-z]{8}', caseInsensitive: false, keywords: ['acmk_'], severity: 'high' };
    const checked = validateCustomRules([rule, rule]);
    expect(checked.ok && checked.value.map((r) => r.id)).toEqual(['custom-acme', 'custom-acme-2']);
    expect(validateCustomRules([{ ...rule, pattern: 'acmk_.*' }])).toMatchObject({ ok: false, error: expect.stringMatching(/^pattern: unbounded/) });
    expect(validateCustomRules(Array.from({ length: 51 }, () => rule)).ok).toBe(false);
  });

  it('parseSettings keeps what is valid and defaults the rest, piece by piece', () => {
    const parsed = parseSettings({
      scope: { mode: 'listed', include: [], exclude: [] }, // invalid → default scope
      disabledCategories: ['payment', 'bogus'],
      customRules: [{ title: 'bad', pattern: '.*', keywords: ['abc'], severity: 'high' }],
      ignored: [findingEntry('0123456789abcdef0123456789abcdef'), { kind: 'finding', fingerprint: 'not-hex' }, 'junk'],
    });
    expect(parsed.scope).toEqual(defaultSettings().scope);
    expect(parsed.disabledCategories).toEqual(['payment']);
    expect(parsed.customRules).toEqual([]);
    expect(parsed.ignored.map((entry) => entry.id)).toEqual([ignoreFindingId('0123456789abcdef0123456789abcdef')]);
    expect(parseSettings('garbage')).toEqual(defaultSettings());
  });
});

describe('SettingsStore', () => {
  function localArea(initial: Record<string, unknown> = {}) {
    const data = { ...initial };
    return {
      data,
      get: async (key: string) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: async (items: Record<string, unknown>) => void Object.assign(data, structuredClone(items)),
    };
  }

  it('loads, answers synchronously from memory, and writes through', async () => {
    const area = localArea({ [SETTINGS_KEY]: listed(['a.test']) });
    const store = new SettingsStore(area);
    expect(store.isReady()).toBe(false);
    expect(store.current()).toEqual(defaultSettings()); // until loaded
    await store.ready;
    expect(store.isReady()).toBe(true);
    expect(store.current().scope.include).toEqual(['a.test']);
    await store.update((settings) => withIgnoreEntry(settings, ruleEntry('a.test', 'jwt')));
    expect((area.data[SETTINGS_KEY] as Settings).ignored).toHaveLength(1);
  });

  it('serializes concurrent updates so none is lost', async () => {
    const store = new SettingsStore(localArea());
    await Promise.all(['a', 'b', 'c', 'd'].map((site) => store.update((settings) => withIgnoreEntry(settings, ruleEntry(`${site}.test`, 'jwt')))));
    expect(store.current().ignored.map((entry) => entry.site).sort()).toEqual(['a.test', 'b.test', 'c.test', 'd.test']);
  });

  it('is invalidated by storage.onChanged from another context, notifying only on real change', async () => {
    const store = new SettingsStore(localArea());
    await store.ready;
    const seen: Settings[] = [];
    store.subscribe((settings) => seen.push(settings));
    store.handleStorageChange({ [SETTINGS_KEY]: { newValue: listed(['b.test']) } }, 'local');
    expect(store.current().scope.mode).toBe('listed');
    store.handleStorageChange({ [SETTINGS_KEY]: { newValue: listed(['b.test']) } }, 'local');
    store.handleStorageChange({ [SETTINGS_KEY]: { newValue: listed(['c.test']) } }, 'session');
    store.handleStorageChange({ other: { newValue: 1 } }, 'local');
    expect(seen).toHaveLength(1);
  });
});
