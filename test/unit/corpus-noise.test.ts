/**
 * The acceptance bar for every rule: real, minified production bundles from popular npm packages hold no
 * credentials, so the full engine must report nothing at medium or above on them. The corpus (≥ 50 MB)
 * is fetched once with `npm pack` by scripts/corpus.mjs into .cache/corpus/; it is required: when it
 * cannot be fetched this test fails with the reason rather than passing silently.
 */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanText } from '../../src/engine/index.ts';
import { atLeast, type Finding } from '../../src/shared/finding.ts';

interface Corpus {
  dir: string;
  files: string[];
  bytes: number;
}

/** scripts/corpus.mjs is a plain ESM script (no type declarations): typed here by what we use. */
type EnsureCorpus = (options?: { log?: false | ((message: string) => void) }) => Promise<Corpus>;

const MIN_BYTES = 50 * 1024 * 1024;
const TIMEOUT = 10 * 60 * 1000;

let corpus: Corpus | undefined;
let fetchError: unknown;

beforeAll(async () => {
  try {
    const script = new URL('../../scripts/corpus.mjs', import.meta.url).href;
    const { ensureCorpus } = (await import(/* @vite-ignore */ script)) as { ensureCorpus: EnsureCorpus };
    // Progress goes to stderr: the first run fetches the packages with `npm pack`.
    corpus = await ensureCorpus();
  } catch (error) {
    fetchError = error;
  }
}, TIMEOUT);

function requireCorpus(): Corpus {
  if (!corpus) {
    const reason = fetchError instanceof Error ? fetchError.message : String(fetchError);
    throw new Error(
      `The corpus of minified npm bundles is required for this test and could not be fetched (npm pack from the registry into .cache/corpus/): ${reason}`,
    );
  }
  return corpus;
}

describe('corpus noise (real minified bundles)', () => {
  it('has a corpus of at least 50 MB', () => {
    const { bytes, files } = requireCorpus();
    expect(files.length).toBeGreaterThan(0);
    expect(bytes, `corpus is ${(bytes / 1048576).toFixed(1)} MiB`).toBeGreaterThanOrEqual(MIN_BYTES);
  });

  it(
    'reports nothing at medium or above',
    async () => {
      const { dir, files, bytes } = requireCorpus();
      const offenders: { file: string; finding: Finding }[] = [];
      const started = performance.now();
      for (const path of files) {
        const file = relative(dir, path);
        const text = await readFile(path, 'utf8');
        for (const finding of scanText(text, { source: 'file', location: { file } })) {
          if (atLeast(finding.severity, 'medium')) offenders.push({ file, finding });
        }
      }
      const seconds = (performance.now() - started) / 1000;
      console.info(`corpus-noise: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB scanned in ${seconds.toFixed(1)} s`);
      const report = offenders
        .slice(0, 200)
        .map(({ file, finding }) => `${finding.ruleId} [${finding.severity}] ${file}:${finding.location.line ?? '?'}:${finding.location.column ?? '?'} ${finding.preview}`)
        .join('\n');
      expect(offenders.length, `findings at medium or above on real bundles (false positives):\n${report}`).toBe(0);
    },
    TIMEOUT,
  );
});
