/**
 * Firefox response-body reading against a fake webRequest and fake StreamFilters: the page must get
 * every byte unchanged and at once, bodies are scanned only when they qualify and within bounds, and
 * nothing is registered where the API does not exist (Chromium).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { registerFirefoxAdditions } from '../../src/background/firefox/index.ts';
import {
  isJsonContentType,
  registerResponseBodyReader,
  shouldReadBody,
  supportsResponseFilters,
  type FilteringWebRequestLike,
  type ResponseDetailsLike,
  type StreamFilterLike,
} from '../../src/background/firefox/response-bodies.ts';
import { scanProbeResponses } from '../../src/background/network/probe-responses.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { fakeAwsKeyId, fakeAwsSecret, fakeJwt, fakeOpaqueToken, randomFrom } from '../support/fake-secrets.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

class FakeStreamFilter implements StreamFilterLike {
  ondata: ((event: { data: ArrayBuffer }) => void) | null = null;
  onstop: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  written: Uint8Array[] = [];
  state: 'open' | 'closed' | 'disconnected' = 'open';
  write(data: ArrayBuffer | Uint8Array) {
    if (this.state !== 'open') throw new Error('write after close');
    this.written.push(new Uint8Array(data instanceof Uint8Array ? data : new Uint8Array(data)).slice());
  }
  close() {
    this.state = 'closed';
  }
  disconnect() {
    this.state = 'disconnected';
  }
  /** What the page received through the filter. */
  delivered(): string {
    return Buffer.concat(this.written).toString('utf8');
  }
  /** Feeds `body` in chunks of `size` bytes, as Firefox would, then ends the stream. */
  stream(body: string, size = 7) {
    const bytes = Buffer.from(body, 'utf8');
    for (let at = 0; at < bytes.length && this.state === 'open'; at += size) {
      const chunk = bytes.subarray(at, at + size);
      this.ondata?.({ data: chunk.buffer.slice(chunk.byteOffset, chunk.byteOffset + chunk.byteLength) as ArrayBuffer });
    }
    if (this.state === 'open') this.onstop?.({});
  }
}

function fakeFirefox() {
  const filters = new Map<string, FakeStreamFilter>();
  let listener: ((details: ResponseDetailsLike) => undefined) | undefined;
  let registration: { filter: { urls: string[]; types?: string[] }; extraInfoSpec?: string[] } | undefined;
  const webRequest: FilteringWebRequestLike = {
    onHeadersReceived: {
      addListener(callback, filter, extraInfoSpec) {
        listener = callback;
        registration = { filter, extraInfoSpec };
      },
    },
    filterResponseData(requestId) {
      const filter = new FakeStreamFilter();
      filters.set(requestId, filter);
      return filter;
    },
  };
  const findings: { tabId: number; findings: Finding[] }[] = [];
  const confirmations: { tabId: number; findings: Finding[] }[] = [];
  const sink = {
    onFindings: (tabId: number, found: Finding[]) => void findings.push({ tabId, findings: found }),
    onConfirmations: (tabId: number, found: Finding[]) => void confirmations.push({ tabId, findings: found }),
  };
  let nextId = 1;
  const respond = (overrides: Partial<ResponseDetailsLike> = {}, headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8' }) => {
    const details: ResponseDetailsLike = {
      requestId: String(nextId++),
      url: 'https://app.example.test/api/config',
      tabId: 3,
      type: 'xmlhttprequest',
      statusCode: 200,
      originUrl: 'https://app.example.test/settings',
      responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })),
      ...overrides,
    };
    expect(listener!(details)).toBeUndefined(); // never blocks, redirects or changes anything
    return filters.get(details.requestId);
  };
  return { webRequest, sink, findings, confirmations, respond, registration: () => registration, listener: () => listener };
}

const stripeSecret = () => `sk_live_${randomFrom(ALNUM, 99)}`;
const sha256Prefix = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

describe('feature detection', () => {
  it('finds the API only where filterResponseData exists', () => {
    expect(supportsResponseFilters(fakeFirefox().webRequest)).toBe(true);
    const chromiumLike = { onBeforeRequest: { addListener() {} }, onHeadersReceived: { addListener() {} } };
    expect(supportsResponseFilters(chromiumLike)).toBe(false);
    expect(supportsResponseFilters(undefined)).toBe(false);
  });

  it('registers nothing in Chromium, and survives a browser that refuses the blocking listener', () => {
    let registered = 0;
    const chromiumLike = { onHeadersReceived: { addListener: () => void registered++ } };
    expect(registerFirefoxAdditions(chromiumLike, { onFindings() {}, onConfirmations() {} })).toEqual({ responseBodies: false });
    expect(registered).toBe(0);

    const refusing = {
      onHeadersReceived: {
        addListener() {
          throw new Error("blocking option requires the 'webRequestBlocking' permission.");
        },
      },
      filterResponseData() {
        throw new Error('unreachable');
      },
    };
    expect(registerFirefoxAdditions(refusing, { onFindings() {}, onConfirmations() {} })).toEqual({ responseBodies: false });
  });

  it('registers one blocking onHeadersReceived listener for fetch/XHR only', () => {
    const firefox = fakeFirefox();
    expect(registerFirefoxAdditions(firefox.webRequest, firefox.sink)).toEqual({ responseBodies: true });
    expect(firefox.registration()).toEqual({
      filter: { urls: ['http://*/*', 'https://*/*'], types: ['xmlhttprequest'] },
      extraInfoSpec: ['blocking', 'responseHeaders'],
    });
  });
});

describe('which responses are read', () => {
  const base: ResponseDetailsLike = {
    requestId: '1',
    url: 'https://app.example.test/api/config',
    tabId: 1,
    type: 'xmlhttprequest',
    statusCode: 200,
    responseHeaders: [{ name: 'content-type', value: 'application/json' }],
  };
  const withHeaders = (headers: Record<string, string>): ResponseDetailsLike => ({ ...base, responseHeaders: Object.entries(headers).map(([name, value]) => ({ name, value })) });

  it('JSON answers to the page’s fetch/XHR calls', () => {
    expect(shouldReadBody(base)).toBe(true);
    expect(shouldReadBody(withHeaders({ 'Content-Type': 'application/vnd.api+json; charset=utf-8' }))).toBe(true);
    expect(shouldReadBody(withHeaders({ 'content-type': 'text/json', 'content-length': '1048576' }))).toBe(true);
  });

  it('not scripts, pages, errors, empty or oversized answers, or the extension’s own requests', () => {
    expect(shouldReadBody({ ...base, type: 'script' })).toBe(false);
    expect(shouldReadBody({ ...base, type: 'main_frame' })).toBe(false);
    expect(shouldReadBody({ ...base, statusCode: 404 })).toBe(false);
    expect(shouldReadBody({ ...base, statusCode: 204 })).toBe(false);
    expect(shouldReadBody({ ...base, statusCode: 302 })).toBe(false);
    expect(shouldReadBody({ ...base, tabId: -1 })).toBe(false);
    expect(shouldReadBody({ ...base, originUrl: 'moz-extension://0a1b2c3d/src/popup/index.html' })).toBe(false);
    expect(shouldReadBody(withHeaders({ 'content-type': 'text/html' }))).toBe(false);
    expect(shouldReadBody(withHeaders({}))).toBe(false);
    expect(shouldReadBody(withHeaders({ 'content-type': 'application/json', 'content-length': '1048577' }))).toBe(false);
  });

  it('recognises JSON content types by their media type, not by a substring', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('application/problem+json')).toBe(true);
    expect(isJsonContentType('application/jsonp')).toBe(false);
    expect(isJsonContentType('text/javascript; note=json')).toBe(false);
    expect(isJsonContentType(undefined)).toBe(false);
  });
});

describe('reading a body', () => {
  it('confirms, rather than counts again, a response the page hook reported first', () => {
    const firefox = fakeFirefox();
    registerResponseBodyReader(firefox.webRequest, firefox.sink);
    const body = JSON.stringify({ payments: { secretKey: stripeSecret() } });
    const url = 'https://app.example.test/api/config';
    const fromPage = scanProbeResponses([{ url, status: 200, contentType: 'application/json', body }], { tabId: 3, pageUrl: 'https://app.example.test/settings' });
    expect(fromPage).toHaveLength(1);
    firefox.respond({ url })!.stream(body);
    expect(firefox.findings).toEqual([]);
    expect(firefox.confirmations.flatMap((entry) => entry.findings).map((finding) => finding.fingerprint)).toEqual([fromPage![0]!.fingerprint]);
    // A second response only the browser read is a finding of its own.
    firefox.respond({ url })!.stream(body);
    expect(firefox.findings).toHaveLength(1);
  });

  it('hands the page every byte unchanged, then scans the JSON and reports the secret at its path', () => {
    const firefox = fakeFirefox();
    registerResponseBodyReader(firefox.webRequest, firefox.sink);
    const secret = stripeSecret();
    const body = JSON.stringify({ environment: 'production', note: 'café ☕', payments: { secretKey: secret } });
    const filter = firefox.respond({ url: `https://app.example.test/api/config?access_token=${fakeOpaqueToken()}` })!;
    expect(filter).toBeDefined();
    filter.stream(body, 5); // multi-byte characters split across chunks
    expect(filter.delivered()).toBe(body);
    expect(filter.state).toBe('closed');

    expect(firefox.findings).toHaveLength(1);
    const [finding] = firefox.findings[0]!.findings;
    expect(firefox.findings[0]!.tabId).toBe(3);
    expect(finding).toMatchObject({ source: 'response-body', severity: 'critical', location: { jsonPath: '$.payments.secretKey' } });
    expect(finding!.location.url).toBe('https://app.example.test/api/config?access_token=[redacted]');
    expect(finding!.secretHash).toBe(sha256Prefix(secret));
    expect(JSON.stringify(firefox.findings)).not.toContain(secret);
  });

  it('scans a JSON-typed body that is not JSON as text', () => {
    const firefox = fakeFirefox();
    registerResponseBodyReader(firefox.webRequest, firefox.sink);
    const keyId = fakeAwsKeyId();
    const filter = firefox.respond()!;
    filter.stream(`while(1);/* aws ${keyId} ${fakeAwsSecret()} */`);
    expect(firefox.findings.flatMap((entry) => entry.findings).map((finding) => finding.ruleId)).toContain('aws-access-key-id');
  });

  it('judges bodies like HAR responses and the page hook: a sign-in answer carrying a token is not a leak', () => {
    const firefox = fakeFirefox();
    registerResponseBodyReader(firefox.webRequest, firefox.sink);
    const token = fakeJwt({ sub: 'user-1', iat: 1_700_000_000, exp: 1_700_003_600 });
    firefox.respond({ url: 'https://api.example.test/oauth/token' })!.stream(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
    expect(firefox.findings).toEqual([]);
  });

  it('reports nothing for a clean body, and does not filter what does not qualify', () => {
    const firefox = fakeFirefox();
    registerResponseBodyReader(firefox.webRequest, firefox.sink);
    firefox.respond()!.stream(JSON.stringify({ environment: 'production', features: ['a', 'b'] }));
    expect(firefox.respond({ type: 'script' })).toBeUndefined();
    expect(firefox.respond({}, { 'content-type': 'text/html' })).toBeUndefined();
    expect(firefox.findings).toEqual([]);
  });

  it('lets a body longer than the cap go to Firefox unread, after passing on what it already had', () => {
    const firefox = fakeFirefox();
    registerResponseBodyReader(firefox.webRequest, firefox.sink, { maxBytes: 64, maxActive: 1 });
    const body = JSON.stringify({ padding: 'x'.repeat(100), secretKey: stripeSecret() });
    const filter = firefox.respond()!;
    filter.stream(body, 16);
    expect(filter.state).toBe('disconnected');
    // Everything written before the disconnect is a prefix of the body, in order; Firefox delivers the rest.
    expect(body.startsWith(filter.delivered())).toBe(true);
    expect(filter.delivered().length).toBeGreaterThan(64);
    expect(firefox.findings).toEqual([]);
    // Its slot was released: the next response is read.
    expect(firefox.respond()).toBeDefined();
  });

  it('reads at most maxActive bodies at once, and frees a slot on stop and on error', () => {
    const firefox = fakeFirefox();
    registerResponseBodyReader(firefox.webRequest, firefox.sink, { maxActive: 2 });
    const first = firefox.respond()!;
    const second = firefox.respond()!;
    expect(firefox.respond(), 'a third concurrent body is left alone').toBeUndefined();
    first.stream('{}');
    const third = firefox.respond();
    expect(third).toBeDefined();
    second.onerror?.({});
    expect(firefox.respond()).toBeDefined();
  });

  it('reads only in tabs the scope admits, and nothing before the settings are loaded', () => {
    const firefox = fakeFirefox();
    let ready = false;
    const admitted: number[] = [];
    const gate = {
      isReady: () => ready,
      admitRequest: (event: string, details: ResponseDetailsLike) => {
        expect(event).toBe('onHeadersReceived');
        admitted.push(details.tabId);
        return details.tabId === 3;
      },
    };
    registerResponseBodyReader(firefox.webRequest, firefox.sink, { gate });
    expect(firefox.respond(), 'settings not loaded yet: a blocking listener cannot wait').toBeUndefined();
    ready = true;
    expect(firefox.respond({ tabId: 4 }), 'out of scope').toBeUndefined();
    expect(firefox.respond({ tabId: 3 })).toBeDefined();
    expect(admitted).toEqual([4, 3]);
  });

  it('survives Firefox refusing to create a filter (e.g. while the event page suspends)', () => {
    const firefox = fakeFirefox();
    const refusing: FilteringWebRequestLike = {
      ...firefox.webRequest,
      filterResponseData() {
        throw new Error('filterResponseData method calls forbidden while background extension global is suspending');
      },
    };
    registerResponseBodyReader(refusing, firefox.sink, { maxActive: 1 });
    expect(() => firefox.respond()).not.toThrow();
  });
});
