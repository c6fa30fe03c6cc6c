import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { firefoxManifest } from './manifest.firefox.ts';
import chromeConfig from './vite.config.ts';

/**
 * The Firefox build: the same sources as vite.config.ts, with the manifest transformed for Firefox
 * (manifest.firefox.ts) and crxjs told to emit `background.scripts`.
 *
 *   vite build --config vite.firefox.config.ts              → dist-firefox/ (what users install)
 *   vite build --config vite.firefox.config.ts --mode e2e   → dist-firefox-e2e/ (test build)
 *
 * The e2e mode turns on the automation log (src/background/firefox/automation-log.ts), which writes
 * the redacted JSON report to the background console: Firefox here cannot be driven by Playwright, so
 * the e2e test reads the report from Firefox's stdout. The shipped build never contains that code
 * (`import.meta.env.MODE` is replaced at build time and the branch is dropped).
 */
export default defineConfig(({ mode }) => ({
  plugins: [
    preact(),
    crx({
      manifest: firefoxManifest(manifest) as unknown as Parameters<typeof crx>[0]['manifest'],
      browser: 'firefox',
      // Standalone files as in the Chrome build; for Firefox this is required: crxjs' loader for
      // MAIN-world scripts does a relative dynamic import that Firefox resolves against the page.
      contentScripts: { standaloneFiles: ['src/content/probe/index.ts', 'src/content/index.ts'] },
    }),
  ],
  // The Chrome build's options (target, extra pages such as the DevTools panel), so the packages
  // cannot drift apart; only the output folder differs.
  build: {
    ...chromeConfig.build,
    outDir: mode === 'e2e' ? 'dist-firefox-e2e' : 'dist-firefox',
    emptyOutDir: true,
  },
}));
