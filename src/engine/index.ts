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

/** Scan one text with the built-in rules (or `scanner`, e.g. one with custom rules). */
export function scanText(text: string, origin: ScanOrigin, options: ScanOptions = {}, scanner = getDefaultScanner()): Finding[] {
  if (text.length === 0) return [];
  const matches = pairAwsCredentials(scanner.findMatches(text, options));
  return toFindings(text, matches, origin).map(adjustForPlacement);
}

export function createScanner(rules: readonly Rule[]): Scanner {
  return new Scanner(rules);
}
