/**
 * Source maps in a scan, two ways. A `.map` file ships the original sources in `sourcesContent`: each is
 * scanned and reported at its original file and line. A `.js` bundle that names its map gets the
 * original file/line/column added to each finding, so the developer sees where to fix it.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';
import { scanText } from '../engine/index.ts';
import type { Finding } from '../shared/finding.ts';
import { describeFsError, InputError } from './errors.ts';
import { parseJson } from './json-position.ts';
import { MAX_FILE_BYTES } from './limits.ts';

interface MapSource {
  /** Resolved original file path (or URL, e.g. `webpack://app/./src/x.ts`). */
  file: string;
  content: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A relative source in a map is relative to the map's own location (after `sourceRoot`). Resolved here so
 * `dist/assets/app.js.map` → `../../src/app.ts` is reported as `src/app.ts`, a path the user can open.
 */
export function resolveOriginalSource(mapFile: string, source: string, sourceRoot = ''): string {
  const hasScheme = (value: string): boolean => /^[a-z][a-z0-9+.-]+:/i.test(value);
  const joined =
    sourceRoot !== '' && !hasScheme(source) && !source.startsWith('/')
      ? `${sourceRoot.replace(/\/?$/, '/')}${source}`
      : source;
  if (hasScheme(joined) || path.isAbsolute(joined)) return joined;
  return path.normalize(path.join(path.dirname(mapFile), joined));
}

/** `)]}'` guards a map against being run as script (allowed by the spec); not part of the JSON. */
function stripXssiPrefix(text: string): string {
  return text.replace(/^\uFEFF?\)\]\}'[^\n]*\n/, '').replace(/^\uFEFF/, '');
}

export function parseSourceMap(text: string, mapFile: string): Record<string, unknown> {
  const parsed = parseJson(stripXssiPrefix(text));
  if (!parsed.ok) throw new InputError(`malformed source map "${mapFile}": ${parsed.error}`);
  if (!isRecord(parsed.value)) throw new InputError(`malformed source map "${mapFile}": not a JSON object`);
  return parsed.value;
}

/** Sources with content, including those of an index map's sections. */
function sourcesWithContent(map: Record<string, unknown>, mapFile: string): MapSource[] {
  if (Array.isArray(map.sections)) {
    return map.sections.flatMap((section) =>
      isRecord(section) && isRecord(section.map) ? sourcesWithContent(section.map, mapFile) : [],
    );
  }
  const sources = Array.isArray(map.sources) ? map.sources : [];
  const contents = Array.isArray(map.sourcesContent) ? map.sourcesContent : [];
  const sourceRoot = typeof map.sourceRoot === 'string' ? map.sourceRoot : '';
  return contents.flatMap((content, index) => {
    const source = sources[index];
    if (typeof content !== 'string') return [];
    const name = typeof source === 'string' ? source : `sourcesContent[${index}]`;
    return [{ file: resolveOriginalSource(mapFile, name, sourceRoot), content }];
  });
}

/** Findings in the original sources a `.map` file carries (source `source-map`). */
export function scanSourceMapText(text: string, mapFile: string): Finding[] {
  const map = parseSourceMap(text, mapFile);
  return sourcesWithContent(map, mapFile).flatMap((source) =>
    scanText(source.content, {
      source: 'source-map',
      location: { file: mapFile, originalFile: source.file },
      identity: `source-map ${mapFile} ${source.file}`,
    }).map((finding) => ({
      ...finding,
      location: {
        ...finding.location,
        originalFile: source.file,
        originalLine: finding.location.line,
        originalColumn: finding.location.column,
      },
    })),
  );
}

const SOURCE_MAPPING_URL = /(?:\/\/|\/\*)[#@][ \t]*sourceMappingURL=([^\s'"*]+)/g;

/** The last `sourceMappingURL` comment wins (bundlers append theirs at the end). */
function sourceMappingUrl(jsText: string): string | undefined {
  let last: string | undefined;
  for (const match of jsText.matchAll(SOURCE_MAPPING_URL)) last = match[1];
  return last;
}

function inlineMapText(dataUrl: string): string | undefined {
  const comma = dataUrl.indexOf(',');
  if (comma === -1) return undefined;
  const header = dataUrl.slice(0, comma);
  const payload = dataUrl.slice(comma + 1);
  try {
    return header.endsWith(';base64') ? Buffer.from(payload, 'base64').toString('utf8') : decodeURIComponent(payload);
  } catch {
    return undefined;
  }
}

interface LoadedMap {
  consumer: SourceMapConsumer;
  /** Relative sources resolve against this file's directory. */
  mapFile: string;
}

/**
 * The map a bundle points at, when it is local: an inline `data:` map or a file next to it. A map on
 * a server (http…) or one that does not exist is simply not used; a broken one is a warning.
 */
async function loadMapFor(jsFile: string, jsText: string, warn: (message: string) => void): Promise<LoadedMap | undefined> {
  const reference = sourceMappingUrl(jsText);
  if (reference === undefined) return undefined;
  let mapText: string | undefined;
  let mapFile: string;
  if (reference.startsWith('data:')) {
    mapText = inlineMapText(reference);
    mapFile = jsFile;
  } else {
    if (/^[a-z][a-z0-9+.-]+:/i.test(reference)) return undefined;
    let relative: string;
    try {
      relative = decodeURIComponent(reference.replace(/[?#].*$/, ''));
    } catch {
      return undefined;
    }
    mapFile = path.join(path.dirname(jsFile), relative);
    try {
      if ((await stat(mapFile)).size > MAX_FILE_BYTES) {
        warn(`source map "${mapFile}" is larger than 64 MB; positions in "${jsFile}" are not mapped`);
        return undefined;
      }
      mapText = await readFile(mapFile, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      warn(`cannot read source map "${mapFile}" for "${jsFile}": ${describeFsError(error)}`);
      return undefined;
    }
  }
  if (mapText === undefined) return undefined;
  try {
    const raw = parseSourceMap(mapText, mapFile) as unknown as RawSourceMap;
    return { consumer: new SourceMapConsumer(raw), mapFile };
  } catch (error) {
    warn(`${error instanceof Error ? error.message : String(error)}; positions in "${jsFile}" are not mapped`);
    return undefined;
  }
}

/** Adds originalFile/Line/Column to findings in a bundle that has a local source map. */
export async function withOriginalPositions(
  jsFile: string,
  jsText: string,
  findings: Finding[],
  warn: (message: string) => void,
): Promise<Finding[]> {
  if (findings.length === 0) return findings;
  const loaded = await loadMapFor(jsFile, jsText, warn);
  if (loaded === undefined) return findings;
  return findings.map((finding) => {
    const { line, column } = finding.location;
    if (line === undefined || column === undefined) return finding;
    // source-map-js: 1-based lines, 0-based columns; findings use 1-based columns.
    const original = loaded.consumer.originalPositionFor({ line, column: column - 1 });
    if (original.source === null || original.line === null) return finding;
    return {
      ...finding,
      location: {
        ...finding.location,
        originalFile: resolveOriginalSource(loaded.mapFile, original.source),
        originalLine: original.line,
        originalColumn: original.column + 1,
      },
    };
  });
}
