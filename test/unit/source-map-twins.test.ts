/**
 * A secret found both in a bundle (mapped to its original file and line) and in the bundle's source map
 * (in sourcesContent, at that file and line) is one finding; what only one of them carries stays.
 */
import { describe, expect, it } from 'vitest';
import { foldSourceMapTwins } from '../../src/engine/source-map-twins.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { makeFinding } from '../support/mock-connector.ts';

const BUNDLE = 'https://cdn.example.test/js/app.js';
const MAP = 'https://cdn.example.test/js/app.js.map';

function awsKey(source: Finding['source'], location: Finding['location'], overrides: Partial<Finding>): Finding {
  return makeFinding({ ruleId: 'aws-access-key-id', source, secretHash: 'b'.repeat(32), location, ...overrides });
}

/** The key in the bundle at 2:50, which the map resolves to src/keys.ts:7 at the start of its segment. */
const inBundle = (overrides: Partial<Finding> = {}) =>
  awsKey('script', { url: BUNDLE, line: 2, column: 50, originalFile: 'webpack://acme/src/keys.ts', originalLine: 7, originalColumn: 3 }, overrides);

/** The same key in the map's sourcesContent, at its exact column. */
const inMap = (overrides: Partial<Finding> = {}) =>
  awsKey('source-map', { url: MAP, line: 7, column: 16, originalFile: 'webpack://acme/src/keys.ts', originalLine: 7, originalColumn: 16 }, overrides);

describe('foldSourceMapTwins', () => {
  it('keeps the bundle finding, with the map noted and its exact original column', () => {
    const bundle = inBundle({ details: { keyType: 'long-term' } });
    const [only, ...rest] = foldSourceMapTwins([bundle, inMap()]);
    expect(rest).toEqual([]);
    expect(only!.fingerprint).toBe(bundle.fingerprint);
    expect(only!.source).toBe('script');
    expect(only!.location).toEqual({ ...bundle.location, originalColumn: 16 });
    expect(only!.details).toEqual({ keyType: 'long-term', alsoInSourceMap: MAP });
  });

  it('folds whatever the order, and a map listing the source twice', () => {
    const bundle = inBundle();
    expect(foldSourceMapTwins([inMap(), bundle, inMap()]).map((f) => f.fingerprint)).toEqual([bundle.fingerprint]);
  });

  it('names an inline map as inline (its findings carry the bundle URL)', () => {
    const [only] = foldSourceMapTwins([inBundle(), inMap({ location: { ...inMap().location, url: BUNDLE } })]);
    expect(only!.details?.alsoInSourceMap).toBe('inline');
  });

  it('works on CLI findings, which name files instead of URLs', () => {
    const bundle = inBundle({ source: 'file', location: { file: 'dist/app.js', line: 1, column: 22, originalFile: 'src/config.ts', originalLine: 3, originalColumn: 1 } });
    const map = inMap({ location: { file: 'dist/app.js.map', line: 3, column: 13, originalFile: 'src/config.ts', originalLine: 3, originalColumn: 13 } });
    const [only, ...rest] = foldSourceMapTwins([bundle, map]);
    expect(rest).toEqual([]);
    expect(only!.details?.alsoInSourceMap).toBe('dist/app.js.map');
    expect(only!.location.originalColumn).toBe(13);
  });

  it('keeps a map finding that has no twin in the bundle: another line, value or rule', () => {
    const bundle = inBundle();
    const otherLine = inMap({ location: { ...inMap().location, line: 2, originalLine: 2 } });
    const otherValue = inMap({ secretHash: 'c'.repeat(32) });
    const otherRule = inMap({ ruleId: 'generic-api-key' });
    const otherFile = inMap({ location: { ...inMap().location, originalFile: 'webpack://acme/src/old-keys.ts' } });
    const result = foldSourceMapTwins([bundle, otherLine, otherValue, otherRule, otherFile]);
    expect(result).toEqual([bundle, otherLine, otherValue, otherRule, otherFile]);
    expect(result[0]!.details).toBeUndefined();
  });

  it('leaves a bundle finding the map does not resolve, and findings from elsewhere, alone', () => {
    const unmapped = inBundle({ location: { url: BUNDLE, line: 2, column: 50 } });
    const stored = makeFinding();
    const map = inMap();
    expect(foldSourceMapTwins([unmapped, stored, map])).toEqual([unmapped, stored, map]);
    expect(foldSourceMapTwins([])).toEqual([]);
  });
});
