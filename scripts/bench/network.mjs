// Section: network inspectors. 100k synthetic requests (a mix modelled on a single-page app: API calls
// with and without bearer tokens, tokens in URLs, sign-ins, OAuth exchanges, third-party pixels with
// leaky Referers, scripts, plain-HTTP legacy calls, Set-Cookie responses) through the same
// inspectRequest/inspectResponse the service worker runs, timed one by one: median, p95 and p99 µs per
// request. Then every finding goes into the real FindingsStore (in-memory storage with structured
// clones, like storage.session) to show its size afterwards: bounded by the per-tab cap, with the
// evicted ("N more") count. Fake secrets are generated here, at run time.
//
//   node scripts/bench/network.mjs [--requests=100000]    (or through scripts/bench.mjs, section "network")
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { fmtNum, heading, median, table } from './util.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = path.join(ROOT, '.cache', 'network-bench-build');
export const TARGET_MEDIAN_US = 20;

/** Bundles the inspectors and the findings store for node (vite SSR build, like bench/engine.mjs). */
async function loadModules() {
  const { build } = await import('vite');
  await build({
    root: ROOT,
    configFile: false,
    logLevel: 'error',
    build: {
      ssr: true,
      outDir: OUT_DIR,
      emptyOutDir: true,
      minify: false,
      target: 'node20',
      rollupOptions: {
        input: { exchange: path.join(ROOT, 'src/engine/inspectors/exchange.ts'), store: path.join(ROOT, 'src/background/findings-store.ts') },
        output: { format: 'es', entryFileNames: '[name].mjs' },
      },
    },
  });
  const stamp = `?t=${Date.now()}`;
  return {
    exchange: await import(pathToFileURL(path.join(OUT_DIR, 'exchange.mjs')).href + stamp),
    store: await import(pathToFileURL(path.join(OUT_DIR, 'store.mjs')).href + stamp),
  };
}

// --- Deterministic synthetic traffic ------------------------------------------------------------------

function prng(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;
const chars = (alphabet, length) => Array.from(randomBytes(length), (byte) => alphabet[byte % alphabet.length]).join('');
const b64json = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
function jwt(lifetimeSeconds) {
  const now = Math.floor(Date.now() / 1000);
  return `${b64json({ alg: 'HS256', typ: 'JWT' })}.${b64json({ sub: `user-${chars(ALNUM, 8)}`, iat: now, exp: now + lifetimeSeconds, scope: 'openid profile' })}.${chars(B64URL, 42)}A`;
}

const PAGE = 'https://app.example.test';
const BROWSER_HEADERS = [
  ['sec-ch-ua', '"Chromium";v="156", "Not:A-Brand";v="24"'],
  ['sec-ch-ua-mobile', '?0'],
  ['sec-ch-ua-platform', '"Linux"'],
  ['User-Agent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36'],
  ['Accept', 'application/json, text/plain, */*'],
  ['Sec-Fetch-Site', 'same-site'],
  ['Sec-Fetch-Mode', 'cors'],
  ['Sec-Fetch-Dest', 'empty'],
  ['Accept-Encoding', 'gzip, deflate, br, zstd'],
  ['Accept-Language', 'en-US,en;q=0.9'],
].map(([name, value]) => ({ name, value }));
const withHeaders = (...extra) => [...BROWSER_HEADERS, ...extra.map(([name, value]) => ({ name, value }))];

function makeTraffic(count, random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const bearers = [jwt(600), jwt(900), jwt(30 * 86400), jwt(3600), jwt(600)];
  const urlTokens = Array.from({ length: 20 }, () => chars(ALNUM, 40));
  const sendgrid = `SG.${chars(B64URL, 22)}.${chars(B64URL, 42)}A`;
  const pageToken = chars(ALNUM, 40);
  const signers = [`AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`, `AKIA${chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ234567', 16)}`];
  const paths = ['/v1/orders', '/v1/items', '/v1/profile', '/v1/search', '/v1/notifications', '/v1/reports/weekly'];
  const kinds = [
    [40, 'api call', () => ({ url: `https://api.example.test${pick(paths)}?page=${Math.floor(random() * 50)}&sort=created_at`, type: 'xmlhttprequest', documentUrl: PAGE, headers: withHeaders(['Origin', PAGE], ['Referer', `${PAGE}/dashboard`]) })],
    [15, 'api call + bearer JWT', () => ({ url: `https://api.example.test${pick(paths)}/${crypto.randomUUID()}`, type: 'xmlhttprequest', documentUrl: PAGE, headers: withHeaders(['Authorization', `Bearer ${pick(bearers)}`], ['Origin', PAGE], ['Referer', `${PAGE}/orders`]) })],
    [10, 'script', () => ({ url: `https://cdn.example.test/assets/${chars(ALNUM, 8).toLowerCase()}.js`, type: 'script', documentUrl: PAGE, headers: withHeaders(['Referer', `${PAGE}/`]) })],
    [8, 'image', () => ({ url: `https://img.example.test/avatars/${Math.floor(random() * 1e6)}.png?w=64&h=64`, type: 'image', documentUrl: PAGE, headers: withHeaders(['Referer', `${PAGE}/`]) })],
    [5, 'token in URL', () => ({ url: `https://api.example.test/v1/profile?access_token=${pick(urlTokens)}`, type: 'xmlhttprequest', documentUrl: PAGE, headers: withHeaders(['Origin', PAGE]) })],
    // A few unique tokens: distinct findings that push the store past its cap.
    [1, 'unique token in URL', () => ({ url: `https://api.example.test/v1/export?token=${chars(ALNUM, 32)}`, type: 'xmlhttprequest', documentUrl: PAGE, headers: withHeaders(['Origin', PAGE]) })],
    [4, 'JSON sign-in', () => ({ url: 'https://api.example.test/v1/session', method: 'POST', type: 'xmlhttprequest', documentUrl: PAGE, headers: withHeaders(['Content-Type', 'application/json']), body: { kind: 'text', text: JSON.stringify({ email: 'dana@example.test', password: `${chars(ALNUM, 6)}-${chars(ALNUM, 6)}`, remember: true }) } })],
    [2, 'OAuth code exchange', () => ({ url: 'https://auth.example.test/oauth/token', method: 'POST', type: 'xmlhttprequest', documentUrl: PAGE, body: { kind: 'form', fields: [['grant_type', 'authorization_code'], ['code', chars(ALNUM, 32)], ['client_id', 'dashboard'], ['client_secret', 'Zq8sLk2mNp4rTv6xWy9aBc1dEf3gHj5k'], ['redirect_uri', `${PAGE}/callback`]] } })],
    [5, 'third-party pixel, leaky Referer', () => ({ url: `https://analytics.thirdparty.test/collect?event=${pick(['view', 'click', 'scroll'])}&cid=${Math.floor(random() * 1e9)}`, type: 'ping', documentUrl: PAGE, headers: withHeaders(['Referer', `${PAGE}/welcome?session_token=${pageToken}`]) })],
    [2, 'x-api-key (SendGrid)', () => ({ url: 'https://api.example.test/v1/mail/send', method: 'POST', type: 'xmlhttprequest', documentUrl: PAGE, headers: withHeaders(['x-api-key', sendgrid], ['Content-Type', 'application/json']), body: { kind: 'text', text: '{"to":"dana@example.test","template":"weekly"}' } })],
    [3, 'plain-HTTP Basic + cookie', () => ({ url: `http://legacy.example.test/api/me?_=${Math.floor(random() * 1e6)}`, type: 'xmlhttprequest', documentUrl: 'http://legacy.example.test', headers: withHeaders(['Authorization', `Basic ${Buffer.from(`dana:${pick(urlTokens).slice(0, 16)}`).toString('base64')}`], ['Cookie', `sid=${pick(urlTokens)}; theme=dark`]) })],
    [2, 'WebSocket with token', () => ({ url: `wss://api.example.test/live?token=${pick(urlTokens)}`, type: 'websocket', documentUrl: PAGE, headers: withHeaders(['Origin', PAGE]) })],
    [3, 'S3 presigned URL', () => ({ url: `https://files.example.test/u/${Math.floor(random() * 1e5)}.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${pick(signers)}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${chars('0123456789abcdef', 64)}`, type: 'xmlhttprequest', documentUrl: PAGE, headers: withHeaders(['Origin', PAGE]) })],
  ];
  const total = kinds.reduce((sum, [weight]) => sum + weight, 0);
  const requests = [];
  for (let i = 0; i < count; i++) {
    let roll = random() * total;
    for (const [weight, label, make] of kinds) {
      roll -= weight;
      if (roll < 0) {
        requests.push({ label, request: make() });
        break;
      }
    }
  }
  const responses = Array.from({ length: Math.floor(count / 20) }, () => ({
    url: `${PAGE}/session`,
    type: pick(['main_frame', 'xmlhttprequest']),
    documentUrl: PAGE,
    headers: [
      { name: 'Content-Type', value: 'text/html' },
      { name: 'Set-Cookie', value: `session_id=${pick(urlTokens)}; Path=/; Secure; SameSite=Lax` },
      { name: 'Set-Cookie', value: 'theme=dark; Path=/' },
    ],
  }));
  return { requests, responses };
}

class MemoryArea {
  data = new Map();
  async get(keys) {
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    return Object.fromEntries(wanted.filter((key) => this.data.has(key)).map((key) => [key, structuredClone(this.data.get(key))]));
  }
  async set(items) {
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }
  async remove(keys) {
    for (const key of Array.isArray(keys) ? keys : [keys]) this.data.delete(key);
  }
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

export async function run(ctx = {}) {
  const log = ctx.log;
  const count = Number(ctx.networkRequests ?? 100_000);
  log?.('  building the inspectors and the findings store for node...');
  const { exchange, store: storeModule } = await loadModules();
  const random = prng(20260101);
  const { requests, responses } = makeTraffic(count, random);

  // Warm-up: JIT, and the memos reach their steady state as in a long-lived page.
  for (const { request } of requests.slice(0, 2000)) exchange.inspectRequest(request);

  log?.(`  timing ${count} requests and ${responses.length} responses one by one...`);
  const times = new Float64Array(requests.length);
  const batches = [];
  let batch = [];
  let findingsTotal = 0;
  const byRule = new Map();
  const byKind = new Map();
  const started = performance.now();
  for (let i = 0; i < requests.length; i++) {
    const { label, request } = requests[i];
    const t0 = performance.now();
    const found = exchange.inspectRequest(request);
    times[i] = (performance.now() - t0) * 1000;
    if (!byKind.has(label)) byKind.set(label, []);
    byKind.get(label).push(times[i]);
    findingsTotal += found.length;
    for (const finding of found) byRule.set(`${finding.ruleId} (${finding.source}, ${finding.severity})`, (byRule.get(`${finding.ruleId} (${finding.source}, ${finding.severity})`) ?? 0) + 1);
    batch.push(...found);
    if (i % 100 === 99) {
      batches.push(batch);
      batch = [];
    }
  }
  const totalMs = performance.now() - started;
  const responseTimes = new Float64Array(responses.length);
  for (let i = 0; i < responses.length; i++) {
    const t0 = performance.now();
    const found = exchange.inspectResponse(responses[i]);
    responseTimes[i] = (performance.now() - t0) * 1000;
    batch.push(...found);
    findingsTotal += found.length;
  }
  if (batch.length) batches.push(batch);

  const sorted = Float64Array.from(times).sort();
  const stats = {
    requests: requests.length,
    medianUs: percentile(sorted, 50),
    p95Us: percentile(sorted, 95),
    p99Us: percentile(sorted, 99),
    maxUs: sorted[sorted.length - 1],
    meanUs: (totalMs * 1000) / requests.length,
    responseMedianUs: median([...responseTimes]),
    findingsEmitted: findingsTotal,
  };

  log?.(`  storing ${findingsTotal} findings in ${batches.length} writes...`);
  const area = new MemoryArea();
  const store = new storeModule.FindingsStore(area);
  await store.resetTab(1, `${PAGE}/`);
  const addTimes = [];
  for (const findings of batches) {
    const t0 = performance.now();
    await store.add(1, findings);
    addTimes.push(performance.now() - t0);
  }
  const record = await store.getTab(1);
  const storedBytes = Buffer.byteLength(JSON.stringify(record));
  const storeStats = {
    cap: storeModule.MAX_FINDINGS_PER_TAB,
    stored: record.findings.length,
    evicted: record.evicted,
    distinctSeen: record.findings.length + record.evicted,
    bytes: storedBytes,
    writes: batches.length,
    medianWriteMs: median(addTimes),
    maxCount: Math.max(...record.findings.map((finding) => finding.count ?? 1)),
  };

  const verdict = stats.medianUs <= TARGET_MEDIAN_US ? 'within' : 'OVER';
  const text = [
    heading(`Network inspectors (${requests.length.toLocaleString('en-US')} synthetic requests, one inspectRequest each)`),
    table(
      ['median µs', 'p95 µs', 'p99 µs', 'max µs', 'mean µs', 'target', 'findings emitted', 'Set-Cookie responses (median µs)'],
      [[fmtNum(stats.medianUs, 2), fmtNum(stats.p95Us, 1), fmtNum(stats.p99Us, 1), fmtNum(stats.maxUs, 0), fmtNum(stats.meanUs, 2), `≤ ${TARGET_MEDIAN_US} µs: ${verdict}`, stats.findingsEmitted, `${responses.length} (${fmtNum(stats.responseMedianUs, 2)})`]],
    ),
    '',
    `Findings store afterwards (one tab, every finding added in ${storeStats.writes} writes of 100 requests each):`,
    table(
      ['stored', 'cap', 'evicted ("N more")', 'distinct seen', 'JSON bytes', 'median write ms', 'highest count'],
      [[storeStats.stored, storeStats.cap, storeStats.evicted, storeStats.distinctSeen, storeStats.bytes, fmtNum(storeStats.medianWriteMs, 2), storeStats.maxCount]],
    ),
    '',
    table(
      ['request kind', 'share', 'median µs', 'p95 µs'],
      [...byKind].map(([label, list]) => {
        const kindSorted = Float64Array.from(list).sort();
        return [label, `${fmtNum((list.length / requests.length) * 100, 0)}%`, fmtNum(percentile(kindSorted, 50), 1), fmtNum(percentile(kindSorted, 95), 1)];
      }),
    ),
    '',
    table(
      ['finding (source, severity)', 'emitted'],
      [...byRule].sort((a, b) => b[1] - a[1]).map(([rule, n]) => [rule, n]),
    ),
  ].join('\n');
  const kindMedians = Object.fromEntries([...byKind].map(([label, list]) => [label, median(list)]));
  return { summary: { ...stats, byKindMedianUs: kindMedians, targetMedianUs: TARGET_MEDIAN_US, store: storeStats, byRule: Object.fromEntries(byRule) }, text };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = process.argv.find((value) => value.startsWith('--requests='));
  const { text } = await run({ log: (line) => process.stderr.write(`${line}\n`), networkRequests: arg ? Number(arg.slice(11)) : undefined });
  console.log(text);
}
