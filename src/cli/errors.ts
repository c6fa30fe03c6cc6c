/**
 * The two ways the CLI stops early, both exit 2 with one line on stderr (DESIGN.md "CLI"): the
 * command line is wrong, or an input cannot be read.
 */

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE_OR_INPUT = 2;
/** Conventional exit status after SIGINT (128 + 2). */
export const EXIT_INTERRUPTED = 130;

/** Bad arguments: the message says what is wrong and where to look. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** An input (file, URL, browser, extension build) that cannot be used. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Node's fs errors say `ENOENT: no such file or directory, open '…'`; keep the readable part. */
export function describeFsError(error: unknown): string {
  if (error instanceof Error && 'code' in error) {
    const code = String((error as NodeJS.ErrnoException).code);
    const reasons: Record<string, string> = {
      ENOENT: 'no such file or directory',
      EACCES: 'permission denied',
      EPERM: 'operation not permitted',
      EISDIR: 'is a directory',
      ENOTDIR: 'not a directory',
      ELOOP: 'too many symbolic links',
    };
    return reasons[code] ?? error.message;
  }
  return error instanceof Error ? error.message : String(error);
}

/** One line, whatever the error carried: the contract is a single line on stderr. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}
