/**
 * A secret in a bundle that ships its source map is found twice: in the bundle, where the map resolves
 * it to its original file and line, and in the map's `sourcesContent`, at that same file and line. That
 * is one line of code to fix and one exposure to report, so it becomes one finding: the bundle's, which
 * names the shipped file as well as the original. It notes that the map ships the secret too
 * (`details.alsoInSourceMap`: the map's URL or file, or `inline`) and takes the map's original column,
 * which is exact where the bundle's mapping segment can start before the secret (a comment kept
 * verbatim maps to the start of its line).
 *
 * A map finding with no twin in the bundle stays as it is: that is a secret only the map still carries
 * (a comment, dead code the bundler dropped), which is what scanning `sourcesContent` is for.
 */
import type { Finding } from '../shared/finding.ts';

/** Same rule, same value, same original file and line. */
function twinKey(finding: Finding): string | undefined {
  const { originalFile, originalLine } = finding.location;
  if (originalFile === undefined || originalLine === undefined) return undefined;
  return `${finding.ruleId}\u0000${finding.secretHash}\u0000${originalFile}\u0000${originalLine}`;
}

export function foldSourceMapTwins(findings: readonly Finding[]): Finding[] {
  const inMaps = new Map<string, Finding>();
  for (const finding of findings) {
    const key = finding.source === 'source-map' ? twinKey(finding) : undefined;
    if (key !== undefined && !inMaps.has(key)) inMaps.set(key, finding);
  }
  if (inMaps.size === 0) return [...findings];
  const folded = new Set<string>();
  for (const finding of findings) {
    const key = finding.source === 'source-map' ? undefined : twinKey(finding);
    if (key !== undefined && inMaps.has(key)) folded.add(key);
  }

  const result: Finding[] = [];
  for (const finding of findings) {
    const key = twinKey(finding);
    const isFolded = key !== undefined && folded.has(key);
    if (!isFolded) result.push(finding);
    else if (finding.source !== 'source-map') result.push(withMapTwin(finding, inMaps.get(key)!));
  }
  return result;
}

function withMapTwin(finding: Finding, twin: Finding): Finding {
  const mapPlace = twin.location.url ?? twin.location.file;
  // An inline (`data:`) map has no place of its own: its findings name the bundle.
  const inline = mapPlace !== undefined && mapPlace === (finding.location.url ?? finding.location.file);
  return {
    ...finding,
    location: { ...finding.location, originalColumn: twin.location.originalColumn ?? finding.location.originalColumn },
    details: { ...finding.details, ...(mapPlace !== undefined ? { alsoInSourceMap: inline ? 'inline' : mapPlace } : {}) },
  };
}
