// Section: LeakLens on the pathological inputs of test/unit/slow-input.test.ts (timed, not asserted).
import { MB, fmtMs, fmtNum, heading, table, timeRuns } from './util.mjs';
import { slowInputs } from './slow-inputs.mjs';

export async function run(ctx) {
  const { engine, log } = ctx;
  const origin = { source: 'script', location: { url: 'https://slow.example.test/app.js' } };
  const rows = [];
  for (const [name, make] of slowInputs(engine.RULES)) {
    log?.(`  slow input: ${name}`);
    const text = make();
    const bytes = Buffer.byteLength(text, 'utf8');
    const { median, times, result } = timeRuns(() => engine.scanText(text, origin), { runs: ctx.slowRuns ?? 3, warmup: 1 });
    rows.push({ input: name, bytes, medianMs: median, runsMs: times, mbPerSec: bytes / MB / (median / 1000), findings: result.length });
  }
  const text = [
    heading('Slow inputs (LeakLens scanText; the unit test bounds each at 20 s)'),
    table(
      ['input', 'MB', 'median', 'MB/s', 'findings'],
      rows.map((r) => [r.input, fmtNum(r.bytes / MB, 1), fmtMs(r.medianMs), fmtNum(r.mbPerSec, 1), r.findings]),
    ),
  ].join('\n');
  return { summary: rows, text };
}
