/**
 * Turns a page snapshot from the content script into findings. Runs in the background, off the page's
 * main thread: the content script only copies strings.
 */
import type { Finding } from '../shared/finding.ts';
import type { PageSnapshotMessage } from '../shared/messages.ts';
import { scanText } from '../engine/index.ts';
import { redactUrl } from '../engine/inspectors/url.ts';
import { scanMaybeJson } from '../engine/structured.ts';

export function scanPageSnapshot(snapshot: PageSnapshotMessage): Finding[] {
  const pageUrl = redactUrl(snapshot.pageUrl);
  const origin = safeOrigin(snapshot.pageUrl);
  const findings: Finding[] = [];

  for (const [key, value] of snapshot.localStorage) {
    findings.push(...scanMaybeJson(value, { source: 'local-storage', location: { url: pageUrl, keyPath: key }, identity: `${origin}\u0000${key}` }));
  }
  for (const [key, value] of snapshot.sessionStorage) {
    findings.push(...scanMaybeJson(value, { source: 'session-storage', location: { url: pageUrl, keyPath: key }, identity: `${origin}\u0000${key}` }));
  }
  for (const [name, value] of parseCookies(snapshot.cookies)) {
    findings.push(...scanMaybeJson(safeDecode(value), { source: 'cookie', location: { url: pageUrl, keyPath: name }, identity: `${origin}\u0000${name}` }));
  }
  snapshot.inlineScripts.forEach((text, index) => {
    const keyPath = `inline script #${index + 1}`;
    // Identity by content position, not index alone: the same config in two pages is one finding.
    findings.push(...scanText(text, { source: 'inline-script', location: { url: pageUrl, keyPath }, identity: `${origin}\u0000inline` }));
  });
  return findings;
}

export function parseCookies(cookieHeader: string): [string, string][] {
  const cookies: [string, string][] = [];
  for (const part of cookieHeader.split(';')) {
    const separator = part.indexOf('=');
    if (separator <= 0) continue;
    cookies.push([part.slice(0, separator).trim(), part.slice(separator + 1).trim()]);
  }
  return cookies;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

export function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
