import { createHash, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  escapeMarkdownText,
  parseJsonReport,
  renderReport,
  RENDER_FORMATS,
  sortFindings,
  toJsonReport,
  toSarif,
  type ReportMeta,
} from '../../src/reports/index.ts';
import type { Finding, Severity } from '../../src/shared/finding.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = randomInt(index + 1);
    [copy[index], copy[other]] = [copy[other]!, copy[index]!];
  }
  return copy;
}

/** A raw value that must never reach a report; findings only carry its preview and hash. */
const RAW_SECRET = `sk_live_${random(ALNUM, 24)}`;
const secretHash = createHash('sha256').update(RAW_SECRET).digest('hex').slice(0, 32);

const META: ReportMeta = { version: '9.9.9', generatedAt: '2026-01-02T03:04:05.000Z', target: ['dist/'] };

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    ruleId: 'stripe-secret-key',
    title: 'Stripe secret key',
    severity: 'critical',
    source: 'file',
    location: { file: 'dist/app.js', line: 3, column: 14 },
    preview: `sk_live_…${RAW_SECRET.slice(-4)} (32 chars)`,
    fingerprint: 'f'.repeat(32),
    secretHash,
    exposure: 'secret',
    verification: 'pattern',
    description: 'A live Stripe secret key can move money.',
    remediation: 'Roll the key in the Stripe dashboard and call Stripe from your server.',
    ...overrides,
  };
}

const severities: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

describe('SARIF', () => {
  it('is a 2.1.0 log with one run and the leaklens driver', () => {
    const log = toSarif([finding()], META);
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const driver = log.runs[0].tool.driver;
    expect(driver.name).toBe('leaklens');
    expect(driver.version).toBe('9.9.9');
    expect(driver.informationUri).toMatch(/^https:\/\//);
  });

  it('maps severities to levels: error for critical/high, warning for medium, note for low/info', () => {
    const findings = severities.map((severity, index) =>
      finding({ severity, ruleId: `rule-${severity}`, fingerprint: String(index).repeat(32) }),
    );
    const results = toSarif(findings, META).runs[0].results;
    const levelByRule = Object.fromEntries(results.map((result) => [result.ruleId, result.level]));
    expect(levelByRule).toEqual({
      'rule-critical': 'error',
      'rule-high': 'error',
      'rule-medium': 'warning',
      'rule-low': 'note',
      'rule-info': 'note',
    });
  });

  it('has one rules entry per rule with descriptions and help, and ruleIndex points at it', () => {
    const log = toSarif(
      [finding(), finding({ fingerprint: 'a'.repeat(32), location: { file: 'b.js', line: 1 } }), finding({ ruleId: 'aws-access-key-id', title: 'AWS access key ID', severity: 'medium', fingerprint: 'b'.repeat(32) })],
      META,
    );
    const run = log.runs[0];
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(['aws-access-key-id', 'stripe-secret-key']);
    const stripe = run.tool.driver.rules[1]!;
    expect(stripe.shortDescription.text).toBe('Stripe secret key');
    expect(stripe.fullDescription.text).toContain('move money');
    expect(stripe.help.text).toContain('Roll the key');
    expect(stripe.help.markdown).toContain('Roll the key');
    expect(stripe.defaultConfiguration.level).toBe('error');
    expect(stripe.properties.tags).toContain('security');
    for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex]!.id).toBe(result.ruleId);
  });

  it('carries fingerprints and properties on each result', () => {
    const result = toSarif([finding({ count: 3, details: { live: true } })], META).runs[0].results[0]!;
    expect(result.partialFingerprints['secretHash/v1']).toBe(secretHash);
    expect(result.partialFingerprints['leaklensFingerprint/v1']).toBe('f'.repeat(32));
    expect(result.properties).toMatchObject({ severity: 'critical', source: 'file', exposure: 'secret', count: 3, details: { live: true } });
    expect(result.message.text).toContain('Stripe secret key');
    expect(result.message.text).toContain('dist/app.js:3:14');
  });

  it('gives a region only when there is a line, and logical locations for keys and headers', () => {
    const results = toSarif(
      [
        finding(),
        finding({
          source: 'local-storage',
          location: { url: 'https://app.example.test/', keyPath: 'auth.token' },
          fingerprint: '1'.repeat(32),
        }),
        finding({
          source: 'request-header',
          location: { url: 'https://api.example.test/v1', header: 'Authorization' },
          fingerprint: '2'.repeat(32),
        }),
      ],
      META,
    ).runs[0].results;
    const withLine = results.find((result) => result.properties.source === 'file')!;
    expect(withLine.locations?.[0]?.physicalLocation?.region).toEqual({ startLine: 3, startColumn: 14 });
    const storage = results.find((result) => result.properties.source === 'local-storage')!;
    expect(storage.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'https://app.example.test/' } });
    expect(storage.locations?.[0]?.logicalLocations).toEqual([{ name: 'auth.token', kind: 'property' }]);
    const header = results.find((result) => result.properties.source === 'request-header')!;
    expect(header.locations?.[0]?.physicalLocation?.region).toBeUndefined();
    expect(header.locations?.[0]?.logicalLocations).toEqual([{ name: 'Authorization', kind: 'header' }]);
  });

  it('points source-mapped findings at the original file and keeps the shipped one as related', () => {
    const [bundle, map] = toSarif(
      [
        finding({
          location: { file: 'dist/app.js', line: 1, column: 4000, originalFile: 'src/config.ts', originalLine: 12, originalColumn: 9 },
        }),
        finding({
          source: 'source-map',
          fingerprint: '3'.repeat(32),
          location: { file: 'dist/app.js.map', line: 5, column: 2, originalFile: 'src/keys.ts', originalLine: 5, originalColumn: 2 },
        }),
      ],
      META,
    ).runs[0].results;
    expect(bundle!.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/config.ts' },
      region: { startLine: 12, startColumn: 9 },
    });
    expect(bundle!.relatedLocations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'dist/app.js' },
      region: { startLine: 1, startColumn: 4000 },
    });
    expect(map!.locations?.[0]?.physicalLocation?.artifactLocation.uri).toBe('src/keys.ts');
    // Lines in a source map finding are original positions: the map file itself gets no region.
    expect(map!.relatedLocations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'dist/app.js.map' } });
  });

  it('writes file paths as URI references', () => {
    const uris = toSarif(
      [
        finding({ location: { file: './dist/my app#1.js', line: 1 } }),
        finding({ location: { file: '/srv/site/app.js', line: 1 }, fingerprint: '4'.repeat(32) }),
      ],
      META,
    ).runs[0].results.map((result) => result.locations?.[0]?.physicalLocation?.artifactLocation.uri);
    expect(uris).toEqual(['dist/my%20app%231.js', 'file:///srv/site/app.js']);
  });

  it('reports skipped inputs as tool notifications', () => {
    const run = toSarif([], { ...META, warnings: ['skipped "big.js": larger than 64 MB'] }).runs[0];
    expect(run.results).toEqual([]);
    expect(run.invocations[0]?.toolExecutionNotifications?.[0]?.message.text).toContain('big.js');
  });
});

describe('Markdown', () => {
  const hostile = finding({
    source: 'local-storage',
    location: { url: 'https://app.example.test/', keyPath: 'a|b`c` <script>alert(1)</script> [x](https://evil.test)' },
    preview: 'ab|cd<img src=x onerror=alert(1)>',
  });

  it('escapes pipes, backticks, brackets and HTML from page data in table cells', () => {
    const markdown = renderReport([hostile], 'markdown', META);
    const row = markdown.split('\n').find((line) => line.startsWith('| critical'))!;
    // Exactly the five cell separators are unescaped pipes.
    expect(row.match(/(?<!\\)\|/g)).toHaveLength(5);
    expect(row).not.toMatch(/<script|<img/);
    expect(row).toContain('&lt;script&gt;');
    expect(row).not.toMatch(/(?<!\\)`/);
    expect(row).not.toMatch(/(?<!\\)\[x\]/);
  });

  it('keeps a row on one line whatever the value holds', () => {
    expect(escapeMarkdownText('a\nb\r\nc')).toBe('a b c');
  });

  it('has a heading, a summary by severity, the table and a How to fix section per rule', () => {
    const markdown = renderReport(
      [finding(), finding({ ruleId: 'jwt', title: 'JSON Web Token', severity: 'high', remediation: 'Keep tokens short-lived.', fingerprint: '5'.repeat(32) })],
      'markdown',
      META,
    );
    expect(markdown).toMatch(/^# LeakLens report/);
    expect(markdown).toContain('**2 findings**: 1 critical · 1 high · 0 medium · 0 low · 0 info');
    expect(markdown).toContain('| Severity | Finding | Where | Value (masked) |');
    expect(markdown).toContain('## How to fix');
    expect(markdown).toContain('Keep tokens short-lived.');
    expect(markdown.indexOf('### Stripe secret key')).toBeLessThan(markdown.indexOf('### JSON Web Token'));
  });
});

describe('text', () => {
  it('prints aligned columns and a summary line', () => {
    const text = renderReport(
      [finding(), finding({ ruleId: 'jwt', severity: 'low', location: { url: 'https://api.example.test/v1', header: 'Authorization' }, fingerprint: '6'.repeat(32) })],
      'text',
      META,
    );
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^SEVERITY\s+RULE\s+LOCATION\s+VALUE$/);
    expect(lines[1]).toMatch(/^critical\s+stripe-secret-key\s+dist\/app\.js:3:14\s+sk_live_/);
    expect(lines[2]).toContain('https://api.example.test/v1 [header Authorization]');
    // Columns line up: the rule column starts at the same offset on every row.
    expect(new Set(lines.slice(0, 3).map((line) => line.search(/(RULE|stripe|jwt)/))).size).toBe(1);
    expect(lines.at(-1)).toBe('2 findings (1 critical, 1 low).');
  });

  it('never sends terminal control sequences from page data', () => {
    const text = renderReport([finding({ location: { url: 'https://x.test/', keyPath: 'k\u001b[2J\u202e' } })], 'text', META);
    expect(text).not.toMatch(/[\u001b\u202e]/);
    expect(text).toContain('\\u{1b}[2J');
    // The name of a global folded into an inline script is page data too.
    const folded = renderReport([finding({ source: 'inline-script', location: { url: 'https://x.test/', keyPath: 'inline script #1' }, details: { alsoInGlobal: 'window.cfg\u001b[2J $.key' } })], 'text', META);
    expect(folded).toContain('https://x.test/ [key inline script #1] [also window.cfg\\u{1b}[2J $.key]');
  });

  it('says so when there is nothing', () => {
    expect(renderReport([], 'text', META)).toBe('No findings.\n');
  });
});

describe('JSON', () => {
  it('has tool, time, target, a summary by severity and the findings', () => {
    const report = toJsonReport([finding(), finding({ severity: 'low', fingerprint: '7'.repeat(32) })], META);
    expect(report.tool).toEqual({ name: 'leaklens', version: '9.9.9' });
    expect(report.generatedAt).toBe(META.generatedAt);
    expect(report.target).toEqual(['dist/']);
    expect(report.summary).toEqual({ total: 2, bySeverity: { critical: 1, high: 0, medium: 0, low: 1, info: 0 } });
    expect(report.findings).toHaveLength(2);
  });

  it('round-trips through parseJsonReport and rejects other documents', () => {
    const document = renderReport([finding()], 'json', META);
    expect(parseJsonReport(document).findings[0]?.ruleId).toBe('stripe-secret-key');
    expect(() => parseJsonReport('{"tool":{"name":"other"},"findings":[]}')).toThrow(/not a LeakLens JSON report/);
    expect(() => parseJsonReport('{"tool":{"name":"leaklens"},"findings":[{"ruleId":1}]}')).toThrow(/findings\[0\]/);
  });
});

describe('every format', () => {
  const mixed: Finding[] = [
    finding({ severity: 'low', ruleId: 'b-rule', location: { file: 'a.js', line: 2 }, fingerprint: '8'.repeat(32) }),
    finding({ severity: 'critical', ruleId: 'z-rule', location: { file: 'b.js', line: 1 }, fingerprint: '9'.repeat(32) }),
    finding({ severity: 'critical', ruleId: 'a-rule', location: { file: 'a.js', line: 10 }, fingerprint: 'a'.repeat(32) }),
    finding({ severity: 'critical', ruleId: 'c-rule', location: { file: 'a.js', line: 10 }, fingerprint: 'b'.repeat(32) }),
    finding({ severity: 'high', ruleId: 'a-rule', location: { url: 'https://x.test/', keyPath: 'k' }, fingerprint: 'c'.repeat(32) }),
  ];

  it('sorts by severity, then location, then rule id', () => {
    expect(sortFindings(mixed).map((f) => `${f.severity} ${f.location.file ?? f.location.url}:${f.location.line ?? ''} ${f.ruleId}`)).toEqual([
      'critical a.js:10 a-rule',
      'critical a.js:10 c-rule',
      'critical b.js:1 z-rule',
      'high https://x.test/: a-rule',
      'low a.js:2 b-rule',
    ]);
  });

  it.each(RENDER_FORMATS)('%s output does not depend on input order', (format) => {
    const reference = renderReport(mixed, format, META);
    for (let round = 0; round < 5; round += 1) {
      expect(renderReport(shuffled(mixed), format, META)).toBe(reference);
    }
  });

  it.each(RENDER_FORMATS)('%s output never contains the raw secret', (format) => {
    const output = renderReport([...mixed, finding({ details: { accountId: '1234' } })], format, META);
    expect(output).not.toContain(RAW_SECRET);
    expect(output).not.toContain(RAW_SECRET.slice('sk_live_'.length));
  });
});
