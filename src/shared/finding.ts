/**
 * The finding contract (DESIGN.md "Contracts"). Everything that leaves the engine — storage, messages,
 * reports, logs — carries this shape, which by construction holds no raw secret: only a masked preview,
 * a fingerprint and a truncated SHA-256 of the value.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Lower rank = more severe. */
export function severityRank(severity: Severity): number {
  return SEVERITIES.indexOf(severity);
}

export function atLeast(severity: Severity, threshold: Severity): boolean {
  return severityRank(severity) <= severityRank(threshold);
}

export const FINDING_SOURCES = [
  'request-url',
  'request-body',
  'request-header',
  'referer',
  'websocket',
  'cleartext',
  'mixed-content',
  'local-storage',
  'session-storage',
  'cookie',
  'indexeddb',
  'inline-script',
  'script',
  'source-map',
  'window-global',
  'dom',
  'response-body',
  'file',
] as const;
export type FindingSource = (typeof FINDING_SOURCES)[number];

/**
 * What kind of thing a rule's match is. Severity depends on it: a public-by-design key is not a leak,
 * a test key or a documented example never rates above low.
 */
export type Exposure = 'secret' | 'public-by-design' | 'test' | 'example' | 'identifier';

/**
 * How sure we are: 'verified' means an offline structure check passed (checksum, decodable JWT, PEM
 * parse, AWS key-id layout); 'pattern' means the text only matched the rule's pattern.
 */
export type Verification = 'verified' | 'pattern';

export interface FindingLocation {
  /** Page or resource URL the text came from (request URL, script URL, page URL). */
  url?: string;
  /** File path for CLI scans. */
  file?: string;
  /** 1-based line and column of the secret's first character in the scanned text. */
  line?: number;
  column?: number;
  /** Storage key, cookie name, global variable path, DOM selector… */
  keyPath?: string;
  /** JSONPath of the value inside a JSON document (a storage value, a body), e.g. `$.user.accessToken`. */
  jsonPath?: string;
  /** Header name for header findings. */
  header?: string;
  /** Query/fragment/body parameter name. */
  parameter?: string;
  /** Original source file and position when a source map resolved the location. */
  originalFile?: string;
  originalLine?: number;
  originalColumn?: number;
}

/** Facts a validator established, shown to the user (never secret material). */
export type FindingDetails = Record<string, string | number | boolean>;

export interface Finding {
  ruleId: string;
  title: string;
  severity: Severity;
  source: FindingSource;
  location: FindingLocation;
  /** Masked value, e.g. `sk_live_…Xb9Q` — enough to recognise, not enough to use. */
  preview: string;
  /** Stable identity for de-duplication: rule + where + the value, hashed. Never the raw value. */
  fingerprint: string;
  /** First 32 hex characters of SHA-256(raw value as UTF-8). */
  secretHash: string;
  exposure: Exposure;
  verification: Verification;
  /** Why it matters, in one or two sentences. */
  description: string;
  /** How to fix it. */
  remediation: string;
  details?: FindingDetails;
  /** Set by the store: when and how often it was seen. ISO-8601 timestamps. */
  firstSeen?: string;
  lastSeen?: string;
  count?: number;
  /** Set by the extension: the tab and top-level page where it was seen. */
  tabId?: number;
  pageUrl?: string;
  /** Set when the data came from the page's MAIN world, which the page can tamper with. */
  reportedByPage?: boolean;
}
