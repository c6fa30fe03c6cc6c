// Section: corpus throughput. LeakLens (scanText per file) against secretlint 12 with its recommended
// preset, on the same bytes, plus a one-regex floor. Both sides: one untimed warm-up pass, then 3
// timed runs; the median run is reported.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { MB, fmtMs, fmtNum, heading, median, table, timeRuns } from './util.mjs';

const execFileP = promisify(execFile);
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');

export const TARGETS = { throughputRatio: 3, throughputRatioStretch: 5, ruleRatio: 8 };
/** secretlint runs in a fresh process per batch of at most this many files / bytes. */
const BATCH_FILES = 40;
const BATCH_BYTES = 12 * MB;

/** Rules the recommended preset registers, split into detectors and the comment filter. */
export async function secretlintPresetRules() {
  const { creator } = await import('@secretlint/secretlint-rule-preset-recommend');
  const ids = [];
  creator.create({ registerRule: (rule) => ids.push(rule.meta.id) }, {});
  const filters = ids.filter((id) => /filter-/.test(id));
  const detectors = ids.filter((id) => !filters.includes(id));
  const version = JSON.parse(readFileSync(path.join(ROOT, 'node_modules/@secretlint/core/package.json'), 'utf8')).version;
  return { version, registered: ids.length, detectors, filters };
}

function batches(files, sizes) {
  const out = [];
  let current = [];
  let bytes = 0;
  files.forEach((file, i) => {
    if (current.length && (current.length >= BATCH_FILES || bytes + sizes[i] > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(i);
    bytes += sizes[i];
  });
  if (current.length) out.push(current);
  return out;
}

/** One secretlint child process over `fileList`: warm-up pass + `runs` timed passes. */
async function secretlintBatch(fileList, runs, tmp, b) {
  const input = path.join(tmp, `batch-${b}.json`);
  writeFileSync(input, JSON.stringify({ files: fileList, runs }));
  const { stdout } = await execFileP(process.execPath, [path.join(HERE, 'secretlint-worker.mjs'), input], {
    cwd: ROOT,
    maxBuffer: 256 * 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').pop());
}

const cpuMs = (start) => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

export async function run(ctx) {
  const { engine, corpus, log } = ctx;
  const runs = ctx.runs ?? 3;
  const files = corpus.files;
  const texts = files.map((file) => readFileSync(file, 'utf8'));
  const sizes = files.map((file, i) => Buffer.byteLength(texts[i], 'utf8'));
  const totalBytes = sizes.reduce((a, b) => a + b, 0);
  const origins = files.map((file) => ({ source: 'script', location: { url: `https://bench.example.test/${path.relative(corpus.dir, file)}` } }));
  const groups = batches(files, sizes);

  // LeakLens warm-up: one untimed pass over everything.
  log?.('  LeakLens warm-up pass');
  for (let i = 0; i < texts.length; i++) engine.scanText(texts[i], origins[i]);

  // Interleaved per batch, so both sides see the same machine load: LeakLens `runs` passes over the
  // batch in this process, then secretlint in a fresh child process (warm-up + `runs` passes).
  const ll = { wall: new Array(runs).fill(0), cpu: new Array(runs).fill(0), perFile: files.map(() => []), findings: [] };
  const sl = { wall: new Array(runs).fill(0), cpu: new Array(runs).fill(0), perFile: new Array(files.length), messages: [] };
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'leaklens-bench-'));
  try {
    for (let b = 0; b < groups.length; b++) {
      const group = groups[b];
      log?.(`  batch ${b + 1}/${groups.length}: ${group.length} files, ${fmtNum(group.reduce((a, i) => a + sizes[i], 0) / MB)} MB`);
      for (let r = 0; r < runs; r++) {
        for (const i of group) {
          const cpuStart = process.cpuUsage();
          const started = performance.now();
          const found = engine.scanText(texts[i], origins[i]);
          const elapsed = performance.now() - started;
          ll.cpu[r] += cpuMs(cpuStart);
          ll.wall[r] += elapsed;
          ll.perFile[i].push(elapsed);
          if (r === runs - 1) for (const f of found) ll.findings.push(f);
        }
      }
      const out = await secretlintBatch(group.map((i) => files[i]), runs, tmp, b);
      out.runTimes.forEach((t, r) => (sl.wall[r] += t));
      out.runCpu.forEach((t, r) => (sl.cpu[r] += t));
      out.perFile.forEach((times, j) => (sl.perFile[group[j]] = times));
      for (const m of out.messages) sl.messages.push({ ...m, file: group[m.file] });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  const leaklens = { times: ll.wall, median: median(ll.wall), cpuMedian: median(ll.cpu), result: ll.findings };
  const secretlint = { batches: groups.length, runTotals: sl.wall, median: median(sl.wall), cpuMedian: median(sl.cpu), messages: sl.messages };
  const perFileLL = ll.perFile;

  // LeakLens without decoding passes, to show what they cost.
  log?.('  LeakLens without decoding: warm-up + runs');
  const noDecode = timeRuns(() => {
    for (let i = 0; i < texts.length; i++) engine.scanText(texts[i], origins[i], { decodeDepth: 0 });
  }, { runs });

  // The same engine with the keyword pass in JavaScript: what runs where WebAssembly may not be
  // compiled (an extension page whose CSP lacks 'wasm-unsafe-eval').
  const keywordKernel = engine.getDefaultScanner().keywordKernel;
  const jsScanner = new engine.Scanner(engine.RULES, { keywordKernel: 'js' });
  log?.('  LeakLens with the keyword pass in JavaScript: warm-up + runs');
  const jsKernel = timeRuns(() => {
    for (let i = 0; i < texts.length; i++) engine.scanText(texts[i], origins[i], {}, jsScanner);
  }, { runs });

  // Floor: one trivial regex pass over the same texts.
  log?.('  floor regex: warm-up + runs');
  const floor = timeRuns(() => {
    let hits = 0;
    const re = /AKIA[A-Z2-7]{16}/g;
    for (const text of texts) {
      re.lastIndex = 0;
      while (re.exec(text) !== null) hits++;
    }
    return hits;
  }, { runs });

  const preset = await secretlintPresetRules();

  const bySeverity = {};
  for (const f of leaklens.result) bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
  const byRuleLL = countBy(leaklens.result, (f) => f.ruleId);
  const byRuleSL = countBy(secretlint.messages, (m) => m.ruleId.replace('@secretlint/secretlint-rule-', ''));

  const mbps = (ms) => totalBytes / MB / (ms / 1000);
  const llMBs = mbps(leaklens.median);
  const slMBs = mbps(secretlint.median);
  const throughputRatio = llMBs / slMBs;
  const cpuRatio = secretlint.cpuMedian / leaklens.cpuMedian;
  const ruleRatio = engine.RULES.length / preset.detectors.length;
  const floorMultiple = leaklens.median / floor.median;

  const summary = {
    corpus: { files: files.length, bytes: totalBytes, packages: corpus.packages.length },
    method: `interleaved per batch (${groups.length} batches of <= ${BATCH_FILES} files / <= ${BATCH_BYTES / MB} MB): LeakLens ${runs} passes over the batch in the bench process (after one warm-up pass over the whole corpus), then secretlint in a fresh node process for that batch (1 untimed warm-up pass, then ${runs} timed passes; fresh processes keep its per-file profiler bookkeeping small). Per-run times are summed over batches; the median run is reported. Both sides time only the scan call per file (scanText / lintSource), on the same file contents.`,
    leaklens: {
      rules: engine.RULES.length,
      runsMs: leaklens.times,
      medianMs: leaklens.median,
      cpuMedianMs: leaklens.cpuMedian,
      mbPerSec: llMBs,
      findings: leaklens.result.length,
      findingsBySeverity: bySeverity,
      findingsByRule: byRuleLL,
      withoutDecoding: { runsMs: noDecode.times, medianMs: noDecode.median, mbPerSec: mbps(noDecode.median) },
      keywordKernel,
      keywordPassInJavaScript: { runsMs: jsKernel.times, medianMs: jsKernel.median, mbPerSec: mbps(jsKernel.median) },
    },
    secretlint: {
      version: preset.version,
      preset: '@secretlint/secretlint-rule-preset-recommend',
      rules: preset.detectors.length,
      registeredRules: preset.registered,
      filterRules: preset.filters,
      processes: groups.length,
      runsMs: secretlint.runTotals,
      medianMs: secretlint.median,
      cpuMedianMs: secretlint.cpuMedian,
      mbPerSec: slMBs,
      findings: secretlint.messages.length,
      findingsByRule: byRuleSL,
    },
    floor: { regex: '/AKIA[A-Z2-7]{16}/g', runsMs: floor.times, medianMs: floor.median, mbPerSec: mbps(floor.median), hits: floor.result },
    ratios: { throughput: throughputRatio, throughputByCpuTime: cpuRatio, rules: ruleRatio, leaklensOverFloor: floorMultiple },
    targets: {
      throughput: { target: TARGETS.throughputRatio, met: throughputRatio >= TARGETS.throughputRatio },
      throughputStretch: { target: TARGETS.throughputRatioStretch, met: throughputRatio >= TARGETS.throughputRatioStretch },
      rules: { target: TARGETS.ruleRatio, met: ruleRatio >= TARGETS.ruleRatio },
    },
    slowestFilesLeakLens: slowest(files, corpus.dir, sizes, perFileLL, 8),
  };

  const lines = [heading('Corpus throughput: LeakLens vs secretlint (same bytes, same bench run)')];
  lines.push(`corpus: ${files.length} files from ${corpus.packages.length} npm packages, ${fmtNum(totalBytes / MB)} MB of minified production JS (${corpus.dir})`);
  lines.push(`method: ${summary.method}`);
  lines.push(`runs: LeakLens ${leaklens.times.map(fmtMs).join(' / ')}; secretlint ${secretlint.runTotals.map(fmtMs).join(' / ')}`);
  lines.push('');
  lines.push(
    table(
      ['scanner', 'rules', 'median', 'MB/s', 'CPU time', 'findings'],
      [
        [`LeakLens (scanText, full engine; keyword pass: ${keywordKernel})`, engine.RULES.length, fmtMs(leaklens.median), fmtNum(llMBs), fmtMs(leaklens.cpuMedian), leaklens.result.length],
        [`  LeakLens without decoding passes`, engine.RULES.length, fmtMs(noDecode.median), fmtNum(mbps(noDecode.median)), '-', '-'],
        [`  LeakLens, keyword pass in JavaScript (no WebAssembly)`, engine.RULES.length, fmtMs(jsKernel.median), fmtNum(mbps(jsKernel.median)), '-', '-'],
        [`secretlint ${preset.version} + preset-recommend`, preset.detectors.length, fmtMs(secretlint.median), fmtNum(slMBs), fmtMs(secretlint.cpuMedian), secretlint.messages.length],
        [`floor: one regex ${summary.floor.regex}`, 1, fmtMs(floor.median), fmtNum(mbps(floor.median)), '-', floor.result],
      ],
    ),
  );
  lines.push('');
  lines.push(`secretlint rule count: ${preset.detectors.length} detection rules enabled by the preset (${preset.registered} registered, minus ${preset.filters.join(', ')}, which only filters)`);
  lines.push(`LeakLens findings by severity: ${SEVERITY_ORDER.filter((s) => bySeverity[s]).map((s) => `${s} ${bySeverity[s]}`).join(', ') || 'none'}`);
  lines.push(`LeakLens findings by rule: ${fmtCounts(byRuleLL)}`);
  lines.push(`secretlint findings by rule: ${fmtCounts(byRuleSL)}`);
  lines.push('');
  const verdict = (ok) => (ok ? 'MET' : 'NOT MET');
  lines.push(`throughput ratio LeakLens/secretlint: ${fmtNum(throughputRatio, 2)}x (by CPU time: ${fmtNum(cpuRatio, 2)}x)   target >= ${TARGETS.throughputRatio}x: ${verdict(summary.targets.throughput.met)}; stretch >= ${TARGETS.throughputRatioStretch}x: ${verdict(summary.targets.throughputStretch.met)}`);
  lines.push(`rule count ratio LeakLens/secretlint:  ${fmtNum(ruleRatio, 2)}x (${engine.RULES.length} / ${preset.detectors.length})   target >= ${TARGETS.ruleRatio}x: ${verdict(summary.targets.rules.met)}`);
  lines.push(`LeakLens time as a multiple of the one-regex floor: ${fmtNum(floorMultiple, 1)}x`);
  lines.push('');
  lines.push('slowest files for LeakLens (median ms):');
  lines.push(
    table(
      ['file', 'MB', 'ms', 'MB/s'],
      summary.slowestFilesLeakLens.map((f) => [f.file, fmtNum(f.bytes / MB, 2), fmtNum(f.medianMs, 1), fmtNum(f.mbPerSec, 1)]),
    ),
  );
  return { summary, text: lines.join('\n') };
}

const SEVERITY_ORDER = ['critical', 'high', 'medium', 'low', 'info'];

function countBy(items, key) {
  const out = {};
  for (const item of items) out[key(item)] = (out[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

function fmtCounts(counts) {
  const entries = Object.entries(counts);
  if (!entries.length) return 'none';
  const shown = entries.slice(0, 12).map(([k, v]) => `${k} ${v}`).join(', ');
  return entries.length > 12 ? `${shown}, ... (${entries.length} rules)` : shown;
}

function slowest(files, dir, sizes, perFile, n) {
  return files
    .map((file, i) => ({ file: path.relative(dir, file), bytes: sizes[i], medianMs: median(perFile[i]), mbPerSec: sizes[i] / MB / (median(perFile[i]) / 1000) }))
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, n);
}
