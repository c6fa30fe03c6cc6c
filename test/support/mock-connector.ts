/**
 * A mock of the popup's connector with a tiny model of the background behind it (findings, ignore
 * list, scope), so component tests exercise real flows: ignore → gone, undo → back. Findings carry
 * masked previews only, as real ones do.
 */
import type { ActiveTab, PopupConnector } from '../../src/popup/connector.ts';
import type { Finding } from '../../src/shared/finding.ts';
import type { ReportFormat, TabState } from '../../src/shared/messages.ts';
import { ignoreFindingId, ignoreRuleId, type IgnoreEntry } from '../../src/shared/settings.ts';

let counter = 0;

export function makeFinding(overrides: Partial<Finding> = {}): Finding {
  counter += 1;
  return {
    ruleId: 'jwt',
    title: 'JSON Web Token',
    severity: 'high',
    source: 'local-storage',
    location: { url: 'https://app.example.test/', keyPath: 'auth.session', jsonPath: '$.accessToken' },
    preview: 'eyJ…Xb9Q (252 chars)',
    fingerprint: counter.toString(16).padStart(32, '0'),
    secretHash: 'a'.repeat(32),
    exposure: 'secret',
    verification: 'verified',
    description: 'A long-lived token in localStorage is readable by any script on the origin.',
    remediation: 'Keep session tokens in HttpOnly cookies; make access tokens short-lived.',
    firstSeen: '2025-03-01T10:00:00.000Z',
    lastSeen: '2025-03-01T10:05:00.000Z',
    count: 1,
    pageUrl: 'https://app.example.test/',
    ...overrides,
  };
}

/** The three foundation findings plus a page-reported one, in no particular order. */
export function foundationFindings(): Finding[] {
  return [
    makeFinding({
      ruleId: 'aws-access-key-id',
      title: 'AWS access key pair',
      severity: 'critical',
      source: 'script',
      location: { url: 'https://app.example.test/static/app.js', line: 14, column: 71 },
      preview: 'AKIA…YUQJ (20 chars)',
      verification: 'verified',
      details: { accountId: '123456789012', paired: true },
      description: 'An AWS secret key delivered to the browser gives anyone the account’s permissions.',
      remediation: 'Move the call server-side and rotate the key pair now.',
    }),
    makeFinding({ count: 3 }),
    makeFinding({
      ruleId: 'url-credential-parameter',
      title: 'Credential in a URL parameter',
      severity: 'high',
      source: 'request-url',
      location: { url: 'https://api.example.test/v1/profile?access_token=[redacted]', parameter: 'access_token' },
      preview: '…b9mf (40 chars)',
      verification: 'pattern',
      description: 'Tokens in URLs end up in logs, history and Referer headers.',
      remediation: 'Send tokens in the Authorization header, not the URL.',
    }),
    makeFinding({
      ruleId: 'firebase-api-key',
      title: 'Firebase web API key',
      severity: 'info',
      source: 'window-global',
      location: { url: 'https://app.example.test/', keyPath: 'window.firebaseConfig', jsonPath: '$.apiKey' },
      preview: 'AIza…3kQw (39 chars)',
      exposure: 'public-by-design',
      verification: 'pattern',
      reportedByPage: true,
      description: 'Public by design; safe only with API restrictions and App Check.',
      remediation: 'Restrict the key to your domains and APIs.',
    }),
  ];
}

export interface MockOptions {
  tab?: ActiveTab | undefined;
  findings?: Finding[];
  inScope?: boolean;
  site?: string | undefined;
  evicted?: number;
  skipped?: TabState['skipped'];
  pending?: number;
  disabledCategories?: string[];
  excludedBy?: string[];
}

export class MockConnector implements PopupConnector {
  readonly calls: [string, ...unknown[]][] = [];
  findings: Finding[];
  ignored: IgnoreEntry[] = [];
  inScope: boolean;
  readonly downloads: { fileName: string; mime: string; text: string }[] = [];
  private listeners: (() => void)[] = [];

  constructor(private readonly options: MockOptions = {}) {
    this.findings = options.findings ?? foundationFindings();
    this.inScope = options.inScope ?? true;
  }

  get site(): string | undefined {
    return 'site' in this.options ? this.options.site : 'app.example.test';
  }

  private entryFor(finding: Finding): IgnoreEntry | undefined {
    return this.ignored.find((entry) => (entry.kind === 'finding' ? entry.fingerprint === finding.fingerprint : entry.ruleId === finding.ruleId && entry.site === this.site));
  }

  async activeTab() {
    this.calls.push(['activeTab']);
    return 'tab' in this.options ? this.options.tab : { id: 7, url: 'https://app.example.test/' };
  }

  async tabState(tab: ActiveTab): Promise<TabState> {
    this.calls.push(['tabState', tab.id]);
    const visible = this.inScope ? this.findings.filter((finding) => !this.entryFor(finding)) : [];
    const ignored = this.inScope ? this.findings.flatMap((finding) => (this.entryFor(finding) ? [{ finding, entry: this.entryFor(finding)! }] : [])) : [];
    return {
      tabId: tab.id,
      ...(this.site ? { site: this.site } : {}),
      pageUrl: tab.url,
      inScope: this.inScope,
      excludedBy: this.options.excludedBy ?? [],
      findings: structuredClone(visible),
      ignored: structuredClone(ignored),
      evicted: this.options.evicted ?? 0,
      skipped: this.options.skipped ?? [],
      pending: this.options.pending ?? 0,
      disabledCategories: this.options.disabledCategories ?? [],
      customRules: 0,
    };
  }

  async report(format: ReportFormat, tabId?: number) {
    this.calls.push(['report', format, tabId]);
    return JSON.stringify({ format, tabId, findings: this.findings.filter((finding) => !this.entryFor(finding)).map((f) => f.ruleId) });
  }

  async ignore(kind: 'finding' | 'rule', tabId: number, fingerprint: string) {
    this.calls.push(['ignore', kind, tabId, fingerprint]);
    const finding = this.findings.find((candidate) => candidate.fingerprint === fingerprint);
    if (!finding) throw new Error('no such finding in this tab');
    const base = { ruleId: finding.ruleId, title: finding.title, site: this.site!, addedAt: '2025-03-01T10:06:00.000Z' };
    this.ignored.push(
      kind === 'finding'
        ? { ...base, kind, id: ignoreFindingId(fingerprint), fingerprint, where: 'somewhere' }
        : { ...base, kind, id: ignoreRuleId(this.site!, finding.ruleId) },
    );
  }

  async unignore(id: string) {
    this.calls.push(['unignore', id]);
    this.ignored = this.ignored.filter((entry) => entry.id !== id);
  }

  async includeSite(site: string) {
    this.calls.push(['includeSite', site]);
    this.inScope = true;
  }

  async reloadTab(tabId: number) {
    this.calls.push(['reloadTab', tabId]);
  }

  async openSource(url: string, line?: number, column?: number) {
    this.calls.push(['openSource', url, line, column]);
  }

  async copy(text: string) {
    this.calls.push(['copy', text]);
  }

  download(fileName: string, mime: string, text: string) {
    this.calls.push(['download', fileName, mime]);
    this.downloads.push({ fileName, mime, text });
  }

  async openOptions() {
    this.calls.push(['openOptions']);
  }

  onChange(tabId: number, listener: () => void) {
    this.calls.push(['onChange', tabId]);
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((candidate) => candidate !== listener);
    };
  }

  /** Simulates the background storing something new. */
  emitChange() {
    for (const listener of this.listeners) listener();
  }

  called(name: string): unknown[][] {
    return this.calls.filter(([call]) => call === name).map(([, ...args]) => args);
  }
}
