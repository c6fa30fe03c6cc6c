/**
 * Structured values: storage entries, bodies and globals are often JSON. Walking the parsed value and
 * scanning each string leaf gives findings an exact JSON path (`$.user.accessToken`) instead of a
 * column inside a serialized blob. Bounded: depth, leaf count and total size, since page data is
 * untrusted and can be arbitrarily large or deep.
 */
import type { Finding } from '../shared/finding.ts';
import { scanText } from './index.ts';
import type { ScanOptions, ScanOrigin } from './types.ts';

export const JSON_WALK_LIMITS = { maxDepth: 12, maxLeaves: 5000 } as const;

/** Scans a string that may hold JSON; falls back to plain text when it does not parse. */
export function scanMaybeJson(text: string, origin: ScanOrigin, options?: ScanOptions): Finding[] {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return scanText(text, origin, options);
    }
    return scanJsonValue(parsed, origin, options);
  }
  return scanText(text, origin, options);
}

/** Scans every string leaf (and key) of an already-parsed value with its JSON path. */
export function scanJsonValue(value: unknown, origin: ScanOrigin, options?: ScanOptions): Finding[] {
  const findings: Finding[] = [];
  let leaves = 0;
  const basePath = origin.location.jsonPath ?? '$';
  const visit = (node: unknown, path: string, depth: number) => {
    if (leaves >= JSON_WALK_LIMITS.maxLeaves) return;
    if (typeof node === 'string') {
      leaves++;
      if (node.length >= 8) {
        const hits = scanText(node, { ...origin, location: { ...origin.location, jsonPath: path } }, options);
        findings.push(...hits.map(withoutPosition));
      }
      return;
    }
    if (node === null || typeof node !== 'object' || depth >= JSON_WALK_LIMITS.maxDepth) return;
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, `${path}[${index}]`, depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(node as Record<string, unknown>)) {
      if (typeof child === 'string' && child.length >= 8) {
        // Scan `"key": "value"` together so assignment rules (`client_secret`, `password`) see the name.
        leaves++;
        const childPath = `${path}${jsonPathSegment(key)}`;
        const asAssignment = `${JSON.stringify(key)}: ${JSON.stringify(child)}`;
        const hits = scanText(asAssignment, { ...origin, location: { ...origin.location, jsonPath: childPath } }, options);
        findings.push(...hits.map(withoutPosition));
        continue;
      }
      visit(child, `${path}${jsonPathSegment(key)}`, depth + 1);
    }
  };
  visit(value, basePath, 0);
  return findings;
}

/** Positions inside a leaf value (or a synthetic `"key": "value"`) mean nothing to the user: the path locates it. */
export function withoutPosition(finding: Finding): Finding {
  const { line: _line, column: _column, ...location } = finding.location;
  return { ...finding, location };
}

function jsonPathSegment(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}
