#!/usr/bin/env node
// Benchmark corpus: real, production, minified browser bundles from popular npm packages.
//
// Packages are pinned to exact versions and fetched with the ordinary npm client (`npm pack`), so the
// registry is whatever the user's npm is configured to use. Tarballs are extracted with system `tar`
// and only minified browser bundles are kept under .cache/corpus/<pkg>@<version>/...
// A manifest (.cache/corpus/manifest.json) records what is there (with sha256 per file), which makes
// the script idempotent: packages already present are skipped.
//
//   node scripts/corpus.mjs            # fetch what is missing, print a summary
//   import { ensureCorpus } from './corpus.mjs'

import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const execFileP = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = path.join(ROOT, '.cache', 'corpus');
const MANIFEST = 'manifest.json';
const MANIFEST_VERSION = 1;
export const MIN_TOTAL_BYTES = 50 * 1024 * 1024;

// `include`: paths (relative to the package root) to keep, before the "is it minified" check.
// Every kept file must also look minified (average line length > `minAvgLine`, default 500 chars).
export const PACKAGES = [
  { name: 'monaco-editor', version: '0.57.0', include: /^min\/vs\/.*\.js$/ },
  { name: 'ace-builds', version: '1.45.2', include: /^src-min\/[^/]+\.js$/ },
  { name: 'tinymce', version: '8.9.2', include: /\.min\.js$/ },
  { name: 'plotly.js-dist-min', version: '4.1.2', include: /^plotly\.min\.js$/ },
  { name: 'echarts', version: '6.1.0', include: /^dist\/echarts\.min\.js$/ },
  { name: 'three', version: '0.160.0', include: /^build\/three\.module\.min\.js$/ }, // last releases with .min builds
  { name: '@babel/standalone', version: '8.0.6', include: /^babel\.min\.js$/ },
  { name: 'pdfjs-dist', version: '6.5.438', include: /^build\/pdf(\.worker)?\.min\.mjs$/ },
  { name: 'aws-sdk', version: '2.1693.0', include: /^dist\/aws-sdk\.min\.js$/ },
  { name: 'firebase', version: '13.2.0', include: /^firebase-[a-z-]+-compat\.js$/ },
  { name: '@tensorflow/tfjs', version: '4.22.0', include: /^dist\/tf\.min\.js$/ },
  { name: 'xlsx', version: '0.18.5', include: /^dist\/xlsx\.full\.min\.js$/ },
  { name: 'maplibre-gl', version: '6.17.0', include: /^dist\/maplibre-gl(-worker)?\.mjs$/ },
  { name: 'mapbox-gl', version: '3.32.0', include: /^dist\/mapbox-gl\.js$/ },
  { name: 'react-dom', version: '18.3.1', include: /^umd\/react-dom\.production\.min\.js$/, minAvgLine: 300 }, // 19.x ships unminified cjs only; this one wraps lines at ~500-1500 chars
  { name: 'vue', version: '3.5.45', include: /^dist\/vue\.global\.prod\.js$/ },
  { name: 'jquery', version: '4.0.0', include: /^dist\/jquery\.min\.js$/ },
  { name: 'lodash', version: '4.18.1', include: /^lodash\.min\.js$/ },
  { name: 'moment', version: '2.31.0', include: /^min\/moment-with-locales\.min\.js$/ },
  { name: 'chart.js', version: '4.6.1', include: /^dist\/chart\.umd(\.min)?\.js$/ },
  { name: 'd3', version: '7.9.2', include: /^dist\/d3\.min\.js$/ },
  { name: 'bootstrap', version: '5.3.9', include: /^dist\/js\/bootstrap\.bundle\.min\.js$/ },
  { name: 'katex', version: '0.19.1', include: /^dist\/katex\.min\.js$/ },
  { name: 'mathjax', version: '4.1.3', include: /^[^/]+\.js$/ },
  { name: 'video.js', version: '8.24.1', include: /^dist\/video\.min\.js$/ },
  { name: 'hls.js', version: '1.7.4', include: /^dist\/hls\.min\.js$/ },
  { name: '@supabase/supabase-js', version: '2.119.1', include: /^dist\/umd\/.*\.js$/ },
  { name: '@auth0/auth0-spa-js', version: '2.28.3', include: /^dist\/auth0-spa-js\.production\.js$/ },
  { name: '@azure/msal-browser', version: '5.29.0', include: /^lib\/.*\.min\.js$/ },
  { name: 'quill', version: '2.0.3', include: /^dist\/quill\.js$/ },
  { name: 'sql.js', version: '1.16.0', include: /^dist\/sql-(asm|wasm-inline)\.js$/ },
];

const MIN_AVG_LINE = 500;

function isMinified(text, minAvg = MIN_AVG_LINE) {
  let lines = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  return text.length / lines > minAvg;
}

const pkgDirName = (p) => `${p.name.replace('/', '__')}@${p.version}`;
const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');

async function readManifest(dir) {
  try {
    const m = JSON.parse(await fs.readFile(path.join(dir, MANIFEST), 'utf8'));
    if (m.version === MANIFEST_VERSION && m.packages) return m;
  } catch {}
  return { version: MANIFEST_VERSION, packages: {} };
}

async function walk(dir, base = dir, out = []) {
  for (const e of await fs.readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) await walk(p, base, out);
    else if (e.isFile()) out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

async function fetchPackage(pkg, dir, log) {
  const spec = `${pkg.name}@${pkg.version}`;
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'leaklens-corpus-'));
  try {
    try {
      await execFileP('npm', ['pack', spec, '--pack-destination', tmp, '--silent'], {
        maxBuffer: 16 * 1024 * 1024,
        timeout: 10 * 60 * 1000,
      });
    } catch (err) {
      const msg = String(err.stderr || err.message).split('\n').filter((l) => l && !/nodedir/.test(l)).slice(0, 3).join(' | ');
      throw new Error(`npm pack ${spec} failed: ${msg}`);
    }
    const tgz = (await fs.readdir(tmp)).find((f) => f.endsWith('.tgz'));
    if (!tgz) throw new Error(`npm pack ${spec} produced no tarball`);
    const ex = path.join(tmp, 'x');
    await fs.mkdir(ex);
    try {
      await execFileP('tar', ['-xzf', path.join(tmp, tgz), '-C', ex, '--no-same-owner'], { maxBuffer: 16 * 1024 * 1024 });
    } catch (err) {
      throw new Error(`extracting ${spec} failed: ${err.message}`);
    }
    // Tarballs normally have a single top-level folder ("package/"), but not always by that name.
    const tops = await fs.readdir(ex);
    const root = tops.length === 1 ? path.join(ex, tops[0]) : ex;
    const dest = path.join(dir, pkgDirName(pkg));
    await fs.rm(dest, { recursive: true, force: true });
    const files = [];
    let skippedNotMin = 0;
    for (const rel of (await walk(root)).sort()) {
      if (!pkg.include.test(rel)) continue;
      const buf = await fs.readFile(path.join(root, rel));
      if (!isMinified(buf.toString('utf8'), pkg.minAvgLine)) { skippedNotMin++; continue; }
      const out = path.join(dest, rel);
      await fs.mkdir(path.dirname(out), { recursive: true });
      await fs.writeFile(out, buf);
      files.push({ path: `${pkgDirName(pkg)}/${rel}`, bytes: buf.length, sha256: sha256(buf) });
    }
    if (files.length === 0) throw new Error(`${spec}: no minified files matched ${pkg.include} (${skippedNotMin} matched but not minified)`);
    log?.(`  fetched ${spec}: ${files.length} files, ${(files.reduce((a, f) => a + f.bytes, 0) / 1e6).toFixed(1)} MB`);
    return { name: pkg.name, version: pkg.version, files };
  } finally {
    await fs.rm(tmp, { recursive: true, force: true });
  }
}

async function verifyEntry(dir, entry) {
  for (const f of entry.files) {
    try {
      const st = await fs.stat(path.join(dir, f.path));
      if (st.size !== f.bytes) return false;
    } catch {
      return false;
    }
  }
  return true;
}

/**
 * Make sure the corpus is on disk. Returns { dir, files (absolute), bytes, packages, failures }.
 * options: { dir?, packages?, concurrency? (3), log? (fn or false), minBytes?, verifyHashes? }
 */
export async function ensureCorpus(options = {}) {
  const dir = options.dir ?? CORPUS_DIR;
  const pkgs = options.packages ?? PACKAGES;
  const concurrency = options.concurrency ?? 3;
  const log = options.log === false ? null : options.log ?? ((m) => console.error(m));
  const minBytes = options.minBytes ?? MIN_TOTAL_BYTES;
  await fs.mkdir(dir, { recursive: true });
  const manifest = await readManifest(dir);

  const todo = [];
  for (const p of pkgs) {
    const key = `${p.name}@${p.version}`;
    const entry = manifest.packages[key];
    if (entry && (await verifyEntry(dir, entry))) continue;
    todo.push(p);
  }
  // Drop manifest entries for packages no longer in the pinned list (other versions etc.).
  const wanted = new Set(pkgs.map((p) => `${p.name}@${p.version}`));
  for (const key of Object.keys(manifest.packages)) {
    if (!wanted.has(key)) {
      const e = manifest.packages[key];
      await fs.rm(path.join(dir, pkgDirName(e)), { recursive: true, force: true });
      delete manifest.packages[key];
    }
  }

  const failures = [];
  if (todo.length) {
    log?.(`corpus: fetching ${todo.length} package(s) with npm pack (concurrency ${concurrency})...`);
    let next = 0;
    const save = async () => fs.writeFile(path.join(dir, MANIFEST), JSON.stringify(manifest, null, 1));
    const worker = async () => {
      while (next < todo.length) {
        const p = todo[next++];
        try {
          const entry = await fetchPackage(p, dir, log);
          manifest.packages[`${p.name}@${p.version}`] = entry;
          await save(); // sequential JS between awaits: safe enough, and keeps progress on interruption
        } catch (err) {
          failures.push({ name: p.name, version: p.version, error: err.message });
          log?.(`  WARNING: ${err.message}`);
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, todo.length) }, worker));
    await save();
  }

  if (options.verifyHashes) {
    for (const e of Object.values(manifest.packages)) {
      for (const f of e.files) {
        const h = sha256(await fs.readFile(path.join(dir, f.path)));
        if (h !== f.sha256) throw new Error(`corpus file changed on disk: ${f.path}`);
      }
    }
  }

  const packages = [];
  const files = [];
  let bytes = 0;
  for (const p of pkgs) {
    const e = manifest.packages[`${p.name}@${p.version}`];
    if (!e) continue;
    packages.push({ name: e.name, version: e.version, files: e.files.length, bytes: e.files.reduce((a, f) => a + f.bytes, 0) });
    for (const f of e.files) {
      files.push(path.join(dir, f.path));
      bytes += f.bytes;
    }
  }
  if (bytes < minBytes) {
    const why = failures.map((f) => `${f.name}@${f.version}: ${f.error}`).join('\n  ');
    throw new Error(
      `corpus has only ${(bytes / 1048576).toFixed(1)} MiB, need >= ${(minBytes / 1048576).toFixed(0)} MiB` +
        (failures.length ? `; failed packages:\n  ${why}` : ''),
    );
  }
  return { dir, files, bytes, packages, failures };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const t0 = Date.now();
  try {
    const c = await ensureCorpus({ verifyHashes: process.argv.includes('--verify') });
    const w = Math.max(...c.packages.map((p) => p.name.length + p.version.length + 1));
    for (const p of c.packages) {
      console.log(`${`${p.name}@${p.version}`.padEnd(w)}  ${String(p.files).padStart(4)} files  ${(p.bytes / 1e6).toFixed(2).padStart(7)} MB`);
    }
    console.log(`corpus: ${c.dir}`);
    console.log(`total: ${c.packages.length} packages, ${c.files.length} files, ${(c.bytes / 1e6).toFixed(1)} MB (${(c.bytes / 1048576).toFixed(1)} MiB) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    if (c.failures.length) {
      console.log(`failed packages (${c.failures.length}):`);
      for (const f of c.failures) console.log(`  ${f.name}@${f.version}: ${f.error}`);
    }
  } catch (err) {
    console.error(`corpus: ${err.message}`);
    process.exit(1);
  }
}
