/**
 * The `leaklens` command: parse, run, render, exit. Exit codes (DESIGN.md "CLI"): 0 nothing at or above
 * --fail-on, 1 findings at or above it, 2 bad arguments or unreadable input, with one line on stderr.
 */
import { redactUrl } from '../engine/inspectors/url.ts';
import { renderReport, summaryLine } from '../reports/index.ts';
import { atLeast, type Finding } from '../shared/finding.ts';
import { parseArgs, type ReportOptions } from './args.ts';
import { EXIT_CLEAN, EXIT_FINDINGS, EXIT_USAGE_OR_INPUT, InputError, UsageError } from './errors.ts';
import { BROWSE_HELP, SCAN_HELP, TOOL_HELP } from './help.ts';
import { printError, printWarning, progress, writeReport } from './output.ts';
import { LEAKLENS_VERSION } from './package-info.ts';
import { scanPaths } from './scan.ts';

/** Honour the reproducible-builds convention so reports can be byte-identical across runs. */
function generatedAt(): string {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000).toISOString() : new Date().toISOString();
}

async function report(findings: Finding[], warnings: string[], target: string[], options: ReportOptions): Promise<number> {
  const document = renderReport(findings, options.format, {
    version: LEAKLENS_VERSION,
    generatedAt: generatedAt(),
    target,
    warnings,
  });
  await writeReport(document, options.output);
  if (options.output !== undefined) {
    process.stderr.write(`leaklens: ${summaryLine(findings)}; ${options.format} report written to ${options.output}\n`);
  }
  const failOn = options.failOn;
  return failOn !== 'none' && findings.some((finding) => atLeast(finding.severity, failOn)) ? EXIT_FINDINGS : EXIT_CLEAN;
}

async function run(argv: readonly string[]): Promise<number> {
  const command = parseArgs(argv);
  switch (command.command) {
    case 'help':
      process.stdout.write(command.topic === 'scan' ? SCAN_HELP : command.topic === 'browse' ? BROWSE_HELP : TOOL_HELP);
      return EXIT_CLEAN;
    case 'version':
      process.stdout.write(`${LEAKLENS_VERSION}\n`);
      return EXIT_CLEAN;
    case 'scan': {
      const result = await scanPaths(command.paths, {
        onFile: (file, index, total) => progress.update(`scanning ${index + 1}/${total}: ${file}`),
        onWarning: printWarning,
      });
      progress.clear();
      return report(result.findings, result.warnings, command.paths, command);
    }
    case 'browse': {
      // Loaded on demand: playwright-core takes a while to import and `scan` never needs it.
      const { browseUrls } = await import('./browse.ts');
      const result = await browseUrls(command, { onWarning: printWarning });
      return report(result.findings, result.warnings, command.urls.map(redactUrl), command);
    }
  }
}

export async function main(argv: readonly string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    progress.clear();
    if (error instanceof UsageError || error instanceof InputError) {
      printError(error.message);
    } else {
      printError(`unexpected failure: ${error instanceof Error ? error.message : String(error)}`);
      if (process.env.LEAKLENS_DEBUG && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
    }
    return EXIT_USAGE_OR_INPUT;
  }
}

// Exit by setting the code, not process.exit(): a report piped to another program is flushed first.
process.exitCode = await main(process.argv.slice(2));
