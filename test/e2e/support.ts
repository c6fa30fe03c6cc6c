/** Shared set-up for end-to-end tests: the demo app, the built extension, real Chromium. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDemo } from '../../demo/server.mjs';
import { launchWithExtension, type ExtensionSession } from '../../src/cli/chromium.ts';
// @ts-expect-error plain .mjs helper without types
import { ensureChromium } from '../../scripts/ensure-chromium.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'test-results');

export type Demo = Awaited<ReturnType<typeof startDemo>>;

export function requireBuild(): void {
  for (const file of ['dist/manifest.json', 'dist-cli/leaklens.mjs']) {
    if (!existsSync(path.join(ROOT, file))) throw new Error(`${file} is missing: run "npm run build" (npm test does it first)`);
  }
}

export function browserPath(): string {
  return (ensureChromium as () => string)();
}

export async function startBrowserOnDemo(): Promise<{ demo: Demo; session: ExtensionSession; browser: string }> {
  requireBuild();
  const browser = browserPath();
  const demo = await startDemo();
  const session = await launchWithExtension({
    browserPath: browser,
    extensionDir: DIST,
    hostRules: demo.hostResolverRules,
    ignoreHttpsErrors: true,
  });
  return { demo, session, browser };
}

/** Every raw value must be absent from `text` (storage dumps, reports, CLI output). */
export function rawValuesFoundIn(text: string, secrets: Record<string, string>): string[] {
  return Object.entries(secrets)
    .filter(([, value]) => value.length >= 8 && text.includes(value))
    .map(([name]) => name);
}

/** Everything the extension keeps (`storage.session` and `storage.local`), as one JSON text to search. */
export async function extensionStorageText(session: ExtensionSession): Promise<string> {
  return session.serviceWorker.evaluate(async () => {
    const scope = globalThis as unknown as { chrome: { storage: { session: { get(k: null): Promise<unknown> }; local: { get(k: null): Promise<unknown> } } } };
    return JSON.stringify([await scope.chrome.storage.session.get(null), await scope.chrome.storage.local.get(null)]);
  });
}
