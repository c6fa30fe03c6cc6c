/**
 * A config object an inline script assigns to `window` (`window.__APP_CONFIG__ = {…}`), or that a
 * framework copies out of a data island (Next.js' `window.__NEXT_DATA__` from `<script
 * id="__NEXT_DATA__">`), is seen twice: in the page's markup, and by the MAIN-world probe as a window
 * global. It is one secret shipped once, to fix in one place, so it is one finding: the inline script's,
 * which the browser itself delivered (the global is only what the page reported), noting the global
 * and its path (`details.alsoInGlobal`, e.g. `window.__APP_CONFIG__ $.stripeSecret`).
 *
 * Twins: same rule, same value, same page. A global whose value no inline script of that page holds
 * (set from a fetched response, built at run time, hung there by a bundle) stays a finding of its own.
 * Applied when findings are shown, counted or exported, so the order they arrived in does not matter.
 */
import type { Finding } from '../shared/finding.ts';

function twinKey(finding: Finding): string {
  return `${finding.ruleId}\u0000${finding.secretHash}\u0000${finding.location.url ?? ''}`;
}

function globalPath(finding: Finding): string {
  const { keyPath, jsonPath } = finding.location;
  return [keyPath, jsonPath].filter((part) => part !== undefined).join(' ');
}

export function foldGlobalTwins(findings: readonly Finding[]): Finding[] {
  const inlineKeys = new Set<string>();
  for (const finding of findings) if (finding.source === 'inline-script') inlineKeys.add(twinKey(finding));
  if (inlineKeys.size === 0) return [...findings];

  /** The first global twin of each inline finding. */
  const globals = new Map<string, Finding>();
  for (const finding of findings) {
    if (finding.source !== 'window-global') continue;
    const key = twinKey(finding);
    if (inlineKeys.has(key) && !globals.has(key)) globals.set(key, finding);
  }
  if (globals.size === 0) return [...findings];

  const result: Finding[] = [];
  for (const finding of findings) {
    const key = twinKey(finding);
    if (finding.source === 'window-global' && globals.has(key)) continue;
    const twin = finding.source === 'inline-script' ? globals.get(key) : undefined;
    result.push(twin === undefined ? finding : { ...finding, details: { ...finding.details, alsoInGlobal: globalPath(twin) } });
  }
  return result;
}
