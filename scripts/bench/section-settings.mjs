// Section: what a settings change costs the background. Switching a rule category off or saving a
// custom rule rebuilds the active scanner (keyword automaton + compiled patterns) from the enabled
// rules; this times that rebuild for the full registry and with the largest category switched off.
import { fmtMs, heading, table, timeRuns } from './util.mjs';

export async function run(ctx) {
  const { engine } = ctx;
  const runs = Math.max(ctx.runs ?? 3, 5);
  const all = engine.RULES;
  const byCategory = new Map();
  for (const rule of all) byCategory.set(rule.category, (byCategory.get(rule.category) ?? 0) + 1);
  const [largest] = [...byCategory.entries()].sort((a, b) => b[1] - a[1]);
  const without = all.filter((rule) => rule.category !== largest[0]);
  const rows = [
    { case: `every rule (${all.length})`, ...timeRuns(() => engine.createScanner(all), { runs, warmup: 1 }) },
    { case: `without "${largest[0]}" (${without.length})`, ...timeRuns(() => engine.createScanner(without), { runs, warmup: 1 }) },
  ];
  const text = [
    heading('Settings change: active scanner rebuild (background, on category toggle or custom rule save)'),
    table(['rules', 'median', 'runs'], rows.map((row) => [row.case, fmtMs(row.median), row.times.map(fmtMs).join(' ')])),
  ].join('\n');
  return { summary: rows.map(({ case: name, median, times }) => ({ case: name, medianMs: median, runsMs: times })), text };
}
