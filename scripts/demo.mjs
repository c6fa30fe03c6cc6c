// `npm run demo`: serve the demo app (fake secrets, generated now), browse it with the built extension
// loaded into headless Chromium via `leaklens browse`, and print the findings table.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../demo/server.mjs';
import { ensureChromium } from './ensure-chromium.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const built of ['dist/manifest.json', 'dist-cli/leaklens.mjs']) {
  if (!existsSync(`${root}/${built}`)) {
    console.error(`leaklens demo: ${built} is missing; run "npm run build" first (npm run demo does).`);
    process.exit(2);
  }
}

let browser;
try {
  browser = ensureChromium();
} catch (error) {
  console.error(`leaklens demo: ${error.message}`);
  process.exit(2);
}

const demo = await startDemo();
const pages = ['/', '/network.html', '/page.html'].map((path) => new URL(path, demo.urls.app).href);
console.log(`Demo app (every secret in it is fake, generated at start): ${demo.urls.app}`);
console.log(`Browsing ${pages.length} pages with the LeakLens extension loaded in ${browser}…\n`);

const args = [
  `${root}/bin/leaklens.mjs`,
  'browse',
  ...pages,
  '--browser', browser,
  '--host-rules', demo.hostResolverRules,
  '--ignore-https-errors',
  '--format', process.env.LEAKLENS_DEMO_FORMAT ?? 'text',
  '--fail-on', 'none',
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
await demo.close();
if (code === 0) {
  console.log('\nOpen the same pages yourself: `npm run demo:serve`, then load dist/ as an unpacked extension (README).');
}
process.exit(code);
