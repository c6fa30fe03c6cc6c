/**
 * The user's settings: scope (which sites are scanned), rule categories, custom rules and the ignore
 * list. They live in `storage.local` so they survive restarts; findings and raw values never do (the
 * ignore list keeps fingerprints, rule ids, titles and redacted locations only).
 *
 * Decisions are pure functions of (input, settings) so they are easy to test and reuse. The
 * background keeps a compiled copy in memory, invalidated by `storage.onChanged`, because webRequest
 * observers must decide synchronously whether a tab is in scope.
 */
import type { Finding } from '../shared/finding.ts';
import {
  defaultSettings,
  ignoreFindingId,
  ignoreRuleId,
  isIgnored,
  validateScope,
  type Validated,
  SETTINGS_KEY,
  SETTINGS_LIMITS,
  siteOf,
  type IgnoreEntry,
  type RuleCategoryId,
  type Settings,
} from '../shared/settings.ts';
import { RULE_CATEGORIES } from '../engine/rules/index.ts';
import { compileCustomRule, CUSTOM_RULE_LIMITS, customRuleId, validateCustomRule, type CustomRuleSpec } from '../engine/custom-rules.ts';
import type { Rule } from '../engine/types.ts';

// The pure decisions and types live in the shared contract (extension pages use them too).
export * from '../shared/settings.ts';

export const RULE_CATEGORY_IDS = Object.keys(RULE_CATEGORIES) as (keyof typeof RULE_CATEGORIES)[];

// --- Rules ---------------------------------------------------------------------------------------

const CATEGORY_OF_RULE = new Map<string, RuleCategoryId>(
  RULE_CATEGORY_IDS.flatMap((category) => RULE_CATEGORIES[category].map((rule) => [rule.id, category] as const)),
);

export interface CategorySummary {
  id: string;
  rules: number;
  /** A few provider names, so "saas" means something on the options page. */
  providers: string[];
  /** How many providers the category covers in all. */
  providerCount: number;
}

export function categorySummaries(): CategorySummary[] {
  return RULE_CATEGORY_IDS.map((id) => {
    const rules = RULE_CATEGORIES[id];
    const providers = [...new Set(rules.map((rule) => rule.provider))];
    return { id, rules: rules.length, providers: providers.slice(0, 8), providerCount: providers.length };
  });
}

/** Built-in rules of disabled categories are off; custom rules are on while they exist; inspectors always. */
export function isRuleEnabled(ruleId: string, settings: Pick<Settings, 'disabledCategories' | 'customRules'>): boolean {
  if (ruleId.startsWith('custom-')) return settings.customRules.some((rule) => rule.id === ruleId);
  const category = CATEGORY_OF_RULE.get(ruleId);
  return category === undefined || !settings.disabledCategories.includes(category);
}

/** The ids of every enabled built-in and custom rule (inspector rules are not in categories: always on). */
export function enabledRuleIds(settings: Pick<Settings, 'disabledCategories' | 'customRules'>): Set<string> {
  const ids = new Set<string>();
  for (const category of RULE_CATEGORY_IDS) {
    if (settings.disabledCategories.includes(category)) continue;
    for (const rule of RULE_CATEGORIES[category]) ids.add(rule.id);
  }
  for (const rule of settings.customRules) ids.add(rule.id);
  return ids;
}

/** The rule list a scanner should be built from; undefined when it is exactly the built-in registry. */
export function activeRules(settings: Pick<Settings, 'disabledCategories' | 'customRules'>): Rule[] | undefined {
  if (settings.disabledCategories.length === 0 && settings.customRules.length === 0) return undefined;
  const builtIn = RULE_CATEGORY_IDS.filter((category) => !settings.disabledCategories.includes(category)).flatMap((category) => [...RULE_CATEGORIES[category]]);
  // After the built-ins: on the very same span a built-in rule (with its validator) wins a tie.
  return [...builtIn, ...settings.customRules.map(compileCustomRule)];
}

/** Whether a stored finding is shown and counted: not ignored, and its rule still enabled. */
export function isReported(finding: Finding, settings: Settings, site?: string): boolean {
  return isRuleEnabled(finding.ruleId, settings) && isIgnored(finding, settings, site ?? siteOf(finding.pageUrl)) === undefined;
}

// --- Validation ----------------------------------------------------------------------------------

function boundedText(value: unknown, max: number = SETTINGS_LIMITS.maxTextLength): string | undefined {
  return typeof value === 'string' && value.length <= max ? value : undefined;
}

export function validateCategories(input: unknown): Validated<RuleCategoryId[]> {
  if (!Array.isArray(input)) return { ok: false, error: 'disabled categories must be a list' };
  const known = input.filter((item): item is RuleCategoryId => typeof item === 'string' && (RULE_CATEGORY_IDS as string[]).includes(item));
  if (known.length !== input.length) return { ok: false, error: 'unknown rule category' };
  return { ok: true, value: [...new Set(known)] };
}

export function validateCustomRules(input: unknown): Validated<CustomRuleSpec[]> {
  if (!Array.isArray(input)) return { ok: false, error: 'custom rules must be a list' };
  if (input.length > CUSTOM_RULE_LIMITS.maxRules) return { ok: false, error: `at most ${CUSTOM_RULE_LIMITS.maxRules} custom rules` };
  const rules: CustomRuleSpec[] = [];
  for (const item of input) {
    const checked = validateCustomRule(item);
    if (!checked.ok) return { ok: false, error: `${checked.field ? `${checked.field}: ` : ''}${checked.error}` };
    const taken = rules.map((rule) => rule.id);
    const id = taken.includes(checked.value.id) ? customRuleId(checked.value.title, taken) : checked.value.id;
    rules.push({ ...checked.value, id });
  }
  return { ok: true, value: rules };
}

function parseIgnoreEntry(input: unknown): IgnoreEntry | undefined {
  if (input === null || typeof input !== 'object') return undefined;
  const raw = input as Record<string, unknown>;
  const ruleId = boundedText(raw.ruleId, 100);
  const title = boundedText(raw.title);
  const site = boundedText(raw.site, SETTINGS_LIMITS.maxSitePatternLength);
  const addedAt = boundedText(raw.addedAt, 40);
  if (!ruleId || title === undefined || !site || !addedAt) return undefined;
  if (raw.kind === 'finding') {
    const fingerprint = typeof raw.fingerprint === 'string' && /^[0-9a-f]{8,64}$/.test(raw.fingerprint) ? raw.fingerprint : undefined;
    const where = boundedText(raw.where, 2000);
    if (!fingerprint || where === undefined) return undefined;
    return { kind: 'finding', id: ignoreFindingId(fingerprint), fingerprint, ruleId, title, site, where, addedAt };
  }
  if (raw.kind === 'rule') return { kind: 'rule', id: ignoreRuleId(site, ruleId), ruleId, title, site, addedAt };
  return undefined;
}

/**
 * Settings read from storage, made safe: anything malformed falls back to its default, piece by
 * piece, so one bad entry (an older version, a hand edit) never turns scanning off or breaks it.
 */
export function parseSettings(input: unknown): Settings {
  const settings = defaultSettings();
  if (input === null || typeof input !== 'object') return settings;
  const raw = input as Record<string, unknown>;
  const scope = validateScope(raw.scope);
  if (scope.ok) settings.scope = scope.value;
  if (Array.isArray(raw.disabledCategories)) {
    settings.disabledCategories = [...new Set(raw.disabledCategories.filter((item): item is RuleCategoryId => (RULE_CATEGORY_IDS as unknown[]).includes(item)))];
  }
  if (Array.isArray(raw.customRules)) {
    for (const item of raw.customRules.slice(0, CUSTOM_RULE_LIMITS.maxRules)) {
      const checked = validateCustomRule(item);
      if (checked.ok && !settings.customRules.some((rule) => rule.id === checked.value.id)) settings.customRules.push(checked.value);
    }
  }
  if (Array.isArray(raw.ignored)) {
    const seen = new Set<string>();
    for (const item of raw.ignored.slice(0, SETTINGS_LIMITS.maxIgnored)) {
      const entry = parseIgnoreEntry(item);
      if (entry && !seen.has(entry.id)) {
        seen.add(entry.id);
        settings.ignored.push(entry);
      }
    }
  }
  return settings;
}

/** Adds (or refreshes) an ignore entry; the oldest go when the list is full. */
export function withIgnoreEntry(settings: Settings, entry: IgnoreEntry): Settings {
  const ignored = settings.ignored.filter((existing) => existing.id !== entry.id);
  ignored.push(entry);
  return { ...settings, ignored: ignored.slice(-SETTINGS_LIMITS.maxIgnored) };
}

export function withoutIgnoreEntry(settings: Settings, id: string): Settings {
  return { ...settings, ignored: settings.ignored.filter((entry) => entry.id !== id) };
}

// --- The in-memory cache -------------------------------------------------------------------------

/** The subset of `storage.local` the settings need; tests pass a fake. */
export interface LocalAreaLike {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export type SettingsListener = (settings: Settings) => void;

/**
 * Settings held in memory for synchronous decisions, loaded once, written through, and refreshed when
 * `storage.onChanged` says another context changed them. Writes are serialized so two quick edits
 * (an ignore from the popup while the options page saves scope) do not overwrite each other.
 */
export class SettingsStore {
  private settings: Settings = defaultSettings();
  private loaded = false;
  private serialized = '';
  private queue: Promise<unknown> = Promise.resolve();
  private readonly listeners = new Set<SettingsListener>();
  readonly ready: Promise<void>;

  constructor(private readonly area: LocalAreaLike) {
    this.ready = this.area
      .get(SETTINGS_KEY)
      .then((stored) => this.accept(stored[SETTINGS_KEY]))
      .catch(() => undefined)
      .finally(() => {
        this.loaded = true;
      });
  }

  /** Settings with no storage behind them (tests, and a controller built without settings). */
  static inMemory(initial: Settings = defaultSettings()): SettingsStore {
    const data: Record<string, unknown> = { [SETTINGS_KEY]: structuredClone(initial) };
    return new SettingsStore({
      get: async (key) => (key in data ? { [key]: structuredClone(data[key]) } : {}),
      set: async (items) => void Object.assign(data, structuredClone(items)),
    });
  }

  isReady(): boolean {
    return this.loaded;
  }

  current(): Settings {
    return this.settings;
  }

  subscribe(listener: SettingsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Takes a new stored value; notifies only when it really changed. */
  private accept(value: unknown): void {
    const next = parseSettings(value);
    const serialized = JSON.stringify(next);
    if (serialized === this.serialized) return;
    this.serialized = serialized;
    this.settings = next;
    for (const listener of this.listeners) listener(next);
  }

  /** `storage.onChanged` listener body: another context (or this one) wrote the settings. */
  handleStorageChange(changes: Record<string, { newValue?: unknown }>, areaName: string): void {
    if (areaName !== 'local' || !(SETTINGS_KEY in changes)) return;
    this.accept(changes[SETTINGS_KEY]?.newValue);
  }

  /** Applies `change` to the latest settings and writes the result. */
  update(change: (settings: Settings) => Settings): Promise<Settings> {
    const run = this.queue.then(async () => {
      await this.ready;
      const next = parseSettings(change(structuredClone(this.settings)));
      await this.area.set({ [SETTINGS_KEY]: next });
      this.accept(next);
      return this.settings;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}
