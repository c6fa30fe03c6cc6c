#!/usr/bin/env node
// CPU profile of LeakLens scanning the corpus: `node scripts/bench/profile.mjs [passes]`.
// Builds the engine bundle (unminified, so function names survive), runs one warm-up pass and then
// `passes` profiled passes of scanText over every corpus file, prints the functions with the most self
// time and writes the raw profile to .cache/bench/scan.cpuprofile (open it in Chrome DevTools).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCorpus } from '../corpus.mjs';
import { loadEngine } from './engine.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const passes = Number(process.argv[2] ?? 3);
const corpus = await ensureCorpus({ log: false });
const engine = await loadEngine();
const texts = corpus.files.map((file) => readFileSync(file, 'utf8'));
const origin = { source: 'script', location: { url: 'https://bench.example.test/app.js' } };
for (const text of texts) engine.scanText(text, origin); // warm-up

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const started = performance.now();
for (let p = 0; p < passes; p++) for (const text of texts) engine.scanText(text, origin);
const elapsed = performance.now() - started;
const { profile } = await session.post('Profiler.stop');
session.disconnect();

const out = path.join(ROOT, '.cache', 'bench', 'scan.cpuprofile');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(profile));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
let total = 0;
profile.samples.forEach((id, i) => {
  const { callFrame } = byId.get(id);
  const where = callFrame.url ? `${path.basename(callFrame.url).replace(/\?.*$/, '')}:${callFrame.lineNumber + 1}` : '';
  const key = `${callFrame.functionName || '(anonymous)'} ${where}`.trim();
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(key, (self.get(key) ?? 0) + dt);
  total += dt;
});
console.log(`${passes} passes over ${(corpus.bytes / 1e6).toFixed(1)} MB in ${elapsed.toFixed(0)} ms (profiled); ${engine.RULES.length} rules`);
console.log('self time by function:');
for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${(us / 1000).toFixed(0).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key.slice(0, 160)}`);
}
console.log(`raw profile: ${path.relative(ROOT, out)}`);
