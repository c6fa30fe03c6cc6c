/**
 * The settings contract shared by the background (which owns and enforces them), the options page and
 * the popup: types, host patterns and the scope and ignore decisions, all pure. The parts that need
 * the rule registry (categories, custom rules compiled into a scanner) are in
 * src/background/settings.ts, so extension pages do not bundle every rule.
 */
import type { CustomRuleSpec } from '../engine/custom-rules.ts';
import type { Finding } from './finding.ts';

/** The folders of src/engine/rules/ (see RULE_CATEGORIES); validated against the registry in the background. */
export type RuleCategoryId = string;

export type ScopeMode = 'all' | 'listed';

export interface ScopeSettings {
  /** 'all': every site (the default); 'listed': only the sites in `include`. */
  mode: ScopeMode;
  /** Host patterns: `app.example.com`, `*.example.com` (the domain and every subdomain). */
  include: string[];
  /** Never scanned, whatever the mode. */
  exclude: string[];
}

interface IgnoreEntryBase {
  /** `finding:<fingerprint>` or `rule:<site>:<ruleId>`: unique, used to remove it. */
  id: string;
  ruleId: string;
  title: string;
  /** Host of the top-level page where it was ignored. */
  site: string;
  addedAt: string;
}
/** One finding (by fingerprint: this value at this place), wherever it shows up again. */
export interface IgnoredFinding extends IgnoreEntryBase {
  kind: 'finding';
  fingerprint: string;
  /** Redacted location, for the options page list. */
  where: string;
}
/** Every finding of one rule on one site. */
export interface IgnoredRule extends IgnoreEntryBase {
  kind: 'rule';
}
export type IgnoreEntry = IgnoredFinding | IgnoredRule;

export interface Settings {
  version: 1;
  scope: ScopeSettings;
  disabledCategories: RuleCategoryId[];
  customRules: CustomRuleSpec[];
  ignored: IgnoreEntry[];
}

export const SETTINGS_KEY = 'settings';

export const SETTINGS_LIMITS = {
  maxSitePatterns: 200,
  maxSitePatternLength: 253,
  maxIgnored: 1000,
  maxTextLength: 300,
} as const;

export function defaultSettings(): Settings {
  return { version: 1, scope: { mode: 'all', include: [], exclude: [] }, disabledCategories: [], customRules: [], ignored: [] };
}

// --- Site patterns -------------------------------------------------------------------------------

const HOST_LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
const HOST_PATTERN = new RegExp(`^(?:\\*\\.)?(?:${HOST_LABEL}\\.){0,126}${HOST_LABEL}$`);
const IPV6_HOST = /^\[[0-9a-f:.]{2,45}\]$/;

export type Normalized = { ok: true; value: string } | { ok: false; error: string };

/**
 * `https://App.Example.com/path` → `app.example.com`; `*.example.com` stays; anything that is not a
 * host name, an IP address or `*.` + a host name is refused with the reason.
 */
export function normalizeSitePattern(input: string): Normalized {
  let text = input.trim().toLowerCase();
  if (!text) return { ok: false, error: 'empty' };
  if (text.length > SETTINGS_LIMITS.maxSitePatternLength) return { ok: false, error: 'too long' };
  if (/^[a-z][a-z0-9+.-]*:\/\//.test(text)) {
    try {
      text = new URL(text).hostname;
    } catch {
      return { ok: false, error: `"${input.trim()}" is not a valid URL` };
    }
  } else {
    // `example.com/path` or `example.com:8443`: the host part is what matters.
    text = text.replace(/[/?#].*$/, '');
    if (!text.startsWith('[')) text = text.replace(/:\d{1,5}$/, '');
  }
  text = text.replace(/\.$/, '');
  if (text === '*' || text === '*.') return { ok: false, error: 'use "Every site" instead of "*"' };
  if (IPV6_HOST.test(text) || HOST_PATTERN.test(text)) return { ok: true, value: text };
  return { ok: false, error: `"${input.trim()}" is not a host name or *.domain pattern` };
}

/** `*.example.com` matches example.com and every subdomain; anything else matches exactly. */
export function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) {
    const domain = pattern.slice(2);
    return host === domain || host.endsWith(`.${domain}`);
  }
  return host === pattern;
}

/** The host a URL belongs to for scope and "this site" decisions; undefined for non-web URLs. */
export function siteOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    if (!/^(?:https?|wss?):$/.test(parsed.protocol)) return undefined;
    return parsed.hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** Whether a top-level page at `url` may be scanned. Non-web pages (chrome://, about:) never are. */
export function isInScope(url: string, settings: Pick<Settings, 'scope'>): boolean {
  const host = siteOf(url);
  if (host === undefined) return false;
  return isSiteInScope(host, settings);
}

export function isSiteInScope(host: string, { scope }: Pick<Settings, 'scope'>): boolean {
  if (scope.exclude.some((pattern) => hostMatches(host, pattern))) return false;
  if (scope.mode === 'all') return true;
  return scope.include.some((pattern) => hostMatches(host, pattern));
}

/** True when every site is scanned: then a tab whose page is not known yet may be scanned too. */
export function isScopeUnrestricted({ scope }: Pick<Settings, 'scope'>): boolean {
  return scope.mode === 'all' && scope.exclude.length === 0;
}

/**
 * Settings after "bring this site into scope": listed mode gets the host added; any exclude pattern
 * that matches it is removed. The result is in scope by construction.
 */
export function withSiteIncluded(settings: Settings, host: string): Settings {
  const scope: ScopeSettings = {
    mode: settings.scope.mode,
    include: [...settings.scope.include],
    exclude: settings.scope.exclude.filter((pattern) => !hostMatches(host, pattern)),
  };
  if (scope.mode === 'listed' && !scope.include.some((pattern) => hostMatches(host, pattern))) scope.include.push(host);
  return { ...settings, scope };
}

// --- Ignore list ---------------------------------------------------------------------------------

export function ignoreFindingId(fingerprint: string): string {
  return `finding:${fingerprint}`;
}

export function ignoreRuleId(site: string, ruleId: string): string {
  return `rule:${site}:${ruleId}`;
}

interface IgnoreIndex {
  byFingerprint: Map<string, IgnoreEntry>;
  /** `site\u0000ruleId` → entry */
  byRuleOnSite: Map<string, IgnoreEntry>;
}

/** Built once per ignore list: badges and reports ask about every stored finding on every change. */
const ignoreIndexes = new WeakMap<readonly IgnoreEntry[], IgnoreIndex>();

function ignoreIndex(ignored: readonly IgnoreEntry[]): IgnoreIndex {
  let index = ignoreIndexes.get(ignored);
  if (!index) {
    index = { byFingerprint: new Map(), byRuleOnSite: new Map() };
    for (const entry of ignored) {
      if (entry.kind === 'finding') index.byFingerprint.set(entry.fingerprint, entry);
      else index.byRuleOnSite.set(`${entry.site}\u0000${entry.ruleId}`, entry);
    }
    ignoreIndexes.set(ignored, index);
  }
  return index;
}

/**
 * The entry that hides `finding` on `site` (the host of the top-level page it was seen on; defaults
 * to the finding's own page), or undefined when it is shown.
 */
export function isIgnored(finding: Pick<Finding, 'fingerprint' | 'ruleId' | 'pageUrl'>, settings: Pick<Settings, 'ignored'>, site = siteOf(finding.pageUrl)): IgnoreEntry | undefined {
  const index = ignoreIndex(settings.ignored);
  return index.byFingerprint.get(finding.fingerprint) ?? (site === undefined ? undefined : index.byRuleOnSite.get(`${site}\u0000${finding.ruleId}`));
}

// --- Validation ----------------------------------------------------------------------------------

export type Validated<T> = { ok: true; value: T } | { ok: false; error: string };

export function validateScope(input: unknown): Validated<ScopeSettings> {
  if (input === null || typeof input !== 'object') return { ok: false, error: 'scope must be an object' };
  const raw = input as Record<string, unknown>;
  if (raw.mode !== 'all' && raw.mode !== 'listed') return { ok: false, error: 'scope mode must be "all" or "listed"' };
  const lists: Record<'include' | 'exclude', string[]> = { include: [], exclude: [] };
  for (const name of ['include', 'exclude'] as const) {
    const list = raw[name];
    if (!Array.isArray(list)) return { ok: false, error: `${name} must be a list` };
    if (list.length > SETTINGS_LIMITS.maxSitePatterns) return { ok: false, error: `at most ${SETTINGS_LIMITS.maxSitePatterns} ${name} patterns` };
    for (const item of list) {
      if (typeof item !== 'string') return { ok: false, error: `${name} patterns must be strings` };
      const normalized = normalizeSitePattern(item);
      if (!normalized.ok) return { ok: false, error: `${name}: ${normalized.error}` };
      if (!lists[name].includes(normalized.value)) lists[name].push(normalized.value);
    }
  }
  if (raw.mode === 'listed' && lists.include.length === 0) {
    return { ok: false, error: 'list at least one site to scan, or choose "Every site"' };
  }
  return { ok: true, value: { mode: raw.mode, include: lists.include, exclude: lists.exclude } };
}
