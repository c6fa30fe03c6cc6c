/**
 * What every report says about the run that produced it. Kept separate from the findings so the
 * popup, the background and the CLI can each fill it from what they know.
 */

export const TOOL_NAME = 'leaklens';
/** Where a reader of an exported report (or a SARIF viewer) can learn what LeakLens is. */
export const TOOL_INFORMATION_URI = 'https://github.com/leaklens/leaklens';

export interface ReportMeta {
  /** LeakLens version that produced the report. */
  version: string;
  /** ISO-8601. Defaults to now; pass a fixed value for byte-identical output (tests, caching). */
  generatedAt?: string;
  /** What was scanned: paths given to `leaklens scan`, URLs given to `leaklens browse`, a page URL… */
  target?: string[];
  /** Inputs that were not scanned (too large, …), carried into the report so nothing is skipped silently. */
  warnings?: string[];
}

export function generatedAtOf(meta: ReportMeta): string {
  return meta.generatedAt ?? new Date().toISOString();
}
