/**
 * Reading a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/) into the few facts a scan
 * needs per exchange. Pure: text in, exchanges out; shape errors name the entry so the user can look.
 */
import { parseJson } from './json-position.ts';

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarBody {
  mimeType: string;
  text: string;
}

/** One request/response pair, in the terms the network inspectors also see for live traffic. */
export interface HarExchange {
  /** Index in `log.entries`, to point a reader at the entry. */
  index: number;
  method: string;
  url: string;
  requestHeaders: HarHeader[];
  requestBody?: HarBody;
  /** Response headers (Set-Cookie flags, Referrer-Policy). */
  responseHeaders: HarHeader[];
  responseBody?: HarBody;
}

export class HarFormatError extends Error {
  override name = 'HarFormatError';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function headers(value: unknown): HarHeader[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).flatMap((header) =>
    typeof header.name === 'string' && typeof header.value === 'string' ? [{ name: header.name, value: header.value }] : [],
  );
}

/** A form post may be recorded as `params` without `text`; rebuild the body as it went on the wire. */
function requestBody(postData: unknown): HarBody | undefined {
  if (!isRecord(postData)) return undefined;
  const mimeType = stringOr(postData.mimeType, '');
  if (typeof postData.text === 'string' && postData.text.length > 0) return { mimeType, text: postData.text };
  if (!Array.isArray(postData.params)) return undefined;
  const text = postData.params
    .filter(isRecord)
    .map((param) => `${stringOr(param.name, '')}=${stringOr(param.value, '')}`)
    .join('&');
  return text.length > 0 ? { mimeType, text } : undefined;
}

const TEXTUAL_MIME = /^text\/|json|javascript|ecmascript|xml|x-www-form-urlencoded|graphql/i;

/** Base64 bodies are how HAR stores anything the recorder thought binary; decode as UTF-8 text. */
function decodeBase64Utf8(base64: string): string | undefined {
  try {
    const binary = atob(base64.replace(/\s+/g, ''));
    const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Only text-like responses: images and fonts cannot hold a credential a browser would use. */
function responseBody(content: unknown): HarBody | undefined {
  if (!isRecord(content) || typeof content.text !== 'string' || content.text.length === 0) return undefined;
  const mimeType = stringOr(content.mimeType, '');
  if (mimeType !== '' && !TEXTUAL_MIME.test(mimeType)) return undefined;
  const text = content.encoding === 'base64' ? decodeBase64Utf8(content.text) : content.text;
  return text === undefined ? undefined : { mimeType, text };
}

function exchange(entry: unknown, index: number): HarExchange {
  const where = `log.entries[${index}]`;
  if (!isRecord(entry) || !isRecord(entry.request)) throw new HarFormatError(`${where}.request is missing`);
  const request = entry.request;
  if (typeof request.url !== 'string') throw new HarFormatError(`${where}.request.url is missing`);
  const response = isRecord(entry.response) ? entry.response : {};
  const result: HarExchange = {
    index,
    method: stringOr(request.method, 'GET'),
    url: request.url,
    requestHeaders: headers(request.headers),
    responseHeaders: headers(response.headers),
  };
  const body = requestBody(request.postData);
  if (body !== undefined) result.requestBody = body;
  const content = responseBody(response.content);
  if (content !== undefined) result.responseBody = content;
  return result;
}

/** Throws HarFormatError with a position ("… at line 3, column 5") or the entry that is malformed. */
export function parseHar(text: string): HarExchange[] {
  const parsed = parseJson(text.replace(/^\uFEFF/, ''));
  if (!parsed.ok) throw new HarFormatError(parsed.error);
  const log = isRecord(parsed.value) ? parsed.value.log : undefined;
  if (!isRecord(log) || !Array.isArray(log.entries)) throw new HarFormatError('not a HAR file (no log.entries array)');
  return log.entries.map(exchange);
}
