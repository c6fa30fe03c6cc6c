#!/usr/bin/env node
// `npm run bench`: performance sections, printed as tables and saved to .cache/bench/latest.json.
//
//   node scripts/bench.mjs                     # all default sections
//   node scripts/bench.mjs --only=slow-inputs  # some sections (comma-separated ids)
//   node scripts/bench.mjs --runs=5            # timed runs per measurement (median reported; default 3)
//   node scripts/bench.mjs --rules-mb=64       # corpus sample for the per-rule section (default 8 MB)
//
// Each section is a module in scripts/bench/ exporting `run(ctx) -> { summary, text }`; add new ones
// (network inspector per-request cost, page-load cost, ...) to SECTIONS below.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from './corpus.mjs';
import { loadEngine } from './bench/engine.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, '.cache', 'bench', 'latest.json');

const SECTIONS = [
  { id: 'throughput', module: './bench/section-throughput.mjs', needsCorpus: true },
  { id: 'cli', module: './bench/section-cli.mjs', needsCorpus: true },
  { id: 'slow-inputs', module: './bench/section-slow-inputs.mjs' },
  { id: 'rules', module: './bench/section-rules.mjs', needsCorpus: true },
  { id: 'page-load', module: './bench/page-load.mjs', needsCorpus: true },
  { id: 'settings', module: './bench/section-settings.mjs' },
  { id: 'network', module: './bench/network.mjs' },
];

function parseArgs(argv) {
  const args = {};
  for (const arg of argv) {
    const m = /^--([\w-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unknown argument: ${arg}`);
    args[m[1]] = m[2] ?? true;
  }
  return args;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const only = typeof args.only === 'string' ? new Set(args.only.split(',')) : undefined;
  const sections = SECTIONS.filter((s) => !only || only.has(s.id));
  if (only) for (const id of only) if (!SECTIONS.some((s) => s.id === id)) throw new Error(`unknown section: ${id} (have ${SECTIONS.map((s) => s.id).join(', ')})`);
  const log = args.quiet ? undefined : (m) => process.stderr.write(`${m}\n`);
  const started = Date.now();

  const corpus = sections.some((s) => s.needsCorpus) ? await ensureCorpus({ log }) : undefined;
  log?.('building the engine for node (vite SSR bundle)...');
  const engine = await loadEngine();
  const ctx = {
    engine,
    corpus,
    log,
    runs: Number(args.runs ?? 3),
    slowRuns: Number(args.runs ?? 3),
    rulesSampleMB: Number(args['rules-mb'] ?? 8),
  };

  const env = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    platform: `${os.platform()} ${os.release()}`,
  };
  console.log(`LeakLens bench — ${env.date} — node ${env.node}, ${env.cores} x ${env.cpu}`);
  console.log(`LeakLens rules: ${engine.RULES.length}`);

  const results = {};
  for (const section of sections) {
    log?.(`[${section.id}]`);
    const mod = await import(section.module);
    const { summary, text } = await mod.run(ctx);
    results[section.id] = summary;
    console.log(text);
  }
  const elapsed = (Date.now() - started) / 1000;
  console.log(`\nbench took ${elapsed.toFixed(0)} s; JSON summary: ${path.relative(ROOT, OUT)}`);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(
    OUT,
    `${JSON.stringify({ env, corpus: corpus && { dir: corpus.dir, bytes: corpus.bytes, files: corpus.files.length, packages: corpus.packages, failures: corpus.failures }, sections: results, elapsedSeconds: elapsed }, null, 1)}\n`,
  );
}

main().catch((err) => {
  console.error(`bench failed: ${err.stack ?? err}`);
  process.exit(1);
});
