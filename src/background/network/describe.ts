/**
 * webRequest event details → the inspectors' request description. Everything in `details` comes from
 * the browser, but request bodies are the page's data: decoded with bounds, binary uploads skipped.
 */
import type { HeaderEntry, RequestBody } from '../../engine/inspectors/exchange.ts';
import { MAX_BODY_CHARS } from '../../engine/inspectors/request-body.ts';

export interface HttpHeaderLike {
  name: string;
  value?: string;
  binaryValue?: ArrayLike<number>;
}

export interface RequestBodyLike {
  error?: string;
  formData?: Record<string, unknown>;
  raw?: { bytes?: unknown; file?: string }[];
}

const MAX_FORM_FIELDS = 500;
const MAX_RAW_PARTS = 32;
const utf8 = new TextDecoder('utf-8');

function isArrayBuffer(value: unknown): value is ArrayBuffer {
  return Object.prototype.toString.call(value) === '[object ArrayBuffer]';
}

/** Mostly replacement characters or NULs: an upload or a binary protocol, not text anyone reads. */
function looksBinary(text: string): boolean {
  const sample = text.length > 4096 ? text.slice(0, 4096) : text;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i);
    if (code === 0xfffd || code === 0) odd++;
  }
  return odd > sample.length / 50;
}

export function describeRequestBody(body: RequestBodyLike | null | undefined): RequestBody | undefined {
  if (!body || typeof body !== 'object' || body.error) return undefined;
  if (body.formData && typeof body.formData === 'object') {
    const fields: [string, string][] = [];
    for (const [name, values] of Object.entries(body.formData)) {
      if (!Array.isArray(values)) continue;
      for (const value of values) {
        if (typeof value === 'string' && fields.length < MAX_FORM_FIELDS) fields.push([name, value]);
      }
    }
    return fields.length > 0 ? { kind: 'form', fields } : undefined;
  }
  if (!Array.isArray(body.raw)) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (const part of body.raw.slice(0, MAX_RAW_PARTS)) {
    if (!part || part.file !== undefined || !isArrayBuffer(part.bytes)) continue;
    const room = MAX_BODY_CHARS - size;
    if (room <= 0) break;
    const bytes = new Uint8Array(part.bytes, 0, Math.min(part.bytes.byteLength, room));
    chunks.push(bytes);
    size += bytes.byteLength;
  }
  if (size === 0) return undefined;
  const joined = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  const text = utf8.decode(joined);
  return looksBinary(text) ? undefined : { kind: 'text', text };
}

export function describeHeaders(headers: readonly HttpHeaderLike[] | undefined): HeaderEntry[] {
  if (!Array.isArray(headers)) return [];
  const entries: HeaderEntry[] = [];
  for (const header of headers) {
    if (!header || typeof header.name !== 'string') continue;
    if (typeof header.value === 'string') entries.push({ name: header.name, value: header.value });
    else if (header.binaryValue) entries.push({ name: header.name, value: utf8.decode(Uint8Array.from(header.binaryValue)) });
  }
  return entries;
}
