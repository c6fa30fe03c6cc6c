/**
 * Scanning recorded traffic (HAR). Each exchange goes through exactly what live traffic goes through:
 * the request (URL, headers, body) through the network inspectors the background's webRequest
 * observers use, the response headers through the Set-Cookie and Referrer-Policy inspectors, and text
 * responses through the same response-body scan as the page hook's. The same token sent to the same
 * host in fifty requests is one finding: identities name the host and the header/parameter, never the
 * entry. Pure: no fs, no node APIs.
 */
import { inspectRequest, inspectResponse, inspectResponseBody, type RequestDescription } from '../engine/inspectors/exchange.ts';
import type { Finding } from '../shared/finding.ts';
import { parseHar, type HarExchange } from './har-format.ts';

export type ExchangeScanner = (exchange: HarExchange) => Finding[];

/**
 * A HAR entry has no initiator; its Referer names the page that made the request (mixed content,
 * which cookies that page can read). Without one, the entry is taken as a page load of its own.
 */
function describe(exchange: HarExchange): { request: RequestDescription; documentUrl: string | undefined } {
  const referer = exchange.requestHeaders.find((header) => header.name.toLowerCase() === 'referer')?.value;
  const request: RequestDescription = { url: exchange.url, method: exchange.method, headers: exchange.requestHeaders, type: referer ? 'other' : 'main_frame' };
  if (referer) request.documentUrl = referer;
  if (exchange.requestBody) request.body = { kind: 'text', text: exchange.requestBody.text, contentType: exchange.requestBody.mimeType };
  return { request, documentUrl: referer };
}

export const scanExchange: ExchangeScanner = (exchange) => {
  const { request, documentUrl } = describe(exchange);
  const findings = inspectRequest(request);
  if (exchange.responseHeaders.length > 0) {
    findings.push(...inspectResponse({ url: exchange.url, headers: exchange.responseHeaders, type: request.type ?? 'other', ...(documentUrl ? { documentUrl } : {}) }));
  }
  if (exchange.responseBody) findings.push(...inspectResponseBody(exchange.responseBody.text, exchange.url));
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
