/**
 * Scanning recorded traffic (HAR). Each exchange goes through what live traffic goes through: the
 * request URL through the URL inspector (the one the background's webRequest observer uses), request
 * headers, the request body and text responses through the engine, each with its own finding source.
 * The same token sent to the same host in fifty requests is one finding: identities name the host
 * and the header/parameter, never the entry.
 *
 * `scanExchange` is the seam for the network inspectors: when header and body inspectors exist they
 * replace it, and the HAR reading, positions and de-duplication here stay. Pure: no fs, no node APIs.
 */
import { scanText } from '../engine/index.ts';
import { inspectUrl, redactUrl } from '../engine/inspectors/url.ts';
import { scanMaybeJson } from '../engine/structured.ts';
import type { Finding, FindingSource } from '../shared/finding.ts';
import { parseHar, type HarExchange } from './har-format.ts';

export type ExchangeScanner = (exchange: HarExchange) => Finding[];

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function endpointOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.host}${parsed.pathname}`;
  } catch {
    return '';
  }
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    return name;
  }
}

/** The parameter whose `name=value` segment holds `offset` in a form-encoded body. */
export function formParameterAt(text: string, offset: number): string | undefined {
  let start = 0;
  for (const segment of text.split('&')) {
    if (offset >= start && offset <= start + segment.length) return decodeName(segment.split('=', 1)[0]!);
    start += segment.length + 1;
  }
  return undefined;
}

/** Offset of a finding's line/column in the text it was found in. */
function offsetOf(text: string, line: number, column: number): number {
  let lineStart = 0;
  for (let current = 1; current < line; current += 1) lineStart = text.indexOf('\n', lineStart) + 1;
  return lineStart + column - 1;
}

function scanFormBody(text: string, source: FindingSource, url: string, identity: string): Finding[] {
  return scanText(text, { source, location: { url }, identity }).map((finding) => {
    const { line, column } = finding.location;
    if (line === undefined || column === undefined) return finding;
    const parameter = formParameterAt(text, offsetOf(text, line, column));
    return parameter === undefined ? finding : { ...finding, location: { ...finding.location, parameter } };
  });
}

export const scanExchange: ExchangeScanner = (exchange) => {
  const host = hostOf(exchange.url);
  const endpoint = endpointOf(exchange.url);
  const shownUrl = redactUrl(exchange.url);
  const findings: Finding[] = inspectUrl(exchange.url, { source: 'request-url', identity: host });

  for (const header of exchange.requestHeaders) {
    // HTTP/2 pseudo-headers repeat the URL (`:path` holds the query), which the URL inspector covered.
    if (header.name.startsWith(':')) continue;
    findings.push(
      // Name and value together so rules keyed on `Authorization: Bearer` see both.
      ...scanText(`${header.name}: ${header.value}`, {
        source: 'request-header',
        location: { url: shownUrl, header: header.name },
        identity: `${host}\u0000header\u0000${header.name.toLowerCase()}`,
      }),
    );
  }

  const body = exchange.requestBody;
  if (body !== undefined) {
    const identity = `${endpoint}\u0000request-body`;
    findings.push(
      ...(/x-www-form-urlencoded/i.test(body.mimeType)
        ? scanFormBody(body.text, 'request-body', shownUrl, identity)
        : scanMaybeJson(body.text, { source: 'request-body', location: { url: shownUrl }, identity })),
    );
  }

  const response = exchange.responseBody;
  if (response !== undefined) {
    findings.push(
      ...scanMaybeJson(response.text, {
        source: 'response-body',
        location: { url: shownUrl },
        identity: `${endpoint}\u0000response-body`,
      }),
    );
  }
  return findings;
};

/**
 * Findings in HAR terms: the HAR file as `file`, the entry index in details. A line/column found inside a
 * URL, header or body is not a position in the HAR file (a SARIF region would point at the wrong
 * place), so it is dropped.
 */
function inHarFile(finding: Finding, harFile: string, entryIndex: number): Finding {
  const { line: _line, column: _column, ...location } = finding.location;
  return { ...finding, location: { ...location, file: harFile }, details: { ...finding.details, harEntry: entryIndex } };
}

/** Throws HarFormatError (malformed JSON with its position, or a malformed entry). */
export function scanHar(text: string, harFile: string, scanOne: ExchangeScanner = scanExchange): Finding[] {
  return parseHar(text).flatMap((exchange) =>
    scanOne(exchange).map((finding) => inHarFile(finding, harFile, exchange.index)),
  );
}
