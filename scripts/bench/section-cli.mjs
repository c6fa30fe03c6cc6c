// Section: the whole command line over a folder, as a CI step runs it. `leaklens scan` against the
// secretlint 12 CLI with its recommended preset over the corpus files: each a fresh process (start-up,
// walking the folder, reading every file, scanning, writing a JSON report), the two taking turns, one
// untimed warm-up each (so both read from the page cache), then `runs` timed runs; medians of wall time.
// The engine-only comparison is the throughput section; this one adds what a user waits for besides.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MB, fmtMs, fmtNum, heading, median, table } from './util.mjs';

const execFileP = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const LEAKLENS = path.join(ROOT, 'dist-cli', 'leaklens.mjs');
const SECRETLINT = path.join(ROOT, 'node_modules', 'secretlint', 'bin', 'secretlint.js');

/** Wall time of one child process; exit 1 (findings) is not an error. */
async function timed(args, cwd) {
  const started = performance.now();
  try {
    await execFileP(process.execPath, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    if (error.code !== 1) throw error;
  }
  return { ms: performance.now() - started };
}

export async function run(ctx) {
  const { corpus, log } = ctx;
  const runs = ctx.runs ?? 3;
  if (!existsSync(LEAKLENS)) throw new Error('dist-cli/leaklens.mjs is missing: run "npm run build" first');
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'leaklens-bench-cli-'));
  const report = path.join(tmp, 'leaklens.json');
  const secretlintReport = path.join(tmp, 'secretlint.json');
  const secretlintrc = path.join(tmp, 'secretlintrc.json');
  writeFileSync(secretlintrc, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  // The same files for both, named one by one (the folder also holds the corpus manifest).
  const sides = {
    leaklens: () => timed([LEAKLENS, 'scan', ...corpus.files, '--format', 'json', '--fail-on', 'none', '--output', report], ROOT),
    // Its report goes to a file: written to a pipe, it is cut short when the process exits.
    secretlint: () => timed([SECRETLINT, '--secretlintrc', secretlintrc, '--format', 'json', '--output', secretlintReport, '--no-terminalLink', ...corpus.files], ROOT),
  };
  const times = { leaklens: [], secretlint: [] };
  let leaklensFindings = 0;
  let secretlintMessages = 0;
  try {
    for (let round = 0; round <= runs; round++) {
      for (const side of round % 2 ? ['secretlint', 'leaklens'] : ['leaklens', 'secretlint']) {
        const { ms } = await sides[side]();
        log?.(`  ${round === 0 ? 'warm-up' : `run ${round}`}: ${side} ${fmtMs(ms)}`);
        if (round === 0) continue;
        times[side].push(ms);
        if (side === 'leaklens') leaklensFindings = JSON.parse(readFileSync(report, 'utf8')).findings.length;
        else secretlintMessages = JSON.parse(readFileSync(secretlintReport, 'utf8')).reduce((sum, file) => sum + (file.messages?.length ?? 0), 0);
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const leaklensMs = median(times.leaklens);
  const secretlintMs = median(times.secretlint);
  const megabytes = corpus.bytes / MB;
  const summary = {
    files: corpus.files.length,
    bytes: corpus.bytes,
    leaklensMs: Math.round(leaklensMs),
    secretlintMs: Math.round(secretlintMs),
    ratio: Number((secretlintMs / leaklensMs).toFixed(2)),
    leaklensFindings,
    secretlintMessages,
  };
  const text = [
    heading('Command line over a folder (fresh process each, as in CI)'),
    `${corpus.files.length} files, ${fmtNum(megabytes)} MB (the corpus); ${runs} runs each after one warm-up, taking turns; median wall time.`,
    table(
      ['tool', 'wall', 'MB/s', 'findings / messages'],
      [
        ['leaklens scan', fmtMs(leaklensMs), fmtNum(megabytes / (leaklensMs / 1000)), leaklensFindings],
        ['secretlint (recommended preset)', fmtMs(secretlintMs), fmtNum(megabytes / (secretlintMs / 1000)), secretlintMessages],
      ],
    ),
    `leaklens scan is ${fmtNum(secretlintMs / leaklensMs, 2)}x as fast as the secretlint CLI on the same folder.`,
  ].join('\n');
  return { summary, text };
}
