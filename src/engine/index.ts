/**
 * The engine's entry point: text plus where it came from in, redacted findings out. Pure TypeScript —
 * no browser APIs, no DOM, no console, no network — so the service worker, the content script's
 * helpers, the CLI and the tests all run exactly the same code.
 */
import type { Finding } from '../shared/finding.ts';
import { pairAwsCredentials } from './pairing.ts';
import { adjustForPlacement } from './placement.ts';
import { RULES } from './rules/index.ts';
import { Scanner, toFindings } from './scanner.ts';
import type { Rule, ScanOptions, ScanOrigin } from './types.ts';

export { RULES } from './rules/index.ts';
export { Scanner } from './scanner.ts';
export type { Rule, ScanOptions, ScanOrigin } from './types.ts';

let defaultScanner: Scanner | undefined;

/** The scanner over the built-in registry, compiled on first use. */
export function getDefaultScanner(): Scanner {
  return (defaultScanner ??= new Scanner(RULES));
}

let activeScanner: Scanner | undefined;

/**
 * The scanner `scanText` uses when none is passed. The extension sets one built from the user's
 * settings (categories switched off, custom rules) so every caller — page snapshots, URL inspectors,
 * structured scans, script bundles — follows the settings without threading a scanner through each
 * call. `undefined` restores the built-in registry. The CLI never sets it.
 */
export function setActiveScanner(scanner: Scanner | undefined): void {
  activeScanner = scanner;
}

export function getActiveScanner(): Scanner {
  return activeScanner ?? getDefaultScanner();
}

/** Scan one text with the active rules (or `scanner`, e.g. one with custom rules). */
export function scanText(text: string, origin: ScanOrigin, options: ScanOptions = {}, scanner = getActiveScanner()): Finding[] {
  if (text.length === 0) return [];
  const matches = pairAwsCredentials(scanner.findMatches(text, options));
  return toFindings(text, matches, origin).map(adjustForPlacement);
}

export function createScanner(rules: readonly Rule[]): Scanner {
  return new Scanner(rules);
}
