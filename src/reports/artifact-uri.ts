/**
 * SARIF wants URI references, not file paths: a space or `#` in a file name must be percent-encoded,
 * and an absolute path must become a `file:` URI. URLs (https:, webpack:, chrome-extension:) pass as is.
 */

const URI_SCHEME = /^[a-z][a-z0-9+.-]+:/i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;

function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

export function artifactUri(pathOrUrl: string): string {
  if (URI_SCHEME.test(pathOrUrl) && !WINDOWS_DRIVE.test(pathOrUrl)) return pathOrUrl;
  const path = pathOrUrl.replaceAll('\\', '/');
  if (WINDOWS_DRIVE.test(pathOrUrl)) return `file:///${path.slice(0, 2)}${encodePath(path.slice(2))}`;
  if (path.startsWith('/')) return `file://${encodePath(path)}`;
  return encodePath(path.replace(/^(\.\/)+/, ''));
}
