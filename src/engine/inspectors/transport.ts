/**
 * How a request travels: plain or encrypted, to a loopback host or not, to the same site as the page
 * or another one. Cleartext, mixed-content and Referer findings all hinge on these answers, so they
 * live in one place. Pure string logic: no DNS, no public-suffix list (see `siteOf`).
 */

/** `localhost`, `*.localhost`, 127.0.0.0/8 and `[::1]`: browsers treat these as potentially trustworthy. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (host === '[::1]' || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

export function isPlainScheme(protocol: string): boolean {
  return protocol === 'http:' || protocol === 'ws:';
}

export function isSecureScheme(protocol: string): boolean {
  return protocol === 'https:' || protocol === 'wss:';
}

export interface TransportOptions {
  /**
   * Report plain HTTP to loopback hosts too. Off by default: local development servers run on
   * http://localhost, and traffic that never leaves the machine cannot be read on the network.
   */
  reportLoopbackCleartext?: boolean;
}

/** Sent unencrypted over a network someone else can read. */
export function isCleartext(url: URL, options: TransportOptions = {}): boolean {
  return isPlainScheme(url.protocol) && (options.reportLoopbackCleartext === true || !isLoopbackHost(url.hostname));
}

/** Second-level labels under which registrable domains sit one level deeper (`example.co.uk`). */
const COMPOUND_SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'edu', 'ac', 'or', 'ne', 'go', 'gob', 'nic', 'mil']);

/**
 * The registrable domain ("site") of a host, approximated without the public-suffix list: the last two
 * labels, or three under a two-letter country code with a generic second level (`shop.example.co.uk` →
 * `example.co.uk`). IP addresses and single-label hosts are their own site. Errs towards "same site"
 * only for exotic suffixes (`*.github.io` pages share a site here), which can only hide a finding,
 * never invent one.
 */
export function siteOf(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host.startsWith('[') || /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host)) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const tld = labels[labels.length - 1]!;
  const second = labels[labels.length - 2]!;
  const take = tld.length === 2 && COMPOUND_SECOND_LEVEL.has(second) ? 3 : 2;
  return labels.slice(-take).join('.');
}

export function isSameSite(a: string, b: string): boolean {
  return siteOf(a) === siteOf(b);
}

/** Parses a URL or an origin (`https://app.example.com`, as Chrome's `initiator` gives it); undefined for anything else. */
export function parseUrl(value: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
