/**
 * Plain text for terminals: one aligned line per finding and a summary line. Page data can carry
 * escape sequences (a hostile storage key could clear the screen or forge output), so control and
 * bidirectional-override characters are shown escaped rather than sent to the terminal.
 */
import type { Finding } from '../shared/finding.ts';
import { sortFindings, summaryLine } from './order.ts';
import { describeWhere } from './where.ts';

/** C0/C1 controls (ESC, CR, BEL…) and the Unicode bidi overrides behind "Trojan Source" tricks. */
const UNSAFE_FOR_TERMINAL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function terminalSafe(value: string): string {
  return value.replace(UNSAFE_FOR_TERMINAL, (char) => `\\u{${char.codePointAt(0)!.toString(16)}}`);
}

/** A very long URL would push every other row's last column far right; past this width it just overflows. */
const MAX_PADDED_WIDTH = 72;

function padColumns(rows: readonly string[][]): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, index) => {
      widths[index] = Math.min(MAX_PADDED_WIDTH, Math.max(widths[index] ?? 0, cell.length));
    });
  }
  return rows.map((row) =>
    row
      .map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

export function renderText(findings: readonly Finding[]): string {
  const sorted = sortFindings(findings);
  const rows = sorted.map((finding) => {
    const count = (finding.count ?? 1) > 1 ? ` (x${finding.count})` : '';
    return [finding.severity, finding.ruleId, describeWhere(finding), finding.preview + count].map(terminalSafe);
  });
  const lines = rows.length > 0 ? padColumns([['SEVERITY', 'RULE', 'LOCATION', 'VALUE'], ...rows]) : [];
  lines.push(`${summaryLine(sorted)}.`);
  return `${lines.join('\n')}\n`;
}
