import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

// The CLI build: one ES module for node 20. Everything is bundled (engine, reports, source-map-js) except
// node built-ins and playwright-core, which ships its own browser protocol code and is the CLI's only
// runtime dependency.
const external = [...builtinModules, ...builtinModules.map((name) => `node:${name}`), 'playwright-core', /^playwright-core\//];

export default defineConfig({
  // Not the extension's public/ folder: nothing is copied next to the CLI.
  publicDir: false,
  ssr: { noExternal: true, external: ['playwright-core'] },
  build: {
    ssr: 'src/cli/main.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: {
      external,
      // `browse` (and playwright-core with it) is a lazily loaded chunk so `scan` starts fast.
      output: { entryFileNames: 'leaklens.mjs', chunkFileNames: 'chunks/[name]-[hash].mjs', format: 'es' },
    },
  },
});
