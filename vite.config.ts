import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

// The extension build. Content scripts are built as standalone IIFE files: the MAIN-world probe must
// not use crxjs' dynamic-import loader (Firefox resolves it against the page, PLATFORM.md), and a
// single file per content script starts at document_start without an extra round trip.
export default defineConfig({
  plugins: [
    preact(),
    crx({
      manifest: manifest as Parameters<typeof crx>[0]['manifest'],
      contentScripts: { standaloneFiles: ['src/content/probe/index.ts', 'src/content/index.ts'] },
    }),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 2048,
    // Pages not named in the manifest: the DevTools panel is created from code (devtools.ts).
    rollupOptions: { input: { panel: 'src/devtools/panel.html' } },
  },
  // The popup is also opened as a normal tab by automation (PLATFORM.md): no dev-server specifics.
  server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
});
