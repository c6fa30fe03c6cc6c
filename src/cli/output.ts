/** Where the CLI's words go: the report to stdout or a file, messages and progress to stderr. */
import { writeFile } from 'node:fs/promises';
import { terminalSafe } from '../reports/index.ts';
import { describeFsError, InputError, oneLine } from './errors.ts';

export function printError(message: string): void {
  process.stderr.write(`leaklens: error: ${terminalSafe(oneLine(message))}\n`);
}

export function printWarning(message: string): void {
  progress.clear();
  process.stderr.write(`leaklens: warning: ${terminalSafe(oneLine(message))}\n`);
}

export async function writeReport(document: string, output: string | undefined): Promise<void> {
  if (output === undefined) {
    process.stdout.write(document);
    return;
  }
  try {
    await writeFile(output, document, 'utf8');
  } catch (error) {
    throw new InputError(`cannot write "${output}": ${describeFsError(error)}`);
  }
}

/**
 * One self-overwriting status line on stderr, only when stderr is a terminal: piped or captured output
 * (CI logs, tests) stays free of carriage returns.
 */
export const progress = {
  enabled: process.stderr.isTTY === true,
  shown: false,
  update(text: string): void {
    if (!this.enabled) return;
    const width = Math.max(20, (process.stderr.columns || 80) - 1);
    process.stderr.write(`\r\x1b[2K${terminalSafe(text).slice(0, width)}`);
    this.shown = true;
  },
  clear(): void {
    if (!this.shown) return;
    process.stderr.write('\r\x1b[2K');
    this.shown = false;
  },
};
