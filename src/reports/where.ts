/**
 * "Where was it seen", as one human-readable string shared by the text, Markdown and SARIF message
 * renderers, so a finding reads the same in a terminal, a ticket and a code-scanning UI.
 */
import type { Finding, FindingLocation } from '../shared/finding.ts';

export function position(place: string, line?: number, column?: number): string {
  if (line === undefined) return place;
  return column === undefined ? `${place}:${line}` : `${place}:${line}:${column}`;
}

function qualifiers(location: FindingLocation): string {
  const parts: string[] = [];
  if (location.keyPath !== undefined) parts.push(`[key ${location.keyPath}]`);
  if (location.jsonPath !== undefined) parts.push(`[json ${location.jsonPath}]`);
  if (location.header !== undefined) parts.push(`[header ${location.header}]`);
  if (location.parameter !== undefined) parts.push(`[param ${location.parameter}]`);
  return parts.length > 0 ? ` ${parts.join(' ')}` : '';
}

/**
 * `dist/app.js:1:20`, `https://api.example.test/v1?token=… [param token]`, and for source-mapped
 * findings the original file first (that is what the developer edits) with the shipped file after.
 */
export function describeWhere(finding: Finding): string {
  const location = finding.location;
  const place = location.file ?? location.url ?? finding.pageUrl ?? '(unknown location)';
  // A HAR or a page scan has both: the file (or page) it came from and the request URL inside it.
  const requestUrl = location.file !== undefined && location.url !== undefined ? ` ${location.url}` : '';

  if (location.originalFile === undefined) {
    // Folded with the window global the script assigns (engine/page-global-twins.ts).
    const alsoInGlobal = typeof finding.details?.alsoInGlobal === 'string' ? ` [also ${finding.details.alsoInGlobal}]` : '';
    return position(place, location.line, location.column) + requestUrl + qualifiers(location) + alsoInGlobal;
  }

  const original = position(location.originalFile, location.originalLine, location.originalColumn);
  // A source-map finding's line/column already are the original position, inside the map's sourcesContent.
  const shipped =
    finding.source === 'source-map' ? `source map ${place}` : position(place, location.line, location.column);
  // Folded with its twin in the map's sourcesContent (engine/source-map-twins.ts): both ship the secret.
  const alsoInMap = finding.source !== 'source-map' && finding.details?.alsoInSourceMap !== undefined ? ' and its source map' : '';
  return `${original} (in ${shipped}${alsoInMap})${requestUrl}${qualifiers(location)}`;
}
