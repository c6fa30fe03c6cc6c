// Loads the LeakLens engine in plain node: bundles src/engine/index.ts with vite (SSR build, ESM, no
// minification) into .cache/engine-build/ and imports it. Rebuilt on every call: the rules change often
// and the build takes about a second.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(ROOT, '.cache', 'engine-build');

export async function buildEngine({ outDir = OUT_DIR, quiet = true } = {}) {
  const { build } = await import('vite');
  await build({
    root: ROOT,
    configFile: false,
    logLevel: quiet ? 'error' : 'info',
    build: {
      ssr: path.join(ROOT, 'src/engine/index.ts'),
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: true, // for --cpu-prof readability
      target: 'node20',
      rollupOptions: { output: { format: 'es', entryFileNames: 'engine.mjs' } },
    },
  });
  return path.join(outDir, 'engine.mjs');
}

/** Build and import the engine. Returns the module namespace (scanText, RULES, Scanner, ...). */
export async function loadEngine(options = {}) {
  const file = await buildEngine(options);
  return import(`${pathToFileURL(file).href}?t=${Date.now()}`);
}
