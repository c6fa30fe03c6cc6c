// Section: where LeakLens' time goes, per rule. Instruments the default scanner of the bench's engine
// bundle (wrapping `Scanner.prototype.matchInWindows`, the per-rule windowed matching, and the
// keyword index's `scan`), then runs scanText over the whole corpus: per rule, the time its pattern,
// entropy gate and validator took in the windows around its keyword hits, and how many hits it had.
// The decoding passes are what remains of the total (see the throughput section's "without decoding").
import { readFileSync } from 'node:fs';
import { MB, fmtMs, fmtNum, heading, median, table } from './util.mjs';

export async function run(ctx) {
  const { engine, corpus, log } = ctx;
  const runs = ctx.runs ?? 3;
  const scanner = engine.getDefaultScanner();
  const proto = Object.getPrototypeOf(scanner);
  if (typeof proto.matchInWindows !== 'function' || typeof scanner.keywordIndex?.scan !== 'function') {
    return { summary: { unavailable: true }, text: `${heading('Per-rule cost')}\n(scanner internals changed: matchInWindows / keywordIndex.scan not found; update scripts/bench/section-rules.mjs)` };
  }
  const texts = corpus.files.map((file) => readFileSync(file, 'utf8'));
  const bytes = texts.reduce((a, t) => a + Buffer.byteLength(t, 'utf8'), 0);
  const origin = { source: 'script', location: { url: 'https://bench.example.test/app.js' } };

  const perRule = new Map(); // rule id -> { ms[], hits, calls }
  let current = null; // per-pass accumulators
  const original = proto.matchInWindows;
  const index = scanner.keywordIndex;
  const originalScan = index.scan;
  proto.matchInWindows = function (text, compiled, hits, into) {
    const started = performance.now();
    const before = into.length;
    try {
      return original.call(this, text, compiled, hits, into);
    } finally {
      const elapsed = performance.now() - started;
      if (current) {
        const entry = (current.rules[compiled.rule.id] ??= { ms: 0, hits: 0, windows: 0, matches: 0 });
        entry.ms += elapsed;
        entry.hits += hits.length;
        entry.windows += 1;
        entry.matches += into.length - before;
      }
    }
  };
  index.scan = function (text, onHit) {
    const started = performance.now();
    try {
      return originalScan.call(this, text, onHit);
    } finally {
      if (current) {
        current.scanMs += performance.now() - started;
        current.scannedChars += text.length;
      }
    }
  };
  const passes = [];
  try {
    log?.(`  instrumented passes over ${fmtNum(bytes / MB)} MB: 1 warm-up + ${runs}`);
    for (let r = 0; r <= runs; r++) {
      current = { rules: {}, scanMs: 0, scannedChars: 0, totalMs: 0 };
      const started = performance.now();
      for (const text of texts) engine.scanText(text, origin);
      current.totalMs = performance.now() - started;
      if (r > 0) passes.push(current);
    }
  } finally {
    proto.matchInWindows = original;
    index.scan = originalScan;
    current = null;
  }
  for (const pass of passes) {
    for (const [id, e] of Object.entries(pass.rules)) {
      const entry = perRule.get(id) ?? { ms: [], hits: e.hits, matches: e.matches };
      entry.ms.push(e.ms);
      perRule.set(id, entry);
    }
  }
  const rows = [...perRule].map(([id, e]) => ({
    rule: id,
    medianMs: median([...e.ms, ...new Array(passes.length - e.ms.length).fill(0)]),
    keywordHits: e.hits,
    matches: e.matches,
    keywords: engine.RULES.find((rule) => rule.id === id)?.keywords ?? [],
  }));
  rows.sort((a, b) => b.medianMs - a.medianMs);
  const totalMs = median(passes.map((p) => p.totalMs));
  const scanMs = median(passes.map((p) => p.scanMs));
  const windowsMs = rows.reduce((a, r) => a + r.medianMs, 0);
  const restMs = Math.max(0, totalMs - scanMs - windowsMs);
  const charsScanned = passes[0]?.scannedChars ?? 0;
  const idle = engine.RULES.length - rows.length;
  const top = rows.slice(0, ctx.rulesTop ?? 15);
  const pct = (ms) => `${fmtNum((100 * ms) / totalMs, 0)}%`;
  const text = [
    heading(`Where the time goes (instrumented scanText over the corpus, median of ${runs} passes)`),
    table(
      ['part', 'ms', 'share'],
      [
        [`keyword pass (${fmtNum(charsScanned / 1e6)} M chars incl. decoded segments)`, fmtNum(scanMs, 0), pct(scanMs)],
        [`rule windows (patterns, entropy, validators) of ${rows.length} rules with hits`, fmtNum(windowsMs, 0), pct(windowsMs)],
        ['decoding passes, overlap resolution, findings, placement', fmtNum(restMs, 0), pct(restMs)],
        ['total (instrumented)', fmtNum(totalMs, 0), '100%'],
      ],
    ),
    `${idle} of ${engine.RULES.length} rules had no keyword hit in the corpus.`,
    '',
    'costliest rules (time in their windows):',
    table(
      ['rule', 'ms', 'keyword hits', 'matches', 'keywords'],
      top.map((r) => [r.rule, fmtNum(r.medianMs, 1), r.keywordHits, r.matches, r.keywords.join(' ').slice(0, 70)]),
    ),
  ].join('\n');
  return { summary: { bytes, totalMs, keywordPassMs: scanMs, windowsMs, restMs, charsScanned, rulesWithoutHits: idle, rules: rows }, text };
}
