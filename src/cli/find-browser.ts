/** Finding a Chromium-family browser on PATH, the way a shell would, in the documented order. */
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';

export const BROWSER_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'] as const;

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** The first of BROWSER_NAMES found in any PATH directory, or undefined. */
export function findBrowserOnPath(searchPath = process.env.PATH ?? ''): string | undefined {
  const directories = searchPath.split(path.delimiter).filter((directory) => directory !== '');
  for (const name of BROWSER_NAMES) {
    for (const directory of directories) {
      const candidate = path.join(directory, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}
