/**
 * Source maps of fetched scripts: found by header or trailing comment, inline or external, size-capped
 * (and reported when skipped), sourcesContent scanned at the original file and line, findings in the
 * generated code mapped back to the original position, results cached.
 */
import { SourceMapGenerator } from 'source-map-js';
import { describe, expect, it } from 'vitest';
import { BackgroundController } from '../../src/background/controller.ts';
import { FindingsStore } from '../../src/background/findings-store.ts';
import { ScriptScanner, scriptIdentity } from '../../src/background/script-scan.ts';
import { decodeDataUrl, findSourceMappingUrl, parseSourceMap, readTextCapped, resolveMapReference, SOURCE_MAP_LIMITS } from '../../src/background/source-maps.ts';
import type { ReportResponse, StatusResponse } from '../../src/shared/messages.ts';
import { fakeAwsKeyId } from '../support/fake-secrets.ts';
import { FakeStorageArea } from '../support/fake-storage.ts';

describe('findSourceMappingUrl', () => {
  it('reads the last sourceMappingURL comment that ends its line', () => {
    expect(findSourceMappingUrl('var a=1;\n//# sourceMappingURL=app.js.map\n')).toBe('app.js.map');
    expect(findSourceMappingUrl('var a=1;\n//@ sourceMappingURL=legacy.map')).toBe('legacy.map');
    expect(findSourceMappingUrl('a();\n/*# sourceMappingURL=style.map */')).toBe('style.map');
    expect(findSourceMappingUrl('//# sourceMappingURL=old.map\nb();\n//# sourceMappingURL=new.map\n\n')).toBe('new.map');
    expect(findSourceMappingUrl('x();\n//# sourceMappingURL=data:application/json;base64,eyJ9')).toBe('data:application/json;base64,eyJ9');
  });

  it('ignores the phrase inside code or prose', () => {
    expect(findSourceMappingUrl('var a=1;')).toBeUndefined();
    expect(findSourceMappingUrl('//# sourceMappingURL=real.map\nvar s="//# sourceMappingURL="+name;')).toBe('real.map');
    expect(findSourceMappingUrl('// see sourceMappingURL=x in the docs')).toBeUndefined();
    expect(findSourceMappingUrl('//# sourceMappingURL=a b.map')).toBeUndefined();
  });
});

describe('map references and data URLs', () => {
  it('resolves against the script and follows only web and data URLs', () => {
    expect(resolveMapReference('app.js.map', 'https://cdn.example.test/js/app.js?v=1')).toEqual({ url: 'https://cdn.example.test/js/app.js.map', inline: false });
    expect(resolveMapReference('/maps/app.map', 'https://a.test/js/app.js')).toEqual({ url: 'https://a.test/maps/app.map', inline: false });
    expect(resolveMapReference('data:application/json,{}', 'https://a.test/app.js')).toEqual({ url: 'data:application/json,{}', inline: true });
    expect(resolveMapReference('file:///etc/passwd', 'https://a.test/app.js')).toBeUndefined();
    expect(resolveMapReference('javascript:alert(1)', 'https://a.test/app.js')).toBeUndefined();
  });

  it('decodes base64 (as UTF-8) and percent-encoded data URLs, refusing malformed or oversized ones', () => {
    const json = '{"sources":["ü.ts"]}';
    expect(decodeDataUrl(`data:application/json;charset=utf-8;base64,${Buffer.from(json).toString('base64')}`)).toBe(json);
    expect(decodeDataUrl(`data:application/json,${encodeURIComponent(json)}`)).toBe(json);
    expect(decodeDataUrl('data:application/json;base64,@@@')).toBeUndefined();
    expect(decodeDataUrl('data:no-comma')).toBeUndefined();
    expect(decodeDataUrl(`data:application/json;base64,${'A'.repeat(400)}`, 100)).toBeUndefined();
  });

  it('reads a body up to a cap and stops downloading past it', async () => {
    expect(await readTextCapped(new Response('hello'), 10)).toBe('hello');
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(1024));
      },
    });
    expect(await readTextCapped(new Response(stream), 10_000)).toBeUndefined();
    expect(await readTextCapped(new Response('small', { headers: { 'content-length': '999999' } }), 10)).toBeUndefined();
  });

  it('parses maps with the anti-XSSI prefix and explains broken ones', () => {
    const map = JSON.stringify({ version: 3, sources: ['a.ts'], names: [], mappings: 'AAAA' });
    expect(typeof parseSourceMap(`)]}'\n${map}`)).toBe('object');
    expect(parseSourceMap('not json')).toMatch(/^not JSON/);
    expect(parseSourceMap('[1]')).toBe('not a JSON object');
    expect(parseSourceMap('{"version":3}')).toBe('no sources or mappings');
  });
});

/** A minified line with a key in it, and a map pointing that position at src/keys.ts line 7. */
function bundleWithMap(keyId: string, sourceOnlyKeyId: string, mapComment: string | undefined) {
  const prefix = '!function(){var c={region:"us-east-1",accessKeyId:"';
  const script = `/*! bundle */\n${prefix}${keyId}"}}();\n${mapComment === undefined ? '' : `//# sourceMappingURL=${mapComment}\n`}`;
  const original = ['// AWS settings', '// Rotated: the previous key was ' + sourceOnlyKeyId, '', '', '', 'export const aws = {', `  accessKeyId: "${keyId}",`, '};'].join('\n');
  const generator = new SourceMapGenerator({ file: 'app.js' });
  generator.addMapping({ generated: { line: 2, column: prefix.length }, original: { line: 7, column: 15 }, source: 'webpack://acme/./src/keys.ts' });
  generator.setSourceContent('webpack://acme/./src/keys.ts', original);
  return { script, map: generator.toString(), column: prefix.length + 1 };
}

function scannerOver(files: Record<string, string | Response>) {
  const fetched: string[] = [];
  const scanner = new ScriptScanner(async (url) => {
    fetched.push(url);
    const file = files[url];
    if (file === undefined) return new Response('not found', { status: 404 });
    return typeof file === 'string' ? new Response(file, { status: 200 }) : file;
  });
  return { scanner, fetched };
}

describe('ScriptScanner with source maps', () => {
  it('maps script findings to the original file and line, and scans sourcesContent', async () => {
    const keyId = fakeAwsKeyId();
    const oldKeyId = fakeAwsKeyId();
    const { script, map, column } = bundleWithMap(keyId, oldKeyId, 'app.js.map');
    const { scanner } = scannerOver({ 'https://cdn.example.test/js/app.js': script, 'https://cdn.example.test/js/app.js.map': map });
    const result = await scanner.scan('https://cdn.example.test/js/app.js');
    if (result.kind !== 'scanned') throw new Error(result.reason);
    const inScript = result.findings.filter((f) => f.source === 'script');
    expect(inScript).toHaveLength(1);
    expect(inScript[0]!.location).toEqual({
      url: 'https://cdn.example.test/js/app.js',
      line: 2,
      column,
      // source-map-js normalises `./` segments; map findings use the same name.
      originalFile: 'webpack://acme/src/keys.ts',
      originalLine: 7,
      // The mapping points at the opening quote (column 16); the map's sourcesContent gives the key's own.
      originalColumn: 17,
    });
    // The bundled key is in the map's sourcesContent too: one finding, which says so.
    expect(inScript[0]!.details?.alsoInSourceMap).toBe('https://cdn.example.test/js/app.js.map');
    // Only the map still carries the rotated key (in a comment the bundler dropped).
    const inMap = result.findings.filter((f) => f.source === 'source-map');
    expect(inMap.map((f) => [f.location.originalFile, f.location.originalLine, f.location.url])).toEqual([['webpack://acme/src/keys.ts', 2, 'https://cdn.example.test/js/app.js.map']]);
    expect(result.skipped).toEqual([]);
    expect(JSON.stringify(result)).not.toContain(keyId);
    expect(JSON.stringify(result)).not.toContain(oldKeyId);
  });

  it('finds the map through the SourceMap header, and reads inline data: maps', async () => {
    const keyId = fakeAwsKeyId();
    const viaHeader = bundleWithMap(keyId, fakeAwsKeyId(), undefined);
    const inline = bundleWithMap(keyId, fakeAwsKeyId(), `data:application/json;charset=utf-8;base64,${Buffer.from(bundleWithMap(keyId, fakeAwsKeyId(), undefined).map).toString('base64')}`);
    const { scanner } = scannerOver({
      'https://a.test/header.js': new Response(viaHeader.script, { headers: { SourceMap: '/maps/header.js.map' } }),
      'https://a.test/maps/header.js.map': viaHeader.map,
      'https://a.test/inline.js': inline.script,
    });
    const header = await scanner.scan('https://a.test/header.js');
    const inlined = await scanner.scan('https://a.test/inline.js');
    if (header.kind !== 'scanned' || inlined.kind !== 'scanned') throw new Error('not scanned');
    expect(header.findings.find((f) => f.source === 'script')!.location.originalLine).toBe(7);
    expect(inlined.findings.find((f) => f.source === 'script')!.location.originalLine).toBe(7);
    // An inline map has no URL of its own: its findings name the script.
    expect(inlined.findings.filter((f) => f.source === 'source-map').map((f) => f.location.url)).toEqual(['https://a.test/inline.js']);
    expect(inlined.findings.find((f) => f.source === 'script')!.details?.alsoInSourceMap).toBe('inline');
    expect(header.findings.find((f) => f.source === 'script')!.details?.alsoInSourceMap).toBe('https://a.test/maps/header.js.map');
  });

  it('reports a map over the size cap as skipped, and a missing map not at all', async () => {
    const keyId = fakeAwsKeyId();
    const big = bundleWithMap(keyId, fakeAwsKeyId(), 'big.map');
    const missing = bundleWithMap(keyId, fakeAwsKeyId(), 'gone.map');
    const { scanner } = scannerOver({
      'https://a.test/big.js': big.script,
      'https://a.test/big.map': new Response('{}', { headers: { 'content-length': String(SOURCE_MAP_LIMITS.maxBytes + 1) } }),
      'https://a.test/missing.js': missing.script,
    });
    const skipped = await scanner.scan('https://a.test/big.js');
    const absent = await scanner.scan('https://a.test/missing.js');
    if (skipped.kind !== 'scanned' || absent.kind !== 'scanned') throw new Error('not scanned');
    expect(skipped.skipped).toEqual([{ url: 'https://a.test/big.map', reason: `source map too large (> ${SOURCE_MAP_LIMITS.maxBytes} bytes)` }]);
    expect(skipped.findings.map((f) => f.source)).toEqual(['script']);
    expect(absent.skipped).toEqual([]);
    expect(absent.findings[0]!.location.originalFile).toBeUndefined();
  });

  it('fetches a map once for scripts without findings, and keeps map findings on the map URL across URLs', async () => {
    const keyId = fakeAwsKeyId();
    const { script, map } = bundleWithMap(keyId, fakeAwsKeyId(), '/shared.map');
    const quiet = 'var nothing=1;\n//# sourceMappingURL=/shared.map\n';
    const { scanner, fetched } = scannerOver({ 'https://a.test/quiet1.js': quiet, 'https://a.test/quiet2.js': `${quiet}\n`, 'https://a.test/shared.map': map, 'https://a.test/app.js': script, 'https://a.test/app-copy.js': script });
    await scanner.scan('https://a.test/quiet1.js');
    await scanner.scan('https://a.test/quiet2.js');
    expect(fetched.filter((url) => url.endsWith('shared.map'))).toHaveLength(1);
    await scanner.scan('https://a.test/app.js');
    const copy = await scanner.scan('https://a.test/app-copy.js');
    if (copy.kind !== 'scanned') throw new Error(copy.reason);
    // Same content under another URL: not scanned again, script findings relabelled, map findings not.
    expect(fetched.filter((url) => url.endsWith('shared.map'))).toHaveLength(2);
    expect(copy.findings.find((f) => f.source === 'script')!.location.url).toBe('https://a.test/app-copy.js');
    expect(new Set(copy.findings.filter((f) => f.source === 'source-map').map((f) => f.location.url))).toEqual(new Set(['https://a.test/shared.map']));
  });

  it('identifies a script by its path, so a cache-busting query is the same place', () => {
    expect(scriptIdentity('https://a.test/app.js?v=1')).toBe(scriptIdentity('https://a.test/app.js?v=2#x'));
    expect(scriptIdentity('https://a.test/app.js')).not.toBe(scriptIdentity('https://b.test/app.js'));
  });
});

describe('source-map skips through the controller', () => {
  it('lists a skipped map in the tab\'s report while keeping the script\'s findings', async () => {
    const extensionId = 'abcdefghijklmnopabcdefghijklmnop';
    const origin = `chrome-extension://${extensionId}/`;
    const keyId = fakeAwsKeyId();
    const big = bundleWithMap(keyId, fakeAwsKeyId(), 'big.map');
    const controller = new BackgroundController({
      store: new FindingsStore(new FakeStorageArea()),
      scripts: new ScriptScanner(async (url) =>
        url.endsWith('.map')
          ? new Response('{}', { headers: { 'content-length': String(SOURCE_MAP_LIMITS.maxBytes + 1) } })
          : new Response(big.script),
      ),
      action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined },
      extensionId,
      extensionOrigin: origin,
      version: '0.0.0-test',
    });
    const popup = { id: extensionId, url: `${origin}src/popup/index.html` };
    controller.onScript(6, 'https://a.test/big.js');
    for (let i = 0; i < 100 && ((await controller.handleMessage({ type: 'leaklens/status' }, popup)) as StatusResponse).pending > 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const report = (await controller.handleMessage({ type: 'leaklens/report', format: 'json', tabId: 6 }, popup)) as ReportResponse;
    expect(report.document).toContain('aws-access-key-id');
    expect(report.document).toMatch(/skipped https:\/\/a\.test\/big\.map: source map too large/);
  });
});
