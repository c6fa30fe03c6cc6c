/**
 * The demo app is the fixture every end-to-end test stands on, so its answer key must be right: each
 * planted value is where describePlanted() says, in the format the engine expects, and every request
 * the pages make is answered. The pages' inline scripts run here against small fakes of the browser
 * APIs they call, and the requests they make are replayed against the real server.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect as netConnect } from 'node:net';
import { checkServerIdentity, connect as tlsConnect, type PeerCertificate } from 'node:tls';
import { Script, createContext } from 'node:vm';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { SourceMapConsumer } from 'source-map-js';
import { describePlanted, HOSTS, startDemo, type Demo, type PlantedSecret } from '../../demo/server.mjs';
import { FINDING_SOURCES, SEVERITIES } from '../../src/shared/finding.ts';

// --- HTTP helpers: connect to 127.0.0.1, name the demo host in SNI and Host -------------------------

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

interface Fetch {
  host: string;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** Plain HTTP instead of HTTPS. */
  plain?: boolean;
}

function fetchDemo(demo: Demo, { host, path, method = 'GET', headers = {}, body, plain = false }: Fetch): Promise<Reply> {
  const port = plain ? demo.httpPort : demo.httpsPort;
  const options = {
    host: '127.0.0.1',
    port,
    path,
    method,
    headers: { host: `${host}:${port}`, ...headers, ...(body !== undefined ? { 'content-length': Buffer.byteLength(body) } : {}) },
    agent: false as const,
  };
  return new Promise((resolve, reject) => {
    const onResponse = (res: import('node:http').IncomingMessage) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const all = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: all, text: all.toString('utf8') });
      });
      res.on('error', reject);
    };
    const req = plain
      ? httpRequest(options, onResponse)
      : httpsRequest({ ...options, servername: host, rejectUnauthorized: false }, onResponse);
    req.on('error', reject);
    req.end(body);
  });
}

const get = (demo: Demo, host: string, path: string) => fetchDemo(demo, { host, path });

/** Inline classic scripts of a page (JSON islands and external scripts excluded). */
function inlineScripts(html: string): string[] {
  return [...html.matchAll(/<script(?<attrs>[^>]*)>(?<code>[\s\S]*?)<\/script>/g)]
    .filter((m) => !/\bsrc=|\btype=/.test(m.groups!.attrs!))
    .map((m) => m.groups!.code!);
}

/** 1-based line and column of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const index = text.indexOf(needle);
  expect(index).toBeGreaterThanOrEqual(0);
  const before = text.slice(0, index).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

function decodeJwtPart(part: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** GitHub's base62 (0-9A-Za-z) of a CRC32, written independently of the demo's implementation. */
function githubChecksum(body: string): string {
  const digits = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  let value = crc32(body);
  let out = '';
  while (value > 0) {
    out = digits[value % 62] + out;
    value = Math.floor(value / 62);
  }
  return out.padStart(6, '0');
}

// --- A tiny fake browser for the pages' inline scripts ---------------------------------------------

interface Captured {
  fetches: { url: string; init: { method?: string; headers?: Record<string, string>; body?: unknown; credentials?: string } }[];
  images: string[];
  scripts: string[];
  sockets: string[];
  localStorage: Map<string, string>;
  sessionStorage: Map<string, string>;
  indexedDb: { database: string; stores: string[]; puts: { store: string; value: Record<string, unknown> }[] };
  dataset: Record<string, string>;
}

function fakeBrowser(demo: Demo, pageHost: string) {
  const captured: Captured = {
    fetches: [],
    images: [],
    scripts: [],
    sockets: [],
    localStorage: new Map(),
    sessionStorage: new Map(),
    indexedDb: { database: '', stores: [], puts: [] },
    dataset: {},
  };
  const later = (fn: () => void) => queueMicrotask(fn);
  const element = (): Record<string, unknown> => ({
    textContent: '',
    dataset: {},
    appendChild(child: Record<string, unknown>) {
      if (typeof child.src === 'string' && child.kind === 'script') {
        captured.scripts.push(child.src);
        later(() => (child.onload as () => void)?.());
      }
      return child;
    },
  });
  const storage = (map: Map<string, string>) => ({
    setItem: (key: string, value: string) => map.set(key, String(value)),
    getItem: (key: string) => map.get(key) ?? null,
  });
  class FakeImage {
    onload?: () => void;
    onerror?: () => void;
    alt = '';
    set src(url: string) {
      captured.images.push(url);
      later(() => this.onload?.());
    }
  }
  class FakeWebSocket {
    onclose?: () => void;
    constructor(url: string) {
      captured.sockets.push(url);
      later(() => this.onclose?.());
    }
  }
  const db = {
    createObjectStore: (name: string) => captured.indexedDb.stores.push(name),
    transaction: (store: string) => {
      const tx: Record<string, unknown> = {
        objectStore: () => ({ put: (value: Record<string, unknown>) => captured.indexedDb.puts.push({ store, value }) }),
      };
      later(() => (tx.oncomplete as () => void)?.());
      return tx;
    },
    close() {},
  };
  const origin = `https://${pageHost}:${demo.httpsPort}`;
  const context = createContext({
    location: { protocol: 'https:', port: String(demo.httpsPort), origin },
    document: {
      documentElement: { dataset: captured.dataset },
      body: element(),
      getElementById: () => element(),
      querySelector: () => element(),
      createElement: (tag: string) => ({ ...element(), kind: tag }),
    },
    localStorage: storage(captured.localStorage),
    sessionStorage: storage(captured.sessionStorage),
    indexedDB: {
      open(name: string) {
        captured.indexedDb.database = name;
        const request: Record<string, unknown> = { result: db };
        later(() => {
          (request.onupgradeneeded as () => void)?.();
          (request.onsuccess as () => void)?.();
        });
        return request;
      },
    },
    fetch(url: string, init = {}) {
      captured.fetches.push({ url, init });
      return Promise.resolve({ status: 200, text: async () => '', json: async () => ({ name: 'Dana', environment: 'production' }) });
    },
    Image: FakeImage,
    WebSocket: FakeWebSocket,
    URLSearchParams,
    encodeURIComponent,
    btoa,
    // The pages only use timers as fallbacks; never let one outlive the test.
    setTimeout: () => 0,
  });
  (context as Record<string, unknown>).window = context;
  return {
    captured,
    context: context as Record<string, unknown>,
    async run(code: string) {
      new Script(code).runInContext(context);
      for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

/** Send a request a page made, as the browser would (CORS preflight first when it needs one). */
async function replay(demo: Demo, pageOrigin: string, url: string, init: Captured['fetches'][number]['init']): Promise<Reply> {
  const target = new URL(url, pageOrigin);
  const headers: Record<string, string> = { origin: pageOrigin, ...(init.headers ?? {}) };
  let body: string | undefined;
  if (init.body instanceof URLSearchParams) {
    body = init.body.toString();
    headers['content-type'] = 'application/x-www-form-urlencoded;charset=UTF-8';
  } else if (typeof init.body === 'string') body = init.body;
  const crossOrigin = target.origin !== pageOrigin;
  const custom = Object.keys(init.headers ?? {}).map((h) => h.toLowerCase());
  if (crossOrigin && (custom.length > 0 || (init.method ?? 'GET') !== 'GET')) {
    const preflight = await fetchDemo(demo, {
      host: target.hostname,
      path: target.pathname,
      method: 'OPTIONS',
      headers: { origin: pageOrigin, 'access-control-request-method': init.method ?? 'GET', 'access-control-request-headers': custom.join(',') },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(pageOrigin);
    const allowed = String(preflight.headers['access-control-allow-headers']).split(/,\s*/);
    for (const header of custom) if (header !== 'content-type') expect(allowed).toContain(header);
  }
  const reply = await fetchDemo(demo, { host: target.hostname, path: target.pathname + target.search, method: init.method ?? 'GET', headers, body });
  if (crossOrigin) {
    expect(reply.headers['access-control-allow-origin']).toBe(pageOrigin);
    expect(reply.headers['access-control-allow-credentials']).toBe('true');
  }
  return reply;
}

// --- Tests ---------------------------------------------------------------------------------------------

describe('demo server', () => {
  let demo: Demo;
  const appOrigin = () => `https://${HOSTS.app}:${demo.httpsPort}`;
  const planted = (id: string): PlantedSecret => {
    const entry = demo.planted.find((p) => p.id === id);
    expect(entry, id).toBeDefined();
    return entry!;
  };

  beforeAll(async () => {
    demo = await startDemo();
  });
  afterAll(async () => {
    await demo?.close();
  });

  it('listens on loopback ephemeral ports and reports its hosts and resolver rules', () => {
    expect(demo.httpsPort).toBeGreaterThan(0);
    expect(demo.httpPort).toBeGreaterThan(0);
    expect(demo.httpsPort).not.toBe(demo.httpPort);
    expect(demo.urls).toMatchObject({
      app: `https://app.leaklens.test:${demo.httpsPort}/`,
      api: `https://api.leaklens.test:${demo.httpsPort}/`,
      thirdParty: `https://cdn.thirdparty.test:${demo.httpsPort}/`,
      insecure: `http://insecure.leaklens.test:${demo.httpPort}/`,
    });
    expect(demo.hostResolverRules).toBe('MAP *.leaklens.test 127.0.0.1, MAP *.thirdparty.test 127.0.0.1');
    expect(demo.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/);
  });

  it('presents a certificate whose names cover every demo host, localhost and 127.0.0.1', async () => {
    const peer = await new Promise<PeerCertificate>((resolve, reject) => {
      const socket = tlsConnect({ host: '127.0.0.1', port: demo.httpsPort, servername: HOSTS.app, rejectUnauthorized: false }, () => {
        resolve(socket.getPeerCertificate());
        socket.end();
      });
      socket.on('error', reject);
    });
    for (const name of [...Object.values(HOSTS), 'leaklens.test', 'localhost', '127.0.0.1']) {
      expect(checkServerIdentity(name, peer), name).toBeUndefined();
    }
    expect(checkServerIdentity('example.com', peer)).toBeInstanceOf(Error);
  });

  it('sets Cache-Control: no-store everywhere and 404s unknown paths and hosts', async () => {
    const replies = await Promise.all([
      get(demo, HOSTS.app, '/'),
      get(demo, HOSTS.app, '/static/app.js'),
      get(demo, HOSTS.api, '/v1/profile'),
      get(demo, HOSTS.app, '/nope'),
      get(demo, 'unknown.example', '/'),
      fetchDemo(demo, { host: HOSTS.insecure, path: '/login.html', plain: true }),
      fetchDemo(demo, { host: HOSTS.api, path: '/v1/orders', method: 'OPTIONS', headers: { origin: appOrigin() } }),
    ]);
    for (const reply of replies) expect(reply.headers['cache-control']).toBe('no-store');
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 404, 404, 200, 204]);
    expect((await fetchDemo(demo, { host: HOSTS.app, path: '/', method: 'POST', body: '' })).status).toBe(405);
  });

  it('serves every host on both servers', async () => {
    expect((await fetchDemo(demo, { host: HOSTS.app, path: '/', plain: true })).status).toBe(200);
    expect((await get(demo, HOSTS.insecure, '/login.html')).status).toBe(200);
    expect((await get(demo, HOSTS.cdn, '/widget.js')).status).toBe(200);
  });

  describe('the foundation page /', () => {
    it('keeps the JWT in localStorage and calls the API with the token in the URL', async () => {
      const page = await get(demo, HOSTS.app, '/');
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.text).toContain('<title>Acme Dashboard</title>');
      expect(page.text).toContain('<script src="/static/app.js"></script>');

      const browser = fakeBrowser(demo, HOSTS.app);
      for (const code of inlineScripts(page.text)) await browser.run(code);
      const stored = JSON.parse(browser.captured.localStorage.get('auth.session')!) as { accessToken: string; user: { id: string } };
      expect(stored.accessToken).toBe(demo.secrets.localStorageJwt);
      expect(stored.user.id).toBe(decodeJwtPart(demo.secrets.localStorageJwt.split('.')[1]!).sub);
      expect(browser.captured.dataset.demoReady).toBe('true');

      expect(browser.captured.fetches).toHaveLength(1);
      const [{ url, init }] = browser.captured.fetches as [Captured['fetches'][number]];
      expect(url).toBe(`https://api.leaklens.test:${demo.httpsPort}/v1/profile?access_token=${demo.secrets.urlToken}`);
      expect(init.credentials).toBe('include');

      const reply = await replay(demo, appOrigin(), url, init);
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toMatchObject({ name: 'Dana Whitaker' });
      expect(reply.text).not.toContain(demo.secrets.urlToken);
    });

    it('answers CORS only for the app origin', async () => {
      const foreign = await fetchDemo(demo, { host: HOSTS.api, path: '/v1/profile', headers: { origin: 'https://evil.example' } });
      expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    });

    it('ships the AWS key pair on one line of /static/app.js, at the recorded line and column', async () => {
      const script = await get(demo, HOSTS.app, '/static/app.js');
      expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
      const lines = script.text.split('\n');
      expect(lines.length).toBeGreaterThanOrEqual(25);
      expect(() => new Script(script.text)).not.toThrow();

      const entry = planted('root/script/aws-key-pair');
      const { line, column, secretLine, secretColumn } = entry.location;
      expect(positionOf(script.text, demo.secrets.awsAccessKeyId)).toEqual({ line, column });
      expect(positionOf(script.text, demo.secrets.awsSecretAccessKey)).toEqual({ line: secretLine, column: secretColumn });
      expect(lines[line! - 1]!.slice(column! - 1, column! - 1 + 20)).toBe(demo.secrets.awsAccessKeyId);
      expect(lines[line! - 1]).toContain(
        `{region:"us-east-1",accessKeyId:"${demo.secrets.awsAccessKeyId}",secretAccessKey:"${demo.secrets.awsSecretAccessKey}"}`,
      );
      expect(column).toBeGreaterThan(1);
    });

    it('is described by three foundation entries: request-url, local-storage and script', () => {
      const foundation = demo.planted.filter((p) => p.stage === 'foundation');
      expect(foundation.map((p) => [p.source, p.name, p.severity])).toEqual([
        ['request-url', 'urlToken', 'high'],
        ['local-storage', 'localStorageJwt', 'high'],
        ['script', 'awsAccessKeyId', 'critical'],
      ]);
      expect(foundation[0]!.targetUrl).toBe(`https://api.leaklens.test:${demo.httpsPort}/v1/profile`);
      expect(foundation[2]!.targetUrl).toBe(`https://app.leaklens.test:${demo.httpsPort}/static/app.js`);
    });
  });

  describe('/network.html', () => {
    it('redirects to itself with a session token and sets an unsafe-url referrer policy', async () => {
      const redirect = await get(demo, HOSTS.app, '/network.html');
      expect(redirect.status).toBe(302);
      expect(redirect.headers.location).toBe(`/network.html?session_token=${demo.secrets.refererToken}`);
      const page = await get(demo, HOSTS.app, redirect.headers.location!);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<meta name="referrer" content="unsafe-url">');
      // The page is the same whatever the query says: nothing from the request is reflected.
      const other = await get(demo, HOSTS.app, '/network.html?session_token=%3Cscript%3E');
      expect(other.text).toBe(page.text);
    });

    it('makes every request-side leak, and the server answers each request', async () => {
      const page = await get(demo, HOSTS.app, `/network.html?session_token=${demo.secrets.refererToken}`);
      const browser = fakeBrowser(demo, HOSTS.app);
      for (const code of inlineScripts(page.text)) await browser.run(code);
      const { fetches, images, sockets, dataset } = browser.captured;
      const api = `https://api.leaklens.test:${demo.httpsPort}`;
      const byPath = Object.fromEntries(fetches.map((f) => [new URL(f.url).pathname, f]));

      expect(byPath['/v1/orders']!.init.headers).toEqual({ Authorization: `Bearer ${demo.secrets.bearerJwt}` });
      expect(byPath['/v1/mail/send']!.init.headers!['x-api-key']).toBe(demo.secrets.sendgridApiKey);
      const exchange = (byPath['/oauth/token']!.init.body as URLSearchParams).toString();
      expect(exchange).toMatch(
        new RegExp(`^grant_type=authorization_code&code=[A-Za-z0-9]{32}&client_id=acme-dashboard&client_secret=${demo.secrets.oauthClientSecret}&redirect_uri=`),
      );
      expect(JSON.parse(byPath['/v1/session']!.init.body as string)).toMatchObject({ password: demo.secrets.jsonPassword });
      expect(images).toEqual([`https://analytics.thirdparty.test:${demo.httpsPort}/pixel.gif?event=pageview`]);
      expect(sockets).toEqual([`wss://api.leaklens.test:${demo.httpsPort}/ws?token=${demo.secrets.websocketToken}`]);
      expect(dataset.demoReady).toBe('true');

      for (const { url, init } of fetches) {
        expect(url.startsWith(api)).toBe(true);
        const reply = await replay(demo, appOrigin(), url, init);
        expect(reply.status, url).toBeGreaterThanOrEqual(200);
        expect(reply.status, url).toBeLessThan(300);
      }
      const pixel = await get(demo, HOSTS.analytics, '/pixel.gif?event=pageview');
      expect(pixel.headers['content-type']).toBe('image/gif');
      expect(pixel.body.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    });

    it('completes the WebSocket handshake on /ws', async () => {
      const key = Buffer.from('leaklens-demo-16').toString('base64');
      const { status, accept, firstFrame } = await new Promise<{ status: number; accept: string; firstFrame: Buffer }>((resolve, reject) => {
        const req = httpsRequest({
          host: '127.0.0.1',
          port: demo.httpsPort,
          servername: HOSTS.api,
          rejectUnauthorized: false,
          path: `/ws?token=${demo.secrets.websocketToken}`,
          headers: {
            host: `${HOSTS.api}:${demo.httpsPort}`,
            connection: 'Upgrade',
            upgrade: 'websocket',
            'sec-websocket-version': '13',
            'sec-websocket-key': key,
            origin: appOrigin(),
          },
        });
        req.on('upgrade', (res, socket, head) => {
          const finish = (frame: Buffer) => {
            resolve({ status: res.statusCode ?? 0, accept: String(res.headers['sec-websocket-accept']), firstFrame: frame });
            socket.destroy();
          };
          if (head.length > 0) finish(head);
          else socket.once('data', finish);
        });
        req.on('response', (res) => reject(new Error(`no upgrade: ${res.statusCode}`)));
        req.on('error', reject);
        req.end();
      });
      expect(status).toBe(101);
      expect(accept).toBe(createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64'));
      expect(firstFrame[0]).toBe(0x81);
      expect(firstFrame.subarray(2, 2 + firstFrame[1]!).toString()).toBe('{"type":"welcome"}');
    });
  });

  describe('/page.html', () => {
    it('plants storage, cookie, IndexedDB, window-global, data-island and DOM leaks', async () => {
      const page = await get(demo, HOSTS.app, '/page.html');
      const { secrets } = demo;

      const cookie = String(page.headers['set-cookie']);
      expect(cookie).toContain(`session_token=${secrets.cookieJwt};`);
      expect(cookie).toContain('Secure');
      expect(cookie.toLowerCase()).not.toContain('httponly');

      const island = /<script id="__NEXT_DATA__" type="application\/json">(.*?)<\/script>/.exec(page.text)![1]!;
      expect(JSON.parse(island).props.pageProps.deployToken).toBe(secrets.githubToken);
      expect(page.text).toMatch(new RegExp(`<!--[^>]*password="${secrets.commentPassword}"[^>]*-->`));
      expect(page.text).toContain(`<input type="hidden" name="api_key" value="${secrets.hiddenInputApiKey}">`);
      expect(page.text).toContain(`<div id="support-widget" data-api-key="${secrets.dataAttributeApiKey}"`);
      expect(page.text).toContain('<script src="/static/vendor.js"></script>');

      const browser = fakeBrowser(demo, HOSTS.app);
      browser.context.AcmeVendor = { describeAssistant: () => 'gpt-4o-mini' };
      for (const code of inlineScripts(page.text)) await browser.run(code);
      const config = browser.context.__APP_CONFIG__ as Record<string, string>;
      expect(config.stripeSecret).toBe(secrets.stripeSecretKey);
      expect(config.stripeKey).toBe(secrets.stripePublishableKey);

      const oidc = JSON.parse(browser.captured.sessionStorage.get(planted('page/session-storage/oidc-user').location.keyPath!)!);
      expect(oidc.access_token).toBe(secrets.sessionStorageJwt);
      expect(browser.captured.indexedDb).toEqual({
        database: 'acme-cache',
        stores: ['tokens'],
        puts: [{ store: 'tokens', value: { id: 'session', refresh_token: secrets.indexedDbRefreshToken, token_type: 'Bearer' } }],
      });
      expect(browser.captured.fetches.map((f) => f.url)).toEqual(['/api/config']);
      expect(browser.captured.scripts).toEqual([`https://cdn.thirdparty.test:${demo.httpsPort}/widget.js`]);
      expect(browser.captured.dataset.demoReady).toBe('true');

      const apiConfig = await get(demo, HOSTS.app, '/api/config');
      expect(apiConfig.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(apiConfig.text).payments.secretKey).toBe(secrets.configStripeSecretKey);
      expect((await get(demo, HOSTS.cdn, '/widget.js')).text).not.toMatch(/api[-_]?key/i);
    });

    it("ships vendor.js with a source map that resolves the OpenAI key to src/config.ts", async () => {
      const script = await get(demo, HOSTS.app, '/static/vendor.js');
      expect(() => new Script(script.text)).not.toThrow();
      expect(script.text.trimEnd().endsWith('//# sourceMappingURL=vendor.js.map')).toBe(true);
      const rawMap = JSON.parse((await get(demo, HOSTS.app, '/static/vendor.js.map')).text);
      const key = demo.secrets.openaiApiKey;

      const entry = planted('page/script/vendor.js');
      const { line, column, originalFile, originalLine, originalColumn } = entry.location;
      expect(positionOf(script.text, key)).toEqual({ line, column });
      expect(originalFile).toBe('src/config.ts');

      const consumer = new SourceMapConsumer(rawMap);
      const original = consumer.originalPositionFor({ line: line!, column: column! - 1 });
      expect(original).toMatchObject({ source: 'src/config.ts', line: originalLine, column: originalColumn! - 1 });

      const configSource = consumer.sourceContentFor('src/config.ts')!;
      expect(positionOf(configSource, key)).toEqual({ line: originalLine, column: originalColumn });
      expect(entry.alsoInSourceMap).toBe('/static/vendor.js.map');

      // The Slack token is only in the map: in a comment of src/config.ts that the bundle dropped.
      const slack = planted('page/source-map/vendor.js.map');
      expect(slack.name).toBe('sourceMapSlackToken');
      expect(script.text).not.toContain(demo.secrets.sourceMapSlackToken);
      expect(positionOf(configSource, demo.secrets.sourceMapSlackToken)).toEqual({ line: slack.location.originalLine, column: slack.location.originalColumn });
      expect(slack.location.originalFile).toBe('src/config.ts');

      // Every mapping points at real text in its original source.
      const sourceLines = new Map(rawMap.sources.map((s: string) => [s, consumer.sourceContentFor(s)!.split('\n')]));
      let count = 0;
      consumer.eachMapping((m) => {
        count++;
        const text = sourceLines.get(m.source) as string[];
        expect(m.originalLine).not.toBeNull();
        expect(text[(m.originalLine ?? 0) - 1]!.length).toBeGreaterThan(m.originalColumn ?? Infinity);
      });
      expect(count).toBeGreaterThan(10);
    });
  });

  describe('/clean.html', () => {
    it('holds only public-by-design values', async () => {
      const page = await get(demo, HOSTS.app, '/clean.html');
      expect(page.text).toContain(`apiKey: "${demo.secrets.firebaseApiKey}"`);
      expect(page.text).toContain(demo.secrets.stripePublishableKey);
      const others = Object.entries(demo.secrets).filter(([name]) => name !== 'firebaseApiKey' && name !== 'stripePublishableKey');
      for (const [name, value] of others) expect(page.text.includes(value), name).toBe(false);
      expect(page.headers['set-cookie']).toBeUndefined();
      for (const code of inlineScripts(page.text)) expect(() => new Script(code)).not.toThrow();
      const entries = demo.planted.filter((p) => p.page.path === '/clean.html');
      expect(entries.every((p) => p.severity === 'info' || p.severity === 'low')).toBe(true);
    });
  });

  describe('http://insecure.leaklens.test', () => {
    it('signs in with a form POST and HTTP Basic over plain HTTP', async () => {
      const { secrets } = demo;
      const plain = (path: string, method = 'GET', headers: Record<string, string> = {}, body?: string) =>
        fetchDemo(demo, { host: HOSTS.insecure, path, method, headers, body, plain: true });
      const page = await plain('/login.html');
      expect(page.text).toContain('<form id="login" method="post" action="/login" target="login-result">');
      expect(page.text).toContain(`var password = "${secrets.insecurePassword}";`);
      expect(page.text).toContain('Authorization: "Basic " + btoa(username + ":" + password)');
      for (const code of inlineScripts(page.text)) expect(() => new Script(code)).not.toThrow();

      const form = new URLSearchParams({ username: 'dana.whitaker', password: secrets.insecurePassword }).toString();
      expect((await plain('/login', 'POST', { 'content-type': 'application/x-www-form-urlencoded' }, form)).status).toBe(200);
      const basic = Buffer.from(`dana.whitaker:${secrets.insecurePassword}`).toString('base64');
      const me = await plain('/api/me', 'GET', { authorization: `Basic ${basic}` });
      expect(me.status).toBe(200);
      expect(JSON.parse(me.text)).toEqual({ username: 'dana.whitaker', role: 'admin' });
      expect((await plain('/')).headers.location).toBe('/login.html');
    });
  });

  describe('planted secrets', () => {
    it('have the structure the detection engine expects', () => {
      const s = demo.secrets;
      expect(s.awsAccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
      expect(s.awsAccessKeyId).not.toBe('AKIAIOSFODNN7EXAMPLE');
      expect(s.awsAccessKeyId).not.toContain('EXAMPLE');
      expect(s.awsSecretAccessKey).toMatch(/^[A-Za-z0-9/+]{40}$/);
      expect(s.urlToken).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(s.stripeSecretKey).toMatch(/^sk_live_[A-Za-z0-9]{24,99}$/);
      expect(s.configStripeSecretKey).toMatch(/^sk_live_[A-Za-z0-9]{24,99}$/);
      expect(s.stripePublishableKey).toMatch(/^pk_live_[A-Za-z0-9]{24,}$/);
      expect(s.openaiApiKey).toMatch(/^sk-proj-[A-Za-z0-9_-]{48,}$/);
      expect(s.sendgridApiKey).toMatch(/^SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}$/);
      expect(s.oauthClientSecret).toMatch(/^[A-Za-z0-9]{40}$/);
      expect(s.firebaseApiKey).toMatch(/^AIza[A-Za-z0-9_-]{35}$/);
      expect(s.githubToken).toMatch(/^ghp_[A-Za-z0-9]{36}$/);
      for (const password of [s.jsonPassword, s.commentPassword, s.insecurePassword]) expect(password).toMatch(/^[A-Za-z0-9]{6}-[A-Za-z0-9]{6}-[A-Za-z0-9]{6}$/);
      expect(new Set(Object.values(s)).size).toBe(Object.keys(s).length);
      expect(Object.isFrozen(s)).toBe(true);
    });

    it('include a GitHub token whose CRC32 checksum verifies', () => {
      const token = demo.secrets.githubToken;
      expect(githubChecksum(token.slice(4, 34))).toBe(token.slice(34));
      // And a corrupted body no longer does.
      const corrupted = (token[4] === 'A' ? 'B' : 'A') + token.slice(5, 34);
      expect(githubChecksum(corrupted)).not.toBe(token.slice(34));
    });

    it('include HS256 JWTs for user-<random> that expire 30 days after issue', () => {
      const now = Math.floor(Date.now() / 1000);
      for (const jwt of [demo.secrets.localStorageJwt, demo.secrets.bearerJwt, demo.secrets.sessionStorageJwt, demo.secrets.cookieJwt]) {
        const [header, payload, signature] = jwt.split('.') as [string, string, string];
        expect(Buffer.from(header, 'base64url').toString()).toBe('{"alg":"HS256","typ":"JWT"}');
        const claims = decodeJwtPart(payload);
        expect(Object.keys(claims)).toEqual(['sub', 'iss', 'iat', 'exp', 'scope']);
        expect(claims.sub).toMatch(/^user-[A-Za-z0-9]{12}$/);
        expect(claims).toMatchObject({ iss: 'https://auth.leaklens.test/', scope: 'openid profile email' });
        expect(Math.abs((claims.iat as number) - now)).toBeLessThan(120);
        expect((claims.exp as number) - (claims.iat as number)).toBe(30 * 24 * 60 * 60);
        expect(Buffer.from(signature, 'base64url')).toHaveLength(32);
      }
    });

    it('are fresh at every start', async () => {
      const second = await startDemo();
      try {
        for (const [name, value] of Object.entries(demo.secrets)) {
          expect(second.secrets[name as keyof typeof demo.secrets], name).not.toBe(value);
        }
        expect(second.httpsPort).not.toBe(demo.httpsPort);
      } finally {
        await second.close();
      }
    });
  });

  describe('describePlanted()', () => {
    it('is a consistent answer key', () => {
      const ids = demo.planted.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      const names = new Set(Object.keys(demo.secrets) as (keyof Demo['secrets'])[]);
      for (const entry of demo.planted) {
        expect(FINDING_SOURCES).toContain(entry.source);
        expect(SEVERITIES).toContain(entry.severity);
        expect(names.has(entry.name), entry.id).toBe(true);
        expect(entry.pageUrl).toMatch(/^https?:\/\/[a-z.]+\.test:\d+\//);
      }
      // Every secret is planted somewhere (the AWS secret travels with its key id).
      const covered = new Set(demo.planted.flatMap((p) => [p.name, ...(p.pairedWith ? [p.pairedWith] : [])]));
      expect([...names].filter((name) => !covered.has(name))).toEqual([]);
      // The positions do not depend on the values, so the static description matches a running demo.
      const strip = ({ pageUrl: _page, targetUrl: _target, ...rest }: PlantedSecret) => rest;
      expect(describePlanted().map(strip)).toEqual(demo.planted.map(strip));
      expect(describePlanted()[0]!.pageUrl).toBeUndefined();
    });

    it('names pages that serve each value', async () => {
      const cache = new Map<string, Reply>();
      const load = async (scheme: string, host: string, path: string) => {
        const key = `${scheme}://${host}${path}`;
        if (!cache.has(key)) {
          let reply = await fetchDemo(demo, { host, path, plain: scheme === 'http' });
          if (reply.status === 302) reply = await fetchDemo(demo, { host, path: reply.headers.location!, plain: scheme === 'http' });
          cache.set(key, reply);
        }
        return cache.get(key)!;
      };
      for (const entry of demo.planted) {
        const value = demo.secrets[entry.name];
        const page = await load(entry.page.scheme, entry.page.host, entry.page.path);
        expect(page.status, entry.id).toBe(200);
        const servedIn = [page.text, String(page.headers['set-cookie'] ?? '')];
        if (entry.target.scheme === 'https' && entry.target.host === HOSTS.app && entry.target.path !== entry.page.path) {
          servedIn.push((await load('https', entry.target.host, entry.target.path)).text);
        }
        if (entry.assembledAtRunTime) {
          // Served in two pieces, never whole: only the page's memory holds the value.
          expect(servedIn.some((text) => text.includes(value)), entry.id).toBe(false);
          expect(servedIn.some((text) => text.includes(JSON.stringify(value.slice(0, 12))) && text.includes(JSON.stringify(value.slice(12)))), entry.id).toBe(true);
        } else {
          expect(servedIn.some((text) => text.includes(value)), entry.id).toBe(true);
        }
      }
    });
  });

  describe('logging', () => {
    it('is silent by default', async () => {
      const spy = vi.spyOn(console, 'log');
      try {
        await get(demo, HOSTS.app, `/network.html?session_token=${demo.secrets.refererToken}`);
        expect(spy).not.toHaveBeenCalled();
      } finally {
        spy.mockRestore();
      }
    });

    it('logs one line per request without query strings or secrets when asked', async () => {
      const lines: string[] = [];
      const logged = await startDemo({ log: (line) => lines.push(line) });
      try {
        await get(logged, HOSTS.api, `/v1/profile?access_token=${logged.secrets.urlToken}`);
        await get(logged, HOSTS.app, '/network.html');
        await fetchDemo(logged, { host: HOSTS.insecure, path: '/login', method: 'POST', body: `password=${logged.secrets.insecurePassword}`, plain: true });
        await new Promise((resolve) => setImmediate(resolve));
        expect(lines).toEqual([
          'GET https://api.leaklens.test/v1/profile 200',
          'GET https://app.leaklens.test/network.html 302',
          'POST http://insecure.leaklens.test/login 200',
        ]);
        const all = lines.join('\n');
        for (const value of Object.values(logged.secrets)) expect(all).not.toContain(value);
      } finally {
        await logged.close();
      }
    });
  });

  it('close() frees both ports and is idempotent', async () => {
    const short = await startDemo();
    await Promise.all([short.close(), short.close()]);
    await short.close();
    for (const port of [short.httpsPort, short.httpPort]) {
      const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
        const socket = netConnect(port, '127.0.0.1');
        socket.on('connect', () => {
          socket.destroy();
          resolve(undefined);
        });
        socket.on('error', resolve);
      });
      expect(error?.code).toBe('ECONNREFUSED');
    }
  });
});
