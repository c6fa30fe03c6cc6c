/**
 * Script bundles are fetched by the background by URL (the page never copies megabytes through
 * messages), scanned once per URL and content, and attributed to every tab that loads them.
 * Oversized scripts are reported as skipped, never silently ignored.
 */
import type { Finding } from '../shared/finding.ts';
import { scanText } from '../engine/index.ts';
import { redactUrl } from '../engine/inspectors/url.ts';

export const MAX_SCRIPT_BYTES = 10 * 1024 * 1024;

export type ScriptScanResult = { kind: 'scanned'; findings: Finding[] } | { kind: 'skipped'; reason: string };

export type FetchLike = (url: string, init?: RequestInit) => Promise<Response>;

export class ScriptScanner {
  /** URL → result; and content hash → findings, so the same bundle under two URLs is scanned once. */
  private readonly byUrl = new Map<string, Promise<ScriptScanResult>>();
  private readonly byContent = new Map<string, Finding[]>();

  constructor(private readonly fetchScript: FetchLike, private readonly maxEntries = 500) {}

  scan(url: string): Promise<ScriptScanResult> {
    let pending = this.byUrl.get(url);
    if (!pending) {
      pending = this.fetchAndScan(url);
      if (this.byUrl.size >= this.maxEntries) this.byUrl.delete(this.byUrl.keys().next().value as string);
      this.byUrl.set(url, pending);
    }
    return pending;
  }

  private async fetchAndScan(url: string): Promise<ScriptScanResult> {
    let response: Response;
    try {
      // Cookies included: bundles behind a login are still the app's bundles. Only scripts are
      // fetched (never pages or links), so nothing the app does is replayed.
      response = await this.fetchScript(url, { credentials: 'include', cache: 'force-cache' });
    } catch (error) {
      return { kind: 'skipped', reason: `fetch failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!response.ok) return { kind: 'skipped', reason: `HTTP ${response.status}` };
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_SCRIPT_BYTES) return { kind: 'skipped', reason: `too large (${declared} bytes > ${MAX_SCRIPT_BYTES})` };
    const text = await response.text();
    if (text.length > MAX_SCRIPT_BYTES) return { kind: 'skipped', reason: `too large (${text.length} characters > ${MAX_SCRIPT_BYTES})` };
    const contentHash = await contentDigest(text);
    const known = this.byContent.get(contentHash);
    const displayUrl = redactUrl(url);
    if (known) return { kind: 'scanned', findings: known.map((finding) => ({ ...finding, location: { ...finding.location, url: displayUrl } })) };
    const findings = scanText(text, { source: 'script', location: { url: displayUrl } });
    this.byContent.set(contentHash, findings);
    return { kind: 'scanned', findings };
  }
}

/** Native SHA-256 (WebCrypto): bundles are megabytes, and this is cache identity, not a finding hash. */
async function contentDigest(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
