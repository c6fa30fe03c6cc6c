// Child process for the secretlint side of the throughput bench. secretlint 12 records a performance
// mark per file and rule in a global profiler and searches its whole entry list on every mark, so its
// per-file cost grows with every file scanned in one process (PLATFORM.md). The parent therefore runs
// one fresh process per batch of files; here we lint the batch `runs` times after one warm-up lint.
//
// Input (argv[2]): JSON file with { files: string[], runs: number }. Output (stdout): one JSON line.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { lintSource } from '@secretlint/core';
import { creator as recommendedPreset } from '@secretlint/secretlint-rule-preset-recommend';

const { files, runs } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const config = { rules: [{ id: recommendedPreset.meta.id, rule: recommendedPreset }] };
const sources = files.map((file) => ({ content: readFileSync(file, 'utf8'), filePath: file, ext: path.extname(file), contentType: 'text' }));

const lint = (source) => lintSource({ source, options: { config, locale: 'en', maskSecrets: true } });

// Warm-up on the smallest file of the batch (JIT, lazy rule set-up), not timed.
if (sources.length) await lint(sources.reduce((a, b) => (a.content.length <= b.content.length ? a : b)));

const runTimes = [];
const runCpu = [];
const perFile = files.map(() => []);
let messages = [];
for (let run = 0; run < runs; run++) {
  let total = 0;
  let cpu = 0;
  const found = [];
  for (let i = 0; i < sources.length; i++) {
    const cpuStart = process.cpuUsage();
    const started = performance.now();
    const result = await lint(sources[i]);
    const elapsed = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpuStart);
    cpu += (cpuUsed.user + cpuUsed.system) / 1000;
    total += elapsed;
    perFile[i].push(elapsed);
    for (const m of result.messages) found.push({ file: i, ruleId: m.ruleId, severity: m.severity });
  }
  runTimes.push(total);
  runCpu.push(cpu);
  messages = found;
}
process.stdout.write(`${JSON.stringify({ runTimes, runCpu, perFile, messages })}\n`);
