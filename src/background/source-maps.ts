/**
 * Source maps of the scripts the background scans. A map says two useful things: where a finding in
 * minified code was written (`src/config.ts:5`, which is what the developer must edit), and what the
 * original sources contained (`sourcesContent`, often with comments and dead code the bundle lost).
 *
 * - Found by the `SourceMap`/`X-SourceMap` response header or the script's last `sourceMappingURL`
 *   comment (searched from the end with lastIndexOf: no regex over megabytes of bundle).
 * - Inline `data:` maps are decoded here; external maps are fetched by URL, like scripts.
 * - Size-capped: a map over the cap is reported as skipped ("too large"), never silently dropped.
 *   A map that does not exist (404) is normal for production sites and is not reported.
 * - Results (findings from sourcesContent) are cached by map URL; positions are mapped with
 *   source-map-js, whose mappings are decoded lazily, only for scripts that have findings.
 */
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import type { Finding } from '../shared/finding.ts';
import { scanText } from '../engine/index.ts';
import { redactUrl } from '../engine/inspectors/url.ts';
import type { SkippedResource } from './findings-store.ts';

export const SOURCE_MAP_LIMITS = {
  maxBytes: 32 * 1024 * 1024,
  /** Sources read from one map, and characters of sourcesContent scanned. */
  maxSources: 20_000,
  maxContentChars: 64 * 1024 * 1024,
  /** Map results kept (findings only; the parsed map is not kept). */
  maxCached: 200,
} as const;

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

/** Where a map is: its absolute URL (or `data:` URL) and the URL findings should name. */
export interface MapReference {
  /** Absolute `http(s):` or `data:` URL. */
  url: string;
  inline: boolean;
}

/**
 * The reference in the script's last `//# sourceMappingURL=` (or `//@`, or `/*# … *\/`) comment. Only
 * a comment that ends its line counts: a bundler's own source can contain the phrase inside strings.
 */
export function findSourceMappingUrl(text: string): string | undefined {
  const marker = 'sourceMappingURL=';
  let searchFrom = text.length;
  for (let attempt = 0; attempt < 8 && searchFrom > 0; attempt++) {
    const at = text.lastIndexOf(marker, searchFrom);
    if (at < 3) return undefined;
    searchFrom = at - 1;
    let cursor = at - 1;
    while (cursor > 0 && (text[cursor] === ' ' || text[cursor] === '\t') && at - cursor < 4) cursor--;
    if (text[cursor] !== '#' && text[cursor] !== '@') continue;
    const opener = text.slice(cursor - 2, cursor);
    if (opener !== '//' && opener !== '/*') continue;
    // The reference runs to the end of its line (closing `*/` aside) and holds no space or quote;
    // otherwise this was the phrase inside a string or a prose comment.
    const lineEnd = text.indexOf('\n', at);
    let reference = text.slice(at + marker.length, lineEnd < 0 ? text.length : lineEnd).trim();
    if (opener === '/*' && reference.endsWith('*/')) reference = reference.slice(0, -2).trimEnd();
    if (reference.length > 0 && !/[\s'"`]/.test(reference)) return reference;
  }
  return undefined;
}

/** Resolves a reference against the script URL; only web and data URLs are followed. */
export function resolveMapReference(reference: string, scriptUrl: string): MapReference | undefined {
  const trimmed = reference.trim();
  if (trimmed.startsWith('data:')) return { url: trimmed, inline: true };
  let resolved: URL;
  try {
    resolved = new URL(trimmed, scriptUrl);
  } catch {
    return undefined;
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') return undefined;
  return { url: resolved.href, inline: false };
}

/** The text of a `data:` URL (base64 or percent-encoded), or undefined when malformed or too large. */
export function decodeDataUrl(dataUrl: string, maxBytes: number = SOURCE_MAP_LIMITS.maxBytes): string | undefined {
  const comma = dataUrl.indexOf(',');
  if (comma < 0) return undefined;
  const header = dataUrl.slice(5, comma).toLowerCase();
  const payload = dataUrl.slice(comma + 1);
  try {
    if (header.split(';').includes('base64')) {
      if (payload.length * 0.75 > maxBytes) return undefined;
      const binary = atob(payload.replace(/\s+/g, ''));
      const bytes = new Uint8Array(binary.length);
      for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
      return new TextDecoder().decode(bytes);
    }
    const text = decodeURIComponent(payload);
    return text.length > maxBytes ? undefined : text;
  } catch {
    return undefined;
  }
}

/** A response body as text, or undefined once it passes `maxBytes` (the rest is not downloaded). */
export async function readTextCapped(response: Response, maxBytes: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) return undefined;
  if (!response.body) {
    const text = await response.text();
    return text.length > maxBytes ? undefined : text;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** A parsed map, or an error message. Accepts the `)]}'` anti-XSSI prefix the spec allows. */
export function parseSourceMap(text: string): SourceMapConsumer | string {
  const json = text.replace(/^\uFEFF/, '').replace(/^\)\]\}'[^\n]*\n/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    return `not JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'not a JSON object';
  const map = raw as Record<string, unknown>;
  if (!Array.isArray(map.sections) && (!Array.isArray(map.sources) || typeof map.mappings !== 'string')) return 'no sources or mappings';
  try {
    return new SourceMapConsumer(raw as RawSourceMap);
  } catch (error) {
    return `unreadable (${error instanceof Error ? error.message : String(error)})`;
  }
}

/** Where the map's findings are reported, and what makes two sightings one finding. */
export interface MapContext {
  /** Redacted map URL (the script's URL for an inline map). */
  displayUrl: string;
  /** Site of the map: the same original file leaking on one site is one finding. */
  origin: string;
}

/** Findings in the map's sourcesContent, at their original file, line and column. */
export function scanSourcesContent(consumer: SourceMapConsumer, context: MapContext): { findings: Finding[]; truncated: boolean } {
  const findings: Finding[] = [];
  let chars = 0;
  let truncated = false;
  const sources = consumer.sources.slice(0, SOURCE_MAP_LIMITS.maxSources);
  if (consumer.sources.length > sources.length) truncated = true;
  for (const source of sources) {
    const content = consumer.sourceContentFor(source, true);
    if (typeof content !== 'string' || content.length === 0) continue;
    chars += content.length;
    if (chars > SOURCE_MAP_LIMITS.maxContentChars) {
      truncated = true;
      break;
    }
    const hits = scanText(content, {
      source: 'source-map',
      location: { url: context.displayUrl, originalFile: source },
      identity: `source-map\u0000${context.origin}\u0000${source}`,
    });
    for (const finding of hits) {
      findings.push({
        ...finding,
        location: { ...finding.location, originalFile: source, originalLine: finding.location.line, originalColumn: finding.location.column },
      });
    }
  }
  return { findings, truncated };
}

/** Adds originalFile/Line/Column to findings whose generated position the map resolves. */
export function withOriginalPositions(findings: Finding[], consumer: SourceMapConsumer): Finding[] {
  return findings.map((finding) => {
    const { line, column } = finding.location;
    if (line === undefined || column === undefined) return finding;
    let original: ReturnType<SourceMapConsumer['originalPositionFor']>;
    try {
      // source-map-js: 1-based lines, 0-based columns; findings use 1-based columns.
      original = consumer.originalPositionFor({ line, column: column - 1 });
    } catch {
      return finding;
    }
    if (original.source === null || original.line === null) return finding;
    return {
      ...finding,
      location: { ...finding.location, originalFile: original.source, originalLine: original.line, originalColumn: original.column + 1 },
    };
  });
}

export interface MapOutcome {
  /** Parsed map, for mapping this script's findings (not cached: maps can be large). */
  consumer?: SourceMapConsumer;
  /** Findings in sourcesContent (cached by map URL). */
  findings: Finding[];
  skipped: SkippedResource[];
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}

/** Fetches and reads maps, remembering each map's sourcesContent findings by URL. */
export class SourceMapLoader {
  private readonly results = new Map<string, { findings: Finding[]; skipped: SkippedResource[] }>();

  constructor(private readonly fetchMap: FetchLike) {}

  /**
   * The map for a script. `reference` is the header value or comment URL, as written; `needConsumer`
   * says the script has findings whose original positions are wanted.
   */
  async load(reference: string, scriptUrl: string, needConsumer: boolean): Promise<MapOutcome> {
    const target = resolveMapReference(reference, scriptUrl);
    if (!target) return { findings: [], skipped: [] };
    const displayUrl = redactUrl(target.inline ? scriptUrl : target.url);
    const cacheKey = target.inline ? undefined : target.url;
    const cached = cacheKey === undefined ? undefined : this.results.get(cacheKey);
    if (cached && !needConsumer) return { ...cached };

    let text: string;
    if (target.inline) {
      const decoded = decodeDataUrl(target.url);
      if (decoded === undefined) return { findings: [], skipped: [{ url: displayUrl, reason: `inline source map malformed or too large (> ${SOURCE_MAP_LIMITS.maxBytes} bytes)` }] };
      text = decoded;
    } else {
      const fetched = await this.fetchText(target.url);
      if (fetched.kind === 'missing') return { findings: [], skipped: [] };
      if (fetched.kind === 'too-large') return { findings: [], skipped: [{ url: displayUrl, reason: `source map too large (> ${SOURCE_MAP_LIMITS.maxBytes} bytes)` }] };
      text = fetched.text;
    }
    const consumer = parseSourceMap(text);
    if (typeof consumer === 'string') return { findings: [], skipped: [{ url: displayUrl, reason: `source map ${consumer}` }] };
    const result = cached ?? this.scan(consumer, displayUrl, scriptUrl, cacheKey);
    return { consumer, ...result };
  }

  private scan(consumer: SourceMapConsumer, displayUrl: string, scriptUrl: string, cacheKey: string | undefined) {
    const { findings, truncated } = scanSourcesContent(consumer, { displayUrl, origin: originOf(scriptUrl) });
    const skipped = truncated ? [{ url: displayUrl, reason: `source map sourcesContent cut at ${SOURCE_MAP_LIMITS.maxSources} sources / ${SOURCE_MAP_LIMITS.maxContentChars} characters` }] : [];
    const result = { findings, skipped };
    if (cacheKey !== undefined) {
      if (this.results.size >= SOURCE_MAP_LIMITS.maxCached) this.results.delete(this.results.keys().next().value as string);
      this.results.set(cacheKey, result);
    }
    return result;
  }

  /** The map's text, or why there is none. Maps are often not deployed: a missing one is not reported. */
  private async fetchText(url: string): Promise<{ kind: 'text'; text: string } | { kind: 'missing' } | { kind: 'too-large' }> {
    let response: Response;
    try {
      response = await this.fetchMap(url, { credentials: 'include', cache: 'force-cache' });
    } catch {
      return { kind: 'missing' };
    }
    if (!response.ok) return { kind: 'missing' };
    const text = await readTextCapped(response, SOURCE_MAP_LIMITS.maxBytes).catch(() => null);
    if (text === null) return { kind: 'missing' }; // the connection broke mid-way
    return text === undefined ? { kind: 'too-large' } : { kind: 'text', text };
  }
}
