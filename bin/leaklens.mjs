#!/usr/bin/env node
// The committed entry point for `npx leaklens`: the CLI itself is built into dist-cli/ (gitignored), so
// say how to build it instead of failing with a module-not-found stack trace.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist-cli/leaklens.mjs', import.meta.url);
if (!existsSync(fileURLToPath(built))) {
  process.stderr.write('leaklens: the CLI is not built yet; run "npm run build"\n');
  process.exit(2);
}
await import(built.href);
