// Small helpers shared by the bench sections: timing, statistics, formatting, tables.

export const MB = 1e6; // throughput is reported in decimal megabytes (MB/s) of UTF-8 file bytes

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Runs `fn` `runs` times after `warmup` untimed runs; returns { times (ms), median (ms), result }. */
export function timeRuns(fn, { runs = 3, warmup = 1 } = {}) {
  let result;
  for (let i = 0; i < warmup; i++) result = fn();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    result = fn();
    times.push(performance.now() - started);
  }
  return { times, median: median(times), result };
}

export const fmtMs = (ms) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 100 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(1)} ms`);
export const fmtMBs = (bytes, ms) => (bytes / MB / (ms / 1000));
export const fmtNum = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : String(n));

/** Plain-text table: rows of cells; numbers right-aligned. */
export function table(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, i) => Math.max(...all.map((row) => row[i]?.length ?? 0)));
  const numeric = header.map((_, i) => rows.every((row) => typeof row[i] === 'number' || /^[\d.,]+( \S+)?[x×%]?$/.test(String(row[i]))));
  const line = (row) => row.map((cell, i) => (numeric[i] ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(all[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)].join('\n');
}

export function heading(title) {
  return `\n${title}\n${'='.repeat(title.length)}`;
}
