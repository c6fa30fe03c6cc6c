#!/usr/bin/env node
/**
 * LeakLens demo app: a small "Acme Dashboard" that leaks fake secrets in every way LeakLens looks for.
 * It is the fixture for end-to-end tests and the README demo.
 *
 * Two servers on 127.0.0.1 only, HTTPS (self-signed, certificate kept in memory) and plain HTTP. Both
 * serve every demo host and route by the Host header; Chromium reaches the names through
 * --host-resolver-rules, so "third-party" and "plain-HTTP" hosts are real names rather than
 * localhost special cases (which Chromium treats as trustworthy).
 *
 *   node demo/server.mjs [--https-port N] [--http-port N] [--log]
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import selfsigned from 'selfsigned';
import { describePlanted } from './planted.mjs';
import { ALPHABETS, generateSecrets, jwtSubject, randomChars } from './secrets.mjs';
import { buildSite, HOSTS, PLANT } from './site.mjs';

export { describePlanted } from './planted.mjs';
export { HOSTS } from './site.mjs';

const LISTEN_ADDRESS = '127.0.0.1';
export const HOST_RESOLVER_RULES = 'MAP *.leaklens.test 127.0.0.1, MAP *.thirdparty.test 127.0.0.1';
/** Request bodies are drained, never stored; anything larger than this is not a demo request. */
const MAX_BODY_BYTES = 64 * 1024;
const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

// --- Certificate -------------------------------------------------------------------------------------

/** A fresh self-signed certificate for every demo name; generated in memory, never written to disk. */
async function generateCertificate() {
  const now = Date.now();
  const pems = await selfsigned.generate([{ name: 'commonName', value: HOSTS.app }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 24 * 60 * 60 * 1000),
    notAfterDate: new Date(now + 30 * 24 * 60 * 60 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: '*.leaklens.test' },
          { type: 2, value: 'leaklens.test' },
          { type: 2, value: '*.thirdparty.test' },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { key: pems.private, cert: pems.cert };
}

// --- Small HTTP helpers -------------------------------------------------------------------------------

const TYPES = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  json: 'application/json; charset=utf-8',
  map: 'application/json; charset=utf-8',
  text: 'text/plain; charset=utf-8',
  gif: 'image/gif',
};

function send(res, status, type, body = '', headers = {}) {
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(status, { 'Content-Type': TYPES[type], 'Content-Length': payload.length, ...headers });
  res.end(payload);
}

/** The demo host a request is for, from its Host header (untrusted: only known names are used). */
function demoHostOf(hostHeader) {
  const hostname = String(hostHeader ?? '')
    .toLowerCase()
    .replace(/:\d{1,5}$/, '');
  return Object.values(HOSTS).includes(hostname) ? hostname : undefined;
}

/**
 * Drain a request body without keeping it: the demo only needs the browser to send it. Resolves false
 * (after answering 413) when the body is too large.
 */
function drainBody(req, res) {
  return new Promise((resolve) => {
    let size = 0;
    let done = false;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES && !done) {
        done = true;
        send(res, 413, 'text', 'Request body too large\n', { Connection: 'close' });
        req.destroy();
        resolve(false);
      }
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(true);
      }
    });
    req.on('error', () => {
      if (!done) {
        done = true;
        resolve(false);
      }
    });
  });
}

/**
 * CORS for the API host: only the demo app's origin (any scheme and port, because pages build URLs
 * from their own location) may read responses and send credentials.
 */
function applyCors(req, res) {
  const origin = req.headers.origin;
  if (typeof origin !== 'string') return;
  let parsed;
  try {
    parsed = new URL(origin);
  } catch {
    return;
  }
  if (parsed.hostname !== HOSTS.app || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return;
  res.setHeader('Access-Control-Allow-Origin', parsed.origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Vary', 'Origin');
}

// --- Routes -----------------------------------------------------------------------------------------

/**
 * host → path → method → handler. Handlers get `{ req, res, url, secure }` and may be async (POST
 * handlers drain the body first). HEAD is answered by the GET handler (node omits the body).
 */
function buildRoutes(site, ports) {
  const page = (body) => ({ GET: ({ res }) => send(res, 200, 'html', body) });
  const asset = (type, body) => ({ GET: ({ res }) => send(res, 200, type, body) });
  const json = (body) => ({ GET: ({ res }) => send(res, 200, 'json', body) });
  const post = (respond) => ({
    POST: async (ctx) => {
      if (await drainBody(ctx.req, ctx.res)) respond(ctx);
    },
  });

  return {
    [HOSTS.app]: {
      '/': page(site.rootHtml),
      '/static/app.js': asset('js', site.appJs),
      '/network.html': {
        GET: ({ res, url }) => {
          // The "sign-in link" lands here with a session token in the URL. Without one, send the
          // browser to the tokenised URL, so a plain visit reproduces the leak. The query is never
          // reflected: the page is the same whatever the request carries.
          if (!url.searchParams.has('session_token')) return send(res, 302, 'text', '', { Location: site.networkPath });
          return send(res, 200, 'html', site.networkHtml);
        },
      },
      '/page.html': {
        GET: ({ res, secure }) => {
          // No HttpOnly: the point of the plant is a session cookie that page scripts can read.
          const cookie = `${PLANT.cookieName}=${site.cookieValue}; Path=/; Max-Age=2592000; SameSite=Lax${secure ? '; Secure' : ''}`;
          send(res, 200, 'html', site.pageHtml, { 'Set-Cookie': cookie });
        },
      },
      '/static/vendor.js': asset('js', site.vendorJs),
      '/static/vendor.js.map': asset('map', site.vendorMap),
      '/api/config': json(site.apiConfigJson),
      '/reports.html': page(site.reportsHtml),
      '/static/reports/main.mjs': asset('js', site.reportsMainJs),
      '/static/reports/chart.mjs': asset('js', site.reportsChartJs),
      '/static/reports/lazy-settings.mjs': asset('js', site.reportsLazyJs),
      '/static/reports/worker.js': asset('js', site.reportsWorkerJs),
      '/clean.html': page(site.cleanHtml),
      // Rendered per request: its http:// URLs name the plain-HTTP port, known only once listening.
      '/mixed.html': { GET: ({ res }) => send(res, 200, 'html', site.mixedHtml(ports.httpPort)) },
      '/implicit.html': page(site.implicitHtml),
      '/callback.html': page(site.callbackHtml),
    },
    [HOSTS.api]: {
      '/': json(JSON.stringify({ name: 'Acme API', version: '1' })),
      '/v1/profile': json(JSON.stringify({ id: site.userId, name: PLANT.user.name, email: PLANT.user.email, plan: 'business' })),
      '/v1/orders': json(JSON.stringify({ orders: [{ id: 'ord_1001', total: 129.0, currency: 'USD' }] })),
      '/v1/mail/send': post(({ res }) => send(res, 202, 'json', JSON.stringify({ queued: true }))),
      // A token endpoint would answer with tokens; this one deliberately returns none, so the demo
      // exposes only the values it plants and lists.
      '/oauth/token': post(({ res }) => send(res, 200, 'json', JSON.stringify({ token_type: 'Bearer', expires_in: 3600, scope: 'openid profile email' }))),
      '/v1/session': post(({ res }) => send(res, 200, 'json', JSON.stringify({ ok: true }))),
    },
    [HOSTS.cdn]: {
      '/': asset('text', 'Partner CDN (LeakLens demo third party)\n'),
      '/widget.js': asset('js', site.widgetJs),
      '/uploads/avatar.png': asset('gif', site.pixelGif),
    },
    [HOSTS.analytics]: {
      '/': asset('text', 'Partner analytics (LeakLens demo third party)\n'),
      '/pixel.gif': asset('gif', site.pixelGif),
      '/collect': post(({ res }) => send(res, 204, 'text')),
    },
    [HOSTS.insecure]: {
      '/': { GET: ({ res }) => send(res, 302, 'text', '', { Location: '/login.html' }) },
      '/login.html': page(site.loginHtml),
      '/login': post(({ res }) => send(res, 200, 'html', site.loginDoneHtml)),
      '/api/me': json(JSON.stringify({ username: PLANT.insecureUsername, role: 'admin' })),
      '/banner.gif': asset('gif', site.pixelGif),
    },
  };
}

async function handleRequest(routes, req, res, secure) {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  let url;
  try {
    url = new URL(req.url ?? '/', 'http://demo.invalid');
  } catch {
    return send(res, 400, 'text', 'Bad request\n');
  }
  const host = demoHostOf(req.headers.host);
  if (!host) return send(res, 404, 'text', 'Unknown host\n');
  if (host === HOSTS.api) {
    applyCors(req, res);
    if (req.method === 'OPTIONS') {
      // Preflight for the custom headers the pages send (Authorization, x-api-key, JSON bodies).
      return send(res, 204, 'text', '', {
        'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
        'Access-Control-Allow-Headers': 'authorization, content-type, x-api-key',
      });
    }
  }
  const methods = routes[host][url.pathname];
  if (!methods) return send(res, 404, 'text', 'Not found\n');
  const handler = methods[req.method === 'HEAD' ? 'GET' : req.method];
  if (!handler) {
    const allow = Object.keys(methods).flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m]));
    return send(res, 405, 'text', 'Method not allowed\n', { Allow: allow.join(', ') });
  }
  return handler({ req, res, url, secure });
}

// --- WebSocket (just enough for the handshake the browser sends) -------------------------------------

function websocketFrame(opcode, payload) {
  // Server frames are unmasked; every payload here is shorter than 126 bytes.
  return Buffer.concat([Buffer.from([0x80 | opcode, payload.length]), payload]);
}

/**
 * Accept `wss://api.leaklens.test/ws?token=…`, send one message and close normally. What LeakLens
 * must see is the handshake URL; completing it keeps the browser console free of errors.
 */
function handleUpgrade(req, socket, sockets, logRequest, secure) {
  sockets.add(socket);
  socket.on('close', () => sockets.delete(socket));
  socket.on('error', () => socket.destroy());
  let pathname = '';
  try {
    pathname = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
  } catch {
    // falls through to 400
  }
  const host = demoHostOf(req.headers.host);
  const key = req.headers['sec-websocket-key'];
  const ok =
    host === HOSTS.api &&
    pathname === '/ws' &&
    String(req.headers.upgrade).toLowerCase() === 'websocket' &&
    typeof key === 'string' &&
    /^[A-Za-z0-9+/]{22}==$/.test(key);
  logRequest(req.method, secure ? 'wss' : 'ws', host, pathname, ok ? 101 : 400);
  if (!ok) {
    socket.end('HTTP/1.1 400 Bad Request\r\nCache-Control: no-store\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
    return;
  }
  const accept = createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
  socket.write(
    'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
      `Sec-WebSocket-Accept: ${accept}\r\nCache-Control: no-store\r\n\r\n`,
  );
  socket.write(websocketFrame(0x1, Buffer.from('{"type":"welcome"}')));
  socket.write(websocketFrame(0x8, Buffer.from([0x03, 0xe8]))); // close, 1000 (normal)
  // The browser answers with its own close frame; end then, or give up after a moment.
  socket.once('data', () => socket.end());
  setTimeout(() => socket.destroy(), 2000).unref();
}

// --- Start / stop --------------------------------------------------------------------------------------

function listen(server, port) {
  return new Promise((resolve, reject) => {
    const onError = (error) => reject(error);
    server.once('error', onError);
    server.listen(port, LISTEN_ADDRESS, () => {
      server.off('error', onError);
      resolve(server.address().port);
    });
  });
}

function closeServer(server) {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    // Keep-alive connections (browsers hold them open) would keep close() waiting.
    server.closeAllConnections();
  });
}

function checkPort(name, value) {
  if (!Number.isInteger(value) || value < 0 || value > 65535) throw new RangeError(`${name} must be an integer from 0 to 65535`);
  return value;
}

/**
 * Start the demo. Ports default to 0 (ephemeral); the actual ports are returned.
 *
 * @param {import('./server.mjs').DemoOptions} [options]
 * @returns {Promise<import('./server.mjs').Demo>}
 */
export async function startDemo(options = {}) {
  const httpsPortWanted = checkPort('httpsPort', options.httpsPort ?? 0);
  const httpPortWanted = checkPort('httpPort', options.httpPort ?? 0);
  const log = typeof options.log === 'function' ? options.log : options.log ? (line) => console.log(line) : undefined;

  const secrets = generateSecrets();
  const site = {
    ...buildSite(secrets, {
      oauthCode: randomChars(ALPHABETS.alnum, 32),
      oauthState: randomChars(ALPHABETS.alnum, 16),
      signedUrlSignature: randomChars(ALPHABETS.hex, 64),
      signedAt: new Date(),
    }),
    cookieValue: secrets.cookieJwt,
    userId: jwtSubject(secrets.localStorageJwt),
  };
  const listening = { httpsPort: 0, httpPort: 0 };
  const routes = buildRoutes(site, listening);
  const { key, cert } = await generateCertificate();

  // One line per request: method, scheme, known host, path and status. Never the query string, a
  // header or a body: those carry the planted secrets.
  const logRequest = (method, scheme, host, pathname, status) => {
    if (log) log(`${method} ${scheme}://${host ?? '(unknown host)'}${pathname} ${status}`);
  };
  const upgraded = new Set();
  const makeListener = (secure) => (req, res) => {
    if (log) {
      res.on('finish', () => {
        let pathname = '(bad url)';
        try {
          pathname = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
        } catch {
          // keep the placeholder
        }
        logRequest(req.method, secure ? 'https' : 'http', demoHostOf(req.headers.host), pathname, res.statusCode);
      });
    }
    Promise.resolve(handleRequest(routes, req, res, secure)).catch(() => {
      if (!res.headersSent) send(res, 500, 'text', 'Internal error\n');
      else res.destroy();
    });
  };

  const httpsServer = createHttpsServer({ key, cert }, makeListener(true));
  const httpServer = createHttpServer(makeListener(false));
  httpsServer.on('upgrade', (req, socket) => handleUpgrade(req, socket, upgraded, logRequest, true));
  httpServer.on('upgrade', (req, socket) => handleUpgrade(req, socket, upgraded, logRequest, false));

  let closing;
  const close = () =>
    (closing ??= (async () => {
      for (const socket of upgraded) socket.destroy();
      await Promise.all([closeServer(httpsServer), closeServer(httpServer)]);
    })());

  let httpsPort;
  let httpPort;
  try {
    httpsPort = await listen(httpsServer, httpsPortWanted);
    httpPort = await listen(httpServer, httpPortWanted);
  } catch (error) {
    await close();
    throw error;
  }

  const ports = { httpsPort, httpPort };
  Object.assign(listening, ports);
  return {
    httpsPort,
    httpPort,
    urls: {
      app: `https://${HOSTS.app}:${httpsPort}/`,
      api: `https://${HOSTS.api}:${httpsPort}/`,
      thirdParty: `https://${HOSTS.cdn}:${httpsPort}/`,
      analytics: `https://${HOSTS.analytics}:${httpsPort}/`,
      insecure: `http://${HOSTS.insecure}:${httpPort}/`,
    },
    hostResolverRules: HOST_RESOLVER_RULES,
    secrets,
    planted: describePlanted(ports),
    certificate: cert,
    close,
  };
}

// --- `node demo/server.mjs` ------------------------------------------------------------------------------

function isMainModule() {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      'https-port': { type: 'string', default: '0' },
      'http-port': { type: 'string', default: '0' },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('Usage: node demo/server.mjs [--https-port N] [--http-port N] [--log]');
    return;
  }
  const demo = await startDemo({
    httpsPort: Number(values['https-port']),
    httpPort: Number(values['http-port']),
    log: values.log,
  });
  const flags = `--host-resolver-rules="${demo.hostResolverRules}" --ignore-certificate-errors`;
  // Secrets are never printed: they are fake, but the habit matters, and tests read them from startDemo().
  console.log(`LeakLens demo: ${Object.keys(demo.secrets).length} fake secrets, generated at start, ${demo.planted.length} plants.

  app          ${demo.urls.app}
               ${demo.urls.app}network.html
               ${demo.urls.app}page.html
               ${demo.urls.app}reports.html
               ${demo.urls.app}mixed.html
               ${demo.urls.app}implicit.html
               ${demo.urls.app}clean.html
  api          ${demo.urls.api}
  third party  ${demo.urls.thirdParty}
               ${demo.urls.analytics}
  plain HTTP   ${demo.urls.insecure}login.html

These names resolve only inside a browser started with:
  ${flags}

For example, with a throwaway profile (the certificate is self-signed):
  chromium --user-data-dir="$(mktemp -d)" ${flags} ${demo.urls.app}

Listening on ${LISTEN_ADDRESS} only. Ctrl-C to stop.`);

  const stop = () => {
    demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (isMainModule()) {
  main().catch((error) => {
    console.error(`demo: ${error.message}`);
    process.exit(1);
  });
}
