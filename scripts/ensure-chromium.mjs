// Finds a Chromium (or Chrome) to drive; on a Debian machine without one, installs Debian's package
// when running as root, else says exactly what to run. Used by `npm run demo` and the e2e tests.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export function findChromium() {
  if (process.env.LEAKLENS_BROWSER) return process.env.LEAKLENS_BROWSER;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const name of CANDIDATES) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export const INSTALL_HINT =
  'LeakLens needs Chromium or Chrome. On Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y chromium ' +
  '(or set LEAKLENS_BROWSER=/path/to/chrome, or pass --browser PATH to leaklens browse).';

export function ensureChromium({ install = true, log = (line) => process.stderr.write(`${line}\n`) } = {}) {
  const found = findChromium();
  if (found) return found;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (install && isRoot && hasApt) {
    log('Chromium not found: installing Debian\'s chromium package (apt-get, as root)…');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const installed = findChromium();
    if (installed) return installed;
  }
  throw new Error(INSTALL_HINT);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    console.log(ensureChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
}
