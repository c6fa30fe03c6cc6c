// @vitest-environment happy-dom
// @vitest-environment-options {"settings": {"handleDisabledFileLoadingAsSuccess": true}}
/**
 * Script collection: inline code copied with where it is, external scripts by URL only (classic,
 * module, modulepreload, preload), and later additions picked up by the watcher.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SentMemo } from '../../src/content/collectors/memo.ts';
import { collectScripts, isDataScriptType, isFetchableScriptUrl, isScriptResource, SCRIPT_LIMITS, watchScripts } from '../../src/content/collectors/scripts.ts';

let memo: SentMemo;
beforeEach(() => {
  memo = new SentMemo();
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://app.example.test/page');
  document.head.innerHTML = '';
  document.body.innerHTML = '';
});

/** Scripts inserted as markup do not run in happy-dom; they are still elements with src/text. */
function markup(html: string): void {
  document.body.innerHTML = html;
}

describe('collectScripts', () => {
  it('copies inline code with its selector and lists classic and module scripts by URL', () => {
    markup(`<script src="/static/app.js"></script><script type="module" src="https://cdn.example.test/m.mjs"></script>
      <script id="config">window.cfg = {}</script><script>var a = 1;</script><script type="module">import "./x.mjs";</script>
      <script type="application/json" id="__NEXT_DATA__">{}</script><script src="data:text/javascript,1"></script><script>   </script>`);
    const { inline, urls, islands } = collectScripts(document, memo);
    expect(urls).toEqual(['https://app.example.test/static/app.js', 'https://cdn.example.test/m.mjs']);
    expect(inline).toEqual([
      { selector: 'script#config', text: 'window.cfg = {}' },
      { selector: 'inline script #4', text: 'var a = 1;' },
      { selector: 'inline script #5', text: 'import "./x.mjs";' },
    ]);
    expect(islands).toEqual([{ selector: 'script#__NEXT_DATA__', type: 'application/json', text: '{}' }]);
    // Run again: nothing is new.
    expect(collectScripts(document, memo)).toEqual({ inline: [], urls: [], islands: [], skipped: [] });
  });

  it('reports an inline script over the size limit as skipped', () => {
    markup(`<script>${'x'.repeat(SCRIPT_LIMITS.maxInlineLength + 1)}</script>`);
    const { inline, skipped } = collectScripts(document, memo);
    expect(inline).toEqual([]);
    expect(skipped).toEqual([{ what: 'inline script #1', reason: `too large (${SCRIPT_LIMITS.maxInlineLength + 1} characters)` }]);
  });

  it('lists modulepreload and script preloads, not style or image preloads', () => {
    document.head.innerHTML = `<link rel="modulepreload" href="/chunks/chart.mjs"><link rel="preload" as="script" href="/a.js">
      <link rel="preload" as="style" href="/a.css"><link rel="prefetch" as="script" href="/later.js"><link rel="stylesheet" href="/b.css">`;
    expect(collectScripts(document, memo).urls).toEqual([
      'https://app.example.test/chunks/chart.mjs',
      'https://app.example.test/a.js',
      'https://app.example.test/later.js',
    ]);
  });
});

describe('data islands', () => {
  it('copies JSON islands, import maps and ld+json with a selector, not external JSON or blank ones', () => {
    markup(`<script id="__NEXT_DATA__" type="application/json">{"props":{}}</script>
      <script type="application/ld+json">{"@type":"Organization"}</script>
      <script type="importmap">{"imports":{}}</script>
      <script type="application/json" src="/data.json"></script>
      <script>var code = 1;</script><script type="application/json">   </script>`);
    expect(collectScripts(document, memo).islands).toEqual([
      { selector: 'script#__NEXT_DATA__', type: 'application/json', text: '{"props":{}}' },
      { selector: 'script[type="application/ld+json"]', type: 'application/ld+json', text: '{"@type":"Organization"}' },
      { selector: 'script[type="importmap"]', type: 'importmap', text: '{"imports":{}}' },
    ]);
    expect(isDataScriptType(' Application/JSON ')).toBe(true);
    expect(isDataScriptType('module')).toBe(false);
  });

  it('reports an island over the size limit as skipped instead of copying it', () => {
    markup(`<script id="huge" type="application/json">"${'x'.repeat(SCRIPT_LIMITS.maxInlineLength)}"</script>`);
    const result = collectScripts(document, memo);
    expect(result.islands).toEqual([]);
    expect(result.skipped).toEqual([{ what: 'script#huge', reason: `too large (${SCRIPT_LIMITS.maxInlineLength + 2} characters)` }]);
  });
});

describe('isScriptResource / isFetchableScriptUrl', () => {
  it('keeps scripts, and "other"/"link" entries whose path is a script (workers, preloads)', () => {
    expect(isScriptResource('script', 'https://a.test/chunk-3.js?v=2')).toBe(true);
    expect(isScriptResource('other', 'https://a.test/worker.js')).toBe(true);
    expect(isScriptResource('other', 'https://a.test/chunks/chart.mjs')).toBe(true);
    expect(isScriptResource('other', 'https://a.test/api/data')).toBe(false);
    expect(isScriptResource('fetch', 'https://a.test/app.js')).toBe(false);
    expect(isScriptResource('img', 'https://a.test/x.js')).toBe(false);
    expect(isFetchableScriptUrl('blob:https://a.test/1')).toBe(false);
    expect(isFetchableScriptUrl('http://a.test/x.js')).toBe(true);
  });
});

describe('watchScripts', () => {
  it('picks up scripts, inline code and modulepreloads added after the first collection', async () => {
    collectScripts(document, memo);
    let activity = 0;
    const watch = watchScripts(document, memo, () => activity++);
    const lazy = document.createElement('script');
    lazy.src = 'https://cdn.example.test/widget.js';
    document.body.appendChild(lazy);
    const inline = document.createElement('script');
    inline.textContent = 'window.late = "configuration";';
    document.body.appendChild(inline);
    const preload = document.createElement('link');
    preload.rel = 'modulepreload';
    preload.href = '/chunks/lazy.mjs';
    document.head.appendChild(preload);
    const div = document.createElement('div');
    document.body.appendChild(div);
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(activity).toBeGreaterThan(0);
    const taken = watch.take();
    expect(taken.urls).toEqual(['https://cdn.example.test/widget.js', 'https://app.example.test/chunks/lazy.mjs']);
    expect(taken.inline).toEqual([{ selector: 'inline script #2', text: 'window.late = "configuration";' }]);
    expect(watch.takeDomChanged()).toBe(true);
    expect(watch.takeDomChanged()).toBe(false);
    expect(watch.take()).toEqual({ inline: [], urls: [], islands: [], skipped: [] });
    watch.stop();
    document.body.appendChild(document.createElement('p'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(watch.takeDomChanged()).toBe(false);
  });
});
