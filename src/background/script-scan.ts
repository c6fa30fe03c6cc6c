/**
 * Script bundles are fetched by the background by URL (the page never copies megabytes through
 * messages), scanned once per URL and content, and attributed to every tab that loads them. Classic
 * and module scripts, lazy chunks, modulepreloads and worker scripts all arrive here by URL.
 * Oversized scripts are reported as skipped, never silently ignored. A script's source map (header or
 * `sourceMappingURL`, inline or external) adds the original file and line to its findings and has its
 * `sourcesContent` scanned too (source-maps.ts).
 */
import type { Finding } from '../shared/finding.ts';
import { scanText } from '../engine/index.ts';
import { foldSourceMapTwins } from '../engine/source-map-twins.ts';
import { redactUrl } from '../engine/inspectors/url.ts';
import type { SkippedResource } from './findings-store.ts';
import { findSourceMappingUrl, readTextCapped, SourceMapLoader, withOriginalPositions, type FetchLike } from './source-maps.ts';

export type { FetchLike } from './source-maps.ts';

export const MAX_SCRIPT_BYTES = 10 * 1024 * 1024;

export type ScriptScanResult =
  | {
      kind: 'scanned';
      findings: Finding[];
      /** Parts that were not scanned (a source map too large, cut sourcesContent). */
      skipped?: SkippedResource[];
    }
  | { kind: 'skipped'; reason: string };

/** Same bundle, same place: the path without query or fragment (`app.js?v=123` is still app.js). */
export function scriptIdentity(url: string): string {
  try {
    const parsed = new URL(url);
    return `script\u0000${parsed.origin}${parsed.pathname}`;
  } catch {
    return `script\u0000${url}`;
  }
}

export class ScriptScanner {
  /** URL → result; and content hash → result, so the same bundle under two URLs is scanned once. */
  private readonly byUrl = new Map<string, Promise<ScriptScanResult>>();
  private readonly byContent = new Map<string, { findings: Finding[]; skipped: SkippedResource[] }>();
  private readonly maps: SourceMapLoader;

  constructor(
    private readonly fetchScript: FetchLike,
    private readonly maxEntries = 500,
  ) {
    this.maps = new SourceMapLoader(fetchScript);
  }

  /** Forgets cached results: the rules changed (settings), so old results are stale. */
  clear(): void {
    this.byUrl.clear();
    this.byContent.clear();
  }

  scan(url: string): Promise<ScriptScanResult> {
    let pending = this.byUrl.get(url);
    if (!pending) {
      pending = this.fetchAndScan(url);
      if (this.byUrl.size >= this.maxEntries) this.byUrl.delete(this.byUrl.keys().next().value as string);
      this.byUrl.set(url, pending);
    }
    return pending;
  }

  private async fetchAndScan(url: string): Promise<ScriptScanResult> {
    let response: Response;
    try {
      // Cookies included: bundles behind a login are still the app's bundles. Only scripts (and their
      // maps) are fetched, never pages or links, so nothing the app does is replayed.
      response = await this.fetchScript(url, { credentials: 'include', cache: 'force-cache' });
    } catch (error) {
      return { kind: 'skipped', reason: `fetch failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!response.ok) return { kind: 'skipped', reason: `HTTP ${response.status}` };
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_SCRIPT_BYTES) return { kind: 'skipped', reason: `too large (${declared} bytes > ${MAX_SCRIPT_BYTES})` };
    let text: string | undefined;
    try {
      text = await readTextCapped(response, MAX_SCRIPT_BYTES);
    } catch (error) {
      return { kind: 'skipped', reason: `read failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (text === undefined) return { kind: 'skipped', reason: `too large (> ${MAX_SCRIPT_BYTES} bytes)` };
    const displayUrl = redactUrl(url);
    const contentHash = await contentDigest(text);
    const known = this.byContent.get(contentHash);
    if (known) {
      // Script findings name the URL they were seen at; map findings keep the map's own URL.
      const findings = known.findings.map((finding) => (finding.source === 'script' ? { ...finding, location: { ...finding.location, url: displayUrl } } : finding));
      return { kind: 'scanned', findings, skipped: known.skipped };
    }
    let findings = scanText(text, { source: 'script', location: { url: displayUrl }, identity: scriptIdentity(url) });
    const skipped: SkippedResource[] = [];
    const mapReference = response.headers.get('sourcemap') ?? response.headers.get('x-sourcemap') ?? findSourceMappingUrl(text);
    if (mapReference) {
      const outcome = await this.maps.load(mapReference, url, findings.length > 0);
      if (outcome.consumer) findings = withOriginalPositions(findings, outcome.consumer);
      // A secret in both the bundle and the map's sourcesContent is one finding (source-map-twins.ts).
      findings = foldSourceMapTwins([...findings, ...outcome.findings]);
      skipped.push(...outcome.skipped);
    }
    if (this.byContent.size >= this.maxEntries) this.byContent.delete(this.byContent.keys().next().value as string);
    this.byContent.set(contentHash, { findings, skipped });
    return { kind: 'scanned', findings, skipped };
  }
}

/** Native SHA-256 (WebCrypto): bundles are megabytes, and this is cache identity, not a finding hash. */
async function contentDigest(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
