/**
 * What every request inspector needs to know about the request it looks at, computed once: the parsed
 * URL, the host that names it in fingerprints, and its redacted form (computed only when a finding
 * needs it: redaction runs the engine over the URL again).
 */
import { redactUrl } from './url.ts';
import { parseUrl, type TransportOptions } from './transport.ts';

export interface NetworkInspectionOptions extends TransportOptions {
  /** Clock for expiry checks (signed URLs), in ms since the epoch; tests pin it. */
  nowMs?: number;
}

export class RequestContext {
  readonly host: string;
  /** host + path: names a body or response "place" for de-duplication. */
  readonly endpoint: string;
  private shown: string | undefined;
  private document: URL | undefined | null = null;

  constructor(
    readonly url: URL,
    readonly rawUrl: string,
    private readonly rawDocumentUrl: string | undefined,
    readonly options: NetworkInspectionOptions = {},
  ) {
    this.host = url.host;
    this.endpoint = `${url.host}${url.pathname}`;
  }

  /** The document that made the request (URL or origin), when known. Parsed on first use: most requests never ask. */
  get documentUrl(): URL | undefined {
    if (this.document === null) this.document = parseUrl(this.rawDocumentUrl);
    return this.document;
  }

  /** The document's scheme without parsing it (`https:`), or undefined. */
  get documentScheme(): string | undefined {
    const raw = this.rawDocumentUrl;
    if (!raw) return undefined;
    const colon = raw.indexOf(':');
    return colon > 0 && colon < 12 ? raw.slice(0, colon + 1).toLowerCase() : undefined;
  }

  /** The request URL safe to store and show. */
  readonly displayUrl = (): string => (this.shown ??= redactUrl(this.rawUrl));

  get nowMs(): number {
    return this.options.nowMs ?? Date.now();
  }
}
