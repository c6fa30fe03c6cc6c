/**
 * Facts about the installed LeakLens package. The version is inlined at build time (vite bundles the
 * JSON import, keeping only `version`); the root is found at run time because the built CLI lives in
 * `dist-cli/` while the extension build it loads lives in `dist/`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';

export const LEAKLENS_VERSION: string = version;

/** The nearest folder above this module that holds a package.json. */
export function packageRoot(): string {
  let directory = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error('cannot find the LeakLens package root');
    directory = parent;
  }
  return directory;
}

export function defaultExtensionDir(): string {
  return path.join(packageRoot(), 'dist');
}
