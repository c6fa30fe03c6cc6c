/**
 * The built CLI, run as a user runs it (`node bin/leaklens.mjs …`), on folders made at test time.
 * Secrets are generated per run; every test also checks that no raw value reaches the output.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHmac, randomBytes, randomInt } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SourceMapGenerator } from 'source-map-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonReport, SarifLog } from '../../src/reports/index.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { buildHar } from '../fixtures/har/build-har.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const BIN = path.join(ROOT, 'bin/leaklens.mjs');
const FIXTURES = path.join(ROOT, 'test/fixtures/har');

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const random = (alphabet: string, length: number): string =>
  Array.from({ length }, () => alphabet[randomInt(alphabet.length)]).join('');
const awsKeyId = (): string => `AKIA${random(BASE32, 16)}`;
const stripeLiveKey = (): string => `sk_live_${random(ALNUM, 24)}`;
function jwt(): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: `user-${random(ALNUM, 6)}`, iat: now, exp: now + 30 * 86400 })}`;
  return `${input}.${createHmac('sha256', randomBytes(32)).update(input).digest('base64url')}`;
}

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function leaklens(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    env: options.env ?? process.env,
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function jsonReport(run: Run): JsonReport {
  return JSON.parse(run.stdout) as JsonReport;
}

function expectOneLineError(run: Run, pattern: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  const lines = run.stderr.trimEnd().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^leaklens: error: /);
  expect(lines[0]).toMatch(pattern);
}

function writeFiles(directory: string, files: Record<string, string>): void {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    writeFileSync(path.join(directory, name), content);
  }
}

let work: string;
let caseNumber = 0;
/** A fresh folder per test case, all under one temp dir removed at the end. */
function folder(files: Record<string, string> = {}): string {
  const directory = path.join(work, `case-${(caseNumber += 1)}`);
  mkdirSync(directory, { recursive: true });
  writeFiles(directory, files);
  return directory;
}

beforeAll(() => {
  if (!existsSync(path.join(ROOT, 'dist-cli/leaklens.mjs'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'vite.cli.config.ts'], { cwd: ROOT, stdio: 'pipe' });
  }
  work = mkdtempSync(path.join(os.tmpdir(), 'leaklens-cli-test-'));
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('arguments', () => {
  it('prints help and the version', () => {
    const help = leaklens(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('leaklens scan <path...>');
    expect(leaklens(['scan', '--help']).stdout).toContain('--fail-on');
    expect(leaklens(['browse', '-h']).stdout).toContain('--host-rules');
    const version = leaklens(['--version']);
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it.each([
    [[], /missing command/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['scan'], /at least one file or folder/],
    [['scan', '--bogus', '.'], /unknown option "--bogus"/],
    [['scan', '--format', 'xml', '.'], /--format must be one of/],
    [['scan', '--fail-on', 'severe', '.'], /--fail-on must be one of/],
    [['scan', '.', '--output'], /--output needs a value/],
    [['scan', '--ignore-https-errors', '.'], /unknown option/],
    [['browse'], /at least one URL/],
    [['browse', 'example.test'], /not a URL/],
    [['browse', 'ftp://example.test/'], /not an http or https URL/],
    [['browse', '--timeout', 'soon', 'https://example.test/'], /--timeout must be a whole number/],
  ])('%j is a one-line error with exit 2', (args, message) => {
    expectOneLineError(leaklens(args), message);
  });

  it('says how to get a browser when none is on PATH', () => {
    const run = leaklens(['browse', 'https://app.example.test/'], { env: { ...process.env, PATH: folder() } });
    expectOneLineError(run, /apt-get install -y chromium.*--browser/);
  });

  it('rejects a --browser that does not exist', () => {
    expectOneLineError(leaklens(['browse', '--browser', '/nonexistent/chromium', 'https://app.example.test/']), /\/nonexistent\/chromium/);
  });
});

describe('unreadable input', () => {
  it('names a path that does not exist', () => {
    const cwd = folder({ 'ok.js': 'const a = 1;\n' });
    expectOneLineError(leaklens(['scan', 'ok.js', 'missing.js'], { cwd }), /"missing\.js": no such file or directory/);
  });

  it('names a dangling symbolic link given on the command line', () => {
    const cwd = folder();
    symlinkSync(path.join(cwd, 'gone.js'), path.join(cwd, 'link.js'));
    expectOneLineError(leaklens(['scan', 'link.js'], { cwd }), /"link\.js"/);
  });

  it('names a file that cannot be read', () => {
    const cwd = folder({ 'secret.env': 'A=1\n' });
    if (process.getuid?.() === 0) {
      // Root reads anything chmod forbids; /proc/self/mem fails every read from offset 0 (EIO).
      rmSync(path.join(cwd, 'secret.env'));
      symlinkSync('/proc/self/mem', path.join(cwd, 'secret.env'));
      expectOneLineError(leaklens(['scan', 'secret.env'], { cwd }), /secret\.env/);
    } else {
      chmodSync(path.join(cwd, 'secret.env'), 0o000);
      expectOneLineError(leaklens(['scan', '.'], { cwd }), /secret\.env.*permission denied/);
    }
  });

  it('names a malformed HAR file and where it breaks', () => {
    const cwd = folder();
    const run = leaklens(['scan', path.relative(cwd, path.join(FIXTURES, 'malformed.har'))], { cwd });
    expectOneLineError(run, /malformed HAR ".*malformed\.har": .*line 6, column 5/);
  });

  it('stops at a malformed HAR inside a folder', () => {
    const cwd = folder({ 'a.js': 'const a = 1;\n', 'rec/traffic.har': '{"log": {"entries": [}}' });
    expectOneLineError(leaklens(['scan', '.'], { cwd }), /malformed HAR "rec\/traffic\.har": .*line 1, column 22/);
  });

  it('does not quote the broken HAR text (it may hold a secret)', () => {
    const secret = awsKeyId();
    const cwd = folder({ 'x.har': `{"log": {"entries": [{"request": {"url": "https://a.test/?k=${secret}"}}}` });
    const run = leaklens(['scan', 'x.har'], { cwd });
    expect(run.status).toBe(2);
    expect(run.stderr).not.toContain(secret);
  });
});

describe('--fail-on and exit codes', () => {
  const aws = awsKeyId(); // AWS access key id: an identifier, medium
  const stripe = stripeLiveKey(); // live Stripe secret key: critical

  it('exits 0 on a clean folder', () => {
    const cwd = folder({ 'app.js': 'export const answer = 42;\n', 'clean.har': readFileSync(path.join(FIXTURES, 'clean.har'), 'utf8') });
    const run = leaklens(['scan', '.'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('No findings.\n');
  });

  it('exits 1 only when a finding is at or above the threshold', () => {
    const cwd = folder({ '.env.production': `AWS_ACCESS_KEY_ID=${aws}\n` });
    expect(leaklens(['scan', '.'], { cwd }).status).toBe(0); // default: high
    expect(leaklens(['scan', '.', '--fail-on', 'medium'], { cwd }).status).toBe(1);
    expect(leaklens(['scan', '.', '--fail-on=low'], { cwd }).status).toBe(1);
    expect(leaklens(['scan', '.', '--fail-on', 'critical'], { cwd }).status).toBe(0);
    expect(leaklens(['scan', '.', '--fail-on', 'none'], { cwd }).status).toBe(0);
  });

  it('fails a build that ships a live Stripe secret key with the default threshold', () => {
    const source = `const stripe = Stripe("${stripe}");\n`;
    const cwd = folder({ 'dist/main.js': source });
    const run = leaklens(['scan', 'dist', '--format', 'json'], { cwd });
    expect(run.status).toBe(1);
    const finding = jsonReport(run).findings.find((f) => f.ruleId.startsWith('stripe'));
    expect(finding?.severity).toBe('critical');
    expect(finding?.location).toMatchObject({ file: 'dist/main.js', line: 1, column: source.indexOf(stripe) + 1 });
    expect(run.stdout).not.toContain(stripe);
  });
});

describe('reports', () => {
  it('--format sarif --output writes a valid SARIF file and nothing to stdout', () => {
    const secret = awsKeyId();
    const cwd = folder({ 'public/config.json': `{\n  "awsKeyId": "${secret}"\n}\n` });
    const run = leaklens(['scan', 'public', '--format', 'sarif', '--output', 'report.sarif', '--fail-on', 'none'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/1 finding .*report\.sarif/);
    const text = readFileSync(path.join(cwd, 'report.sarif'), 'utf8');
    expect(text).not.toContain(secret);
    const sarif = JSON.parse(text) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('leaklens');
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'aws-access-key-id');
    expect(result?.level).toBe('warning');
    expect(result?.locations?.[0]?.physicalLocation).toEqual({
      artifactLocation: { uri: 'public/config.json' },
      region: { startLine: 2, startColumn: 16 },
    });
    expect(result?.partialFingerprints['secretHash/v1']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('an --output that cannot be written is exit 2', () => {
    const cwd = folder({ 'a.txt': 'nothing\n' });
    expectOneLineError(leaklens(['scan', 'a.txt', '--output', 'no/such/dir/r.json'], { cwd }), /cannot write "no\/such\/dir\/r\.json"/);
  });

  it('no format prints a raw secret', () => {
    const secrets = [awsKeyId(), jwt()];
    const cwd = folder({ 'a.js': `const k = "${secrets[0]}";\nlocalStorage.token = "${secrets[1]}";\n` });
    for (const format of ['text', 'json', 'sarif', 'markdown']) {
      const run = leaklens(['scan', '.', '--format', format], { cwd });
      expect(run.stdout.length).toBeGreaterThan(0);
      for (const secret of secrets) expect(run.stdout + run.stderr).not.toContain(secret);
    }
  });
});

describe('walking folders', () => {
  it('scans node_modules, skips .git, and de-duplicates with a count', () => {
    const secret = awsKeyId();
    const cwd = folder({
      'node_modules/sdk/index.js': `module.exports = "${secret}";\n`,
      '.git/config.txt': `${secret}\n`,
      'notes.md': `${secret}\n`, // not a scanned extension inside a folder
    });
    const findings = jsonReport(leaklens(['scan', '.', '--format', 'json'], { cwd })).findings;
    expect(findings.map((f) => f.location.file)).toEqual(['node_modules/sdk/index.js']);
  });

  it('scans a file named on the command line whatever its extension', () => {
    const cwd = folder({ 'notes.md': `key ${awsKeyId()}\n` });
    expect(jsonReport(leaklens(['scan', 'notes.md', '--format', 'json'], { cwd })).findings).toHaveLength(1);
  });

  it('skips a file over 64 MB with a warning, not silently', () => {
    const cwd = folder();
    writeFileSync(path.join(cwd, 'huge.js'), '');
    truncateSync(path.join(cwd, 'huge.js'), 65 * 1024 * 1024); // sparse: no disk used
    const run = leaklens(['scan', '.', '--format', 'json'], { cwd });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/warning: skipped "huge\.js": larger than 64 MB/);
    expect(jsonReport(run).warnings).toEqual([expect.stringContaining('huge.js')]);
  });
});

describe('source maps', () => {
  const secret = awsKeyId();
  const original = `// settings\nexport const config = {\n  awsKeyId: "${secret}",\n};\n`;
  const originalLine = 3;
  const originalColumn = original.split('\n')[2]!.indexOf(secret); // 0-based
  const bundle = `var config={awsKeyId:"${secret}"};\n//# sourceMappingURL=app.js.map\n`;

  function sourceMap(withContent: boolean): string {
    const generator = new SourceMapGenerator({ file: 'app.js' });
    generator.addMapping({ generated: { line: 1, column: 0 }, original: { line: 2, column: 0 }, source: '../../src/config.ts' });
    generator.addMapping({
      generated: { line: 1, column: bundle.indexOf(secret) },
      original: { line: originalLine, column: originalColumn },
      source: '../../src/config.ts',
    });
    if (withContent) generator.setSourceContent('../../src/config.ts', original);
    return generator.toString();
  }

  it('scans sourcesContent and reports the original file and line', () => {
    const cwd = folder({ 'dist/assets/app.js.map': sourceMap(true) });
    const [finding, ...rest] = jsonReport(leaklens(['scan', 'dist', '--format', 'json'], { cwd })).findings;
    expect(rest).toEqual([]);
    expect(finding?.source).toBe('source-map');
    expect(finding?.location).toMatchObject({
      file: 'dist/assets/app.js.map',
      originalFile: 'src/config.ts',
      originalLine: originalLine,
      originalColumn: originalColumn + 1,
      line: originalLine,
      column: originalColumn + 1,
    });
  });

  it('gives a bundle with an external map its original positions', () => {
    const cwd = folder({ 'dist/assets/app.js': bundle, 'dist/assets/app.js.map': sourceMap(false) });
    const run = leaklens(['scan', 'dist/assets/app.js', '--format', 'json'], { cwd });
    const [finding] = jsonReport(run).findings;
    expect(finding?.location).toMatchObject({
      file: 'dist/assets/app.js',
      line: 1,
      column: bundle.indexOf(secret) + 1,
      originalFile: 'src/config.ts',
      originalLine: originalLine,
      originalColumn: originalColumn + 1,
    });
    const text = leaklens(['scan', 'dist/assets/app.js'], { cwd }).stdout;
    expect(text).toContain(`src/config.ts:${originalLine}:${originalColumn + 1} (in dist/assets/app.js:1:`);
  });

  it('reports a secret in both a bundle and its map once, and what only the map carries on its own', () => {
    const dropped = awsKeyId();
    const generator = new SourceMapGenerator({ file: 'app.js', sourceRoot: '../../' });
    generator.addMapping({ generated: { line: 1, column: 0 }, original: { line: 2, column: 0 }, source: './src/config.ts' });
    generator.addMapping({ generated: { line: 1, column: bundle.indexOf(secret) }, original: { line: originalLine, column: 0 }, source: './src/config.ts' });
    // The original's first line is a comment the bundle dropped, naming an old key.
    generator.setSourceContent('./src/config.ts', original.replace('// settings', `// settings (old key ${dropped})`));
    const cwd = folder({ 'dist/assets/app.js': bundle, 'dist/assets/app.js.map': generator.toString() });
    const findings = jsonReport(leaklens(['scan', 'dist', '--format', 'json'], { cwd })).findings;
    expect(findings.map((f) => [f.source, f.location.originalFile, f.location.originalLine]).sort()).toEqual([
      ['file', 'src/config.ts', originalLine],
      ['source-map', 'src/config.ts', 1],
    ]);
    const bundled = findings.find((f) => f.source === 'file')!;
    expect(bundled.count).toBe(1);
    expect(bundled.details?.alsoInSourceMap).toBe('dist/assets/app.js.map');
    // The mapping segment starts the line; the map's sourcesContent gives the exact column.
    expect(bundled.location.originalColumn).toBe(originalColumn + 1);
    expect(leaklens(['scan', 'dist'], { cwd }).stdout).toContain(`src/config.ts:${originalLine}:${originalColumn + 1} (in dist/assets/app.js:1:${bundle.indexOf(secret) + 1} and its source map)`);
  });

  it('a malformed .map is an input error naming it', () => {
    const cwd = folder({ 'app.js.map': '{"version":3,"sources":[' });
    expectOneLineError(leaklens(['scan', '.'], { cwd }), /malformed source map "app\.js\.map": .*line 1, column 25/);
  });
});

describe('HAR', () => {
  const urlToken = jwt();
  const bearer = jwt();
  const bodyKey = awsKeyId();
  const responseKey = awsKeyId();
  const har = buildHar([
    { url: `https://api.example.test/v1/items?page=2&access_token=${urlToken}`, headers: { Authorization: `Bearer ${bearer}` } },
    {
      url: 'https://api.example.test/v1/profile',
      headers: { Authorization: `Bearer ${bearer}`, ':path': `/v1/items?access_token=${urlToken}` },
      requestBody: { mimeType: 'application/json', text: JSON.stringify({ settings: { awsKeyId: bodyKey } }) },
      response: { mimeType: 'application/json; charset=utf-8', text: JSON.stringify({ upload: { keyId: responseKey } }) },
    },
    { url: 'https://cdn.example.test/logo.png', response: { mimeType: 'image/png', text: 'iVBORw0KGgo=', encoding: 'base64' } },
  ]);

  function scanHarFixture(): { run: Run; findings: Finding[] } {
    const cwd = folder({ 'recordings/session.har': har });
    const run = leaklens(['scan', 'recordings', '--format', 'json'], { cwd });
    return { run, findings: jsonReport(run).findings };
  }

  it('finds a token in the request URL with its parameter name, without printing it', () => {
    const { run, findings } = scanHarFixture();
    const inUrl = findings.find((f) => f.source === 'request-url');
    expect(inUrl?.location.parameter).toBe('access_token');
    expect(inUrl?.location.file).toBe('recordings/session.har');
    expect(inUrl?.location.url).toMatch(/^https:\/\/api\.example\.test\/v1\/items\?/);
    expect(inUrl?.location.url).not.toContain(urlToken);
    expect(inUrl?.location.line).toBeUndefined();
    for (const secret of [urlToken, bearer, bodyKey, responseKey]) expect(run.stdout).not.toContain(secret);
  });

  it('finds the Authorization header once for the two requests that sent it', () => {
    const { findings } = scanHarFixture();
    const headers = findings.filter((f) => f.source === 'request-header');
    expect(headers).toHaveLength(1); // the HTTP/2 :path pseudo-header is not scanned twice
    expect(headers[0]?.location.header).toBe('Authorization');
    expect(headers[0]?.count).toBe(2);
  });

  it('finds keys in request and response bodies with their JSON paths', () => {
    const { findings } = scanHarFixture();
    const body = findings.find((f) => f.source === 'request-body');
    expect(body?.ruleId).toBe('aws-access-key-id');
    expect(body?.location.jsonPath).toBe('$.settings.awsKeyId');
    expect(body?.details?.harEntry).toBe(1);
    const response = findings.find((f) => f.source === 'response-body');
    expect(response?.location.jsonPath).toBe('$.upload.keyId');
  });

  it('names the parameter of a form-encoded body', () => {
    const key = awsKeyId();
    const cwd = folder({
      'form.har': buildHar([
        { url: 'https://app.example.test/login', requestBody: { mimeType: 'application/x-www-form-urlencoded', text: `user=ann&aws_key=${key}` } },
      ]),
    });
    const [finding] = jsonReport(leaklens(['scan', 'form.har', '--format', 'json'], { cwd })).findings;
    expect(finding?.source).toBe('request-body');
    expect(finding?.location.parameter).toBe('aws_key');
  });

  it('one token in two HAR files is one finding counted twice', () => {
    const cwd = folder({ 'a.har': har, 'b.har': har });
    const findings = jsonReport(leaklens(['scan', '.', '--format', 'json'], { cwd })).findings;
    const headers = findings.filter((f) => f.source === 'request-header');
    expect(headers).toHaveLength(1);
    expect(headers[0]?.count).toBe(4);
  });
});
