/**
 * Which files a `leaklens scan` covers. A file named on the command line is always scanned (the user
 * asked for it); inside a folder only the kinds of files that ship to browsers or record traffic are.
 * `node_modules` is not skipped — scan what the user points at — but `.git` is: it holds history, not
 * what is deployed, and compressed objects would only be noise.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { describeFsError, InputError } from './errors.ts';

const SCANNED_EXTENSIONS = new Set(['.js', '.mjs', '.cjs', '.map', '.html', '.htm', '.json', '.env', '.txt', '.har']);
const SKIPPED_DIRECTORIES = new Set(['.git']);

export interface InputFile {
  /** The path as the user gave it (joined with the walked names), used in every report. */
  path: string;
  size: number;
}

export function isScannedFileName(name: string): boolean {
  return SCANNED_EXTENSIONS.has(path.extname(name).toLowerCase()) || name.startsWith('.env');
}

function statOrThrow(file: string): Stats {
  try {
    return statSync(file);
  } catch (error) {
    throw new InputError(`cannot read "${file}": ${describeFsError(error)}`);
  }
}

/** A dangling or unreadable link inside a folder is not an error: there is simply nothing to scan. */
function statIfReadable(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

/**
 * Directory entries in a fixed order so output is the same on every machine. Symbolic links to folders
 * are not followed (a link back up the tree would never end); links to files are scanned. Synchronous,
 * like the reads in scan.ts: a stat per file through the thread pool cost more waiting than work.
 */
function walkDirectory(directory: string, into: InputFile[]): void {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    throw new InputError(`cannot read "${directory}": ${describeFsError(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const entryPath = path.join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRECTORIES.has(entry.name)) walkDirectory(entryPath, into);
      continue;
    }
    if (!isScannedFileName(entry.name)) continue;
    if (entry.isFile()) {
      into.push({ path: entryPath, size: statOrThrow(entryPath).size });
    } else if (entry.isSymbolicLink()) {
      const target = statIfReadable(entryPath);
      if (target?.isFile()) into.push({ path: entryPath, size: target.size });
    }
  }
}

/** Every file to scan, each once, in command-line order then directory order. */
export function collectInputFiles(paths: readonly string[]): InputFile[] {
  const found: InputFile[] = [];
  for (const given of paths) {
    const info = statOrThrow(given);
    if (info.isDirectory()) walkDirectory(given, found);
    else if (info.isFile()) found.push({ path: given, size: info.size });
    else throw new InputError(`cannot read "${given}": not a regular file or folder`);
  }
  const seen = new Set<string>();
  return found.filter((file) => {
    const key = path.resolve(file.path);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
