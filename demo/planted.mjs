/**
 * What the demo plants, where, and what LeakLens is expected to report for it: the answer key for
 * end-to-end tests. One entry per (value, place) pair; one value can be planted in several places.
 *
 * `severity` follows DESIGN.md "Severity" and the engine's placement rules (src/engine/placement.ts):
 * live secret keys delivered to the browser are critical; bearer/session tokens in URLs, Referer,
 * WebSocket URLs, over plain HTTP, or long-lived in localStorage/cookies/IndexedDB are high; the same
 * JWT in sessionStorage or a request header is medium; public-by-design keys are info/low.
 *
 * `alsoVisibleAs` lists other sources where the same raw value can be seen (usually the inline
 * script that plants it). A complete scanner may report those too; they are not the point of the
 * plant, so tests should not require them and should not fail on them.
 */
import { buildAppJs, buildReportsChart, buildReportsLazySettings, buildReportsMain, buildReportsWorker, buildVendor, HOSTS, PLANT } from './site.mjs';
import { generateSecrets } from './secrets.mjs';

let layoutCache;

/**
 * Line/column of the planted values in the generated bundles. Every secret has a fixed length and
 * the code around it is constant, so positions do not depend on the values: build once with a
 * throwaway set and read the positions the builder recorded.
 */
function bundleLayout() {
  if (!layoutCache) {
    const secrets = generateSecrets();
    const vendor = buildVendor(secrets);
    layoutCache = {
      appJs: buildAppJs(secrets).marks,
      vendorJs: vendor.marks,
      vendorMapOnly: vendor.mapOnly,
      reportsMainJs: buildReportsMain(secrets).marks,
      reportsChartJs: buildReportsChart(secrets).marks,
      reportsLazyJs: buildReportsLazySettings(secrets).marks,
      reportsWorkerJs: buildReportsWorker(secrets).marks,
    };
  }
  return layoutCache;
}

/**
 * @param {{ httpsPort?: number, httpPort?: number }} [ports] the running demo's ports; when given,
 *   each entry also carries full `pageUrl` / `targetUrl` strings.
 * @returns {import('./server.mjs').PlantedSecret[]}
 */
export function describePlanted(ports = {}) {
  const { appJs, vendorJs, vendorMapOnly, reportsMainJs, reportsChartJs, reportsLazyJs, reportsWorkerJs } = bundleLayout();
  const https = (host, path) => ({ scheme: 'https', host, path });
  const http = (host, path) => ({ scheme: 'http', host, path });
  const app = (path) => https(HOSTS.app, path);
  const api = (path) => https(HOSTS.api, path);
  const wss = (path) => ({ scheme: 'wss', host: HOSTS.api, path });
  const insecure = (path) => http(HOSTS.insecure, path);

  const entries = [
    // --- `/`: the foundation page ----------------------------------------------------------------
    {
      id: 'root/request-url/access_token',
      name: 'urlToken',
      kind: 'opaque access token',
      stage: 'foundation',
      page: app('/'),
      target: api('/v1/profile'),
      source: 'request-url',
      severity: 'high',
      location: { parameter: 'access_token' },
      alsoVisibleAs: ['inline-script'],
      note: 'Cross-origin API call with the token as a query parameter: it lands in server and proxy logs, history and Referer.',
    },
    {
      id: 'root/local-storage/auth.session',
      name: 'localStorageJwt',
      kind: 'JWT (HS256, 30-day lifetime)',
      stage: 'foundation',
      page: app('/'),
      target: app('/'),
      source: 'local-storage',
      severity: 'high',
      location: { keyPath: PLANT.localStorageKey, jsonPath: '$.accessToken' },
      alsoVisibleAs: ['inline-script'],
      note: 'Long-lived token in localStorage: readable by any script on the origin, and it survives the tab.',
    },
    {
      id: 'root/script/aws-key-pair',
      name: 'awsAccessKeyId',
      pairedWith: 'awsSecretAccessKey',
      kind: 'AWS access key pair (AKIA key id + secret access key)',
      stage: 'foundation',
      page: app('/'),
      target: app('/static/app.js'),
      source: 'script',
      severity: 'critical',
      location: {
        line: appJs.awsAccessKeyId.line,
        column: appJs.awsAccessKeyId.column,
        secretLine: appJs.awsSecretAccessKey.line,
        secretColumn: appJs.awsSecretAccessKey.column,
      },
      note: 'Both halves on one line of the bundle; the engine pairs them into one critical finding at the key id.',
    },

    // --- `/network.html`: request-side leaks ---------------------------------------------------------
    {
      id: 'network/request-url/session_token',
      name: 'refererToken',
      kind: 'opaque session token',
      stage: 'network',
      page: app('/network.html'),
      target: app('/network.html'),
      source: 'request-url',
      severity: 'high',
      location: { parameter: 'session_token' },
      alsoVisibleAs: ['dom'],
      note: '/network.html redirects to itself with ?session_token=…, as a magic sign-in link would.',
    },
    {
      id: 'network/referer/analytics-pixel',
      name: 'refererToken',
      kind: 'opaque session token',
      stage: 'network',
      page: app('/network.html'),
      target: https(HOSTS.analytics, '/pixel.gif'),
      source: 'referer',
      severity: 'high',
      location: { header: 'referer', parameter: 'session_token' },
      note: 'Referrer-Policy unsafe-url sends the full page URL, token included, to a third party. Cross-origin calls to api.leaklens.test carry it too.',
    },
    {
      id: 'network/request-header/authorization',
      name: 'bearerJwt',
      kind: 'JWT (HS256, 30-day lifetime)',
      stage: 'network',
      page: app('/network.html'),
      target: api('/v1/orders'),
      source: 'request-header',
      severity: 'medium',
      location: { header: 'authorization' },
      alsoVisibleAs: ['inline-script'],
      note: 'The header is the right transport; the 30-day lifetime is the problem. Chromium 156 shows Authorization to webRequest (PLATFORM.md); the page-side fetch hook reports it too, for browsers that do not, and the two sightings count once.',
    },
    {
      id: 'network/request-header/x-api-key',
      name: 'sendgridApiKey',
      kind: 'SendGrid API key',
      stage: 'network',
      page: app('/network.html'),
      target: api('/v1/mail/send'),
      source: 'request-header',
      severity: 'critical',
      location: { header: 'x-api-key' },
      alsoVisibleAs: ['inline-script'],
      note: 'A provider secret key used from the browser.',
    },
    {
      id: 'network/request-body/client_secret',
      name: 'oauthClientSecret',
      kind: 'OAuth client secret',
      stage: 'network',
      page: app('/network.html'),
      target: api('/oauth/token'),
      source: 'request-body',
      severity: 'critical',
      location: { parameter: 'client_secret', contentType: 'application/x-www-form-urlencoded' },
      alsoVisibleAs: ['inline-script'],
      note: 'Authorization-code exchange done by the browser (body: grant_type, code, client_id, client_secret, redirect_uri).',
    },
    {
      id: 'network/request-body/password',
      name: 'jsonPassword',
      kind: 'password',
      stage: 'network',
      page: app('/network.html'),
      target: api('/v1/session'),
      source: 'request-body',
      severity: 'low',
      location: { jsonPath: '$.password', contentType: 'application/json' },
      alsoVisibleAs: ['inline-script'],
      note: 'A sign-in over HTTPS is expected; reported so reviewers see where passwords flow. Over plain HTTP the same is high (see cleartext/*).',
    },
    {
      id: 'network/websocket/token',
      name: 'websocketToken',
      kind: 'opaque access token',
      stage: 'network',
      page: app('/network.html'),
      target: wss('/ws'),
      source: 'websocket',
      severity: 'high',
      location: { parameter: 'token' },
      alsoVisibleAs: ['inline-script'],
      note: 'Token in the WebSocket handshake URL. The server completes the handshake, sends one message and closes.',
    },

    // --- `/page.html`: page-side leaks ----------------------------------------------------------------
    {
      id: 'page/session-storage/oidc-user',
      name: 'sessionStorageJwt',
      kind: 'JWT (HS256, 30-day lifetime)',
      stage: 'page',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'session-storage',
      severity: 'medium',
      location: { keyPath: PLANT.sessionStorageKey, jsonPath: '$.access_token' },
      alsoVisibleAs: ['inline-script'],
      note: 'Script-readable, but dies with the tab (placement rules rate sessionStorage below localStorage).',
    },
    {
      id: 'page/cookie/session_token',
      name: 'cookieJwt',
      kind: 'JWT (HS256, 30-day lifetime)',
      stage: 'page',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'cookie',
      severity: 'high',
      location: { keyPath: PLANT.cookieName },
      note: 'Set-Cookie without HttpOnly (Max-Age 30 days): document.cookie exposes it to every script.',
    },
    {
      id: 'page/indexeddb/refresh_token',
      name: 'indexedDbRefreshToken',
      kind: 'opaque refresh token',
      stage: 'page',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'indexeddb',
      severity: 'high',
      location: {
        keyPath: `${PLANT.indexedDb.database}/${PLANT.indexedDb.store}/${PLANT.indexedDb.recordKey}`,
        ...PLANT.indexedDb,
        jsonPath: '$.refresh_token',
      },
      alsoVisibleAs: ['inline-script'],
      note: 'Refresh tokens are long-lived by design; IndexedDB is readable by any script on the origin.',
    },
    {
      id: 'page/inline-script/stripeSecret',
      name: 'stripeSecretKey',
      kind: 'Stripe live secret key',
      stage: 'page',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'inline-script',
      severity: 'critical',
      location: { keyPath: 'inline script #1' },
      alsoInGlobal: `window.${PLANT.appConfigGlobal} $.stripeSecret`,
      note: 'The inline script assigns window.__APP_CONFIG__; the MAIN-world probe sees the global too: one finding.',
    },
    {
      id: 'page/inline-script/stripeKey',
      name: 'stripePublishableKey',
      kind: 'Stripe live publishable key (public by design)',
      stage: 'public',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'inline-script',
      severity: 'info',
      location: { keyPath: 'inline script #1' },
      alsoInGlobal: `window.${PLANT.appConfigGlobal} $.stripeKey`,
    },
    {
      id: 'page/inline-script/__NEXT_DATA__',
      name: 'githubToken',
      kind: 'GitHub classic personal access token (checksum valid)',
      stage: 'page',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'inline-script',
      severity: 'critical',
      location: { keyPath: 'script#__NEXT_DATA__', jsonPath: '$.props.pageProps.deployToken' },
      note: 'A JSON data island (<script type="application/json">), as server-rendered frameworks emit.',
    },
    {
      id: 'page/dom/html-comment',
      name: 'commentPassword',
      kind: 'password',
      stage: 'page',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'dom',
      severity: 'medium',
      location: { keyPath: 'body > #comment', node: 'comment', context: 'password="…"' },
      note: 'A staging login left in an HTML comment. Only its name says it is a password (the generic password rule: medium).',
    },
    {
      id: 'page/dom/hidden-input',
      name: 'hiddenInputApiKey',
      kind: 'generic API key (32 hex)',
      stage: 'page',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'dom',
      severity: 'medium',
      location: { keyPath: 'input[type=hidden][name=api_key]', attribute: 'value' },
      note: 'Nothing in the value names a provider: only the field name makes it a key.',
    },
    {
      id: 'page/dom/data-api-key',
      name: 'dataAttributeApiKey',
      kind: 'generic API key (40 alphanumeric)',
      stage: 'page',
      page: app('/page.html'),
      target: app('/page.html'),
      source: 'dom',
      severity: 'medium',
      location: { keyPath: '#support-widget', attribute: 'data-api-key' },
    },
    {
      id: 'page/script/vendor.js',
      name: 'openaiApiKey',
      kind: 'OpenAI project API key',
      stage: 'page',
      page: app('/page.html'),
      target: app('/static/vendor.js'),
      source: 'script',
      severity: 'critical',
      location: {
        line: vendorJs.openaiApiKey.line,
        column: vendorJs.openaiApiKey.column,
        originalFile: vendorJs.openaiApiKey.original.source,
        originalLine: vendorJs.openaiApiKey.original.line,
        originalColumn: vendorJs.openaiApiKey.original.column,
      },
      alsoInSourceMap: '/static/vendor.js.map',
      note: 'The bundle has //# sourceMappingURL=vendor.js.map; the map resolves this position to src/config.ts, whose text in the map\'s sourcesContent has the key too (one finding).',
    },
    {
      id: 'page/source-map/vendor.js.map',
      name: 'sourceMapSlackToken',
      kind: 'Slack bot token',
      stage: 'page',
      page: app('/page.html'),
      target: app('/static/vendor.js.map'),
      source: 'source-map',
      severity: 'critical',
      location: {
        originalFile: vendorMapOnly.sourceMapSlackToken.source,
        originalLine: vendorMapOnly.sourceMapSlackToken.line,
        originalColumn: vendorMapOnly.sourceMapSlackToken.column,
      },
      note: 'In a comment of src/config.ts that the bundle dropped: only the map\'s sourcesContent still ships it.',
    },
    {
      id: 'page/response-body/api-config',
      name: 'configStripeSecretKey',
      kind: 'Stripe live secret key',
      stage: 'page',
      page: app('/page.html'),
      target: app('/api/config'),
      source: 'response-body',
      severity: 'critical',
      location: { jsonPath: '$.payments.secretKey' },
      note: 'Fetched by the page from a same-origin config endpoint.',
    },

    // --- `/reports.html`: module scripts, modulepreload, lazy chunk, worker, late writes -------------
    {
      id: 'reports/dom/meta-deploy-token',
      name: 'metaDeployToken',
      kind: 'GitLab personal access token',
      stage: 'page',
      page: app('/reports.html'),
      target: app('/reports.html'),
      source: 'dom',
      severity: 'critical',
      location: { keyPath: 'meta[name=ci-deploy-token]', attribute: 'content' },
      note: 'A <meta> tag carrying a CI token for a client-side status widget.',
    },
    {
      id: 'reports/dom/data-trigger-token',
      name: 'dataAttributeTriggerToken',
      kind: 'GitLab pipeline trigger token',
      stage: 'page',
      page: app('/reports.html'),
      target: app('/reports.html'),
      source: 'dom',
      severity: 'high',
      location: { keyPath: '#ci-status', attribute: 'data-trigger-token' },
    },
    {
      id: 'reports/script/main.mjs',
      name: 'moduleScriptToken',
      kind: 'GitHub fine-grained personal access token',
      stage: 'page',
      page: app('/reports.html'),
      target: app('/static/reports/main.mjs'),
      source: 'script',
      severity: 'critical',
      location: { line: reportsMainJs.moduleScriptToken.line, column: reportsMainJs.moduleScriptToken.column },
      note: 'The page\'s <script type="module"> entry point.',
    },
    {
      id: 'reports/script/chart.mjs',
      name: 'modulePreloadToken',
      kind: 'GitLab deploy token',
      stage: 'page',
      page: app('/reports.html'),
      target: app('/static/reports/chart.mjs'),
      source: 'script',
      severity: 'high',
      location: { line: reportsChartJs.modulePreloadToken.line, column: reportsChartJs.modulePreloadToken.column },
      note: 'Named only by <link rel="modulepreload">: the module runs on a click that automation never makes.',
    },
    {
      id: 'reports/script/lazy-settings.mjs',
      name: 'lazyChunkToken',
      kind: 'HashiCorp Vault service token',
      stage: 'page',
      page: app('/reports.html'),
      target: app('/static/reports/lazy-settings.mjs'),
      source: 'script',
      severity: 'critical',
      location: {
        line: reportsLazyJs.lazyChunkToken.line,
        column: reportsLazyJs.lazyChunkToken.column,
        originalFile: reportsLazyJs.lazyChunkToken.original.source,
        originalLine: reportsLazyJs.lazyChunkToken.original.line,
        originalColumn: reportsLazyJs.lazyChunkToken.original.column,
      },
      alsoInSourceMap: 'inline',
      note: 'A lazy chunk loaded with import() 800 ms after the entry module runs; its source map is an inline base64 data: URL, whose sourcesContent has the token too (one finding).',
    },
    {
      id: 'reports/script/worker.js',
      name: 'workerToken',
      kind: 'npm access token (checksum valid)',
      stage: 'page',
      page: app('/reports.html'),
      target: app('/static/reports/worker.js'),
      source: 'script',
      severity: 'critical',
      location: { line: reportsWorkerJs.workerToken.line, column: reportsWorkerJs.workerToken.column },
      note: 'A dedicated worker script (new Worker()): no DOM element names it.',
    },
    {
      id: 'reports/local-storage/acme.tokens',
      name: 'lateLocalStorageJwt',
      kind: 'JWT (HS256, 30-day lifetime)',
      stage: 'page',
      page: app('/reports.html'),
      target: app('/reports.html'),
      source: 'local-storage',
      severity: 'high',
      location: { keyPath: 'acme.tokens', jsonPath: '$.refreshToken' },
      alsoVisibleAs: ['inline-script'],
      note: 'Written 2.5 s after the page starts, well after load: only a second look at storage sees it.',
    },
    {
      id: 'reports/window-global/acmeRuntime',
      name: 'lateGlobalToken',
      kind: 'GitHub App refresh token (checksum valid)',
      stage: 'page',
      page: app('/reports.html'),
      target: app('/reports.html'),
      source: 'window-global',
      severity: 'critical',
      location: { keyPath: 'window.acmeRuntime', jsonPath: '$.integrations.github.refreshToken' },
      assembledAtRunTime: true,
      note: 'A global that is not on any well-known list, set 2.5 s after the page starts from parts no script holds whole: found by walking what the page added to window, after it goes idle.',
    },

    // --- Network extras: the page's referrer policy, mixed content, a signed URL, a fragment token -------
    {
      id: 'network/referer/referrer-policy',
      name: 'refererToken',
      kind: 'opaque session token',
      stage: 'network',
      page: app('/network.html'),
      target: app('/network.html'),
      source: 'referer',
      severity: 'medium',
      location: { parameter: 'session_token', keyPath: 'meta[name=referrer]' },
      note: 'The page URL carries the token and <meta name="referrer" content="unsafe-url"> sends the full URL to every other site the page loads from (seen by the page-side hook, before any third-party request).',
    },
    {
      id: 'mixed/mixed-content/authorization',
      name: 'mixedBearerToken',
      kind: 'opaque access token',
      stage: 'network',
      page: app('/mixed.html'),
      target: http(HOSTS.insecure, '/api/me'),
      source: 'mixed-content',
      severity: 'high',
      location: { header: 'Authorization' },
      alsoVisibleAs: ['inline-script'],
      note: 'An HTTPS page fetches http://insecure…/api/me with a bearer token. Chromium blocks it before webRequest: only the page-side fetch hook sees it. The same token sent to http://127.0.0.1 is loopback: not reported.',
    },
    {
      id: 'mixed/request-url/signed-url',
      name: 'signedUrlKeyId',
      kind: 'S3 presigned URL (fake key id and signature, 15-minute expiry)',
      stage: 'network',
      page: app('/mixed.html'),
      target: https(HOSTS.cdn, '/uploads/avatar.png'),
      source: 'request-url',
      severity: 'info',
      location: { parameter: 'X-Amz-Signature' },
      alsoVisibleAs: ['inline-script'],
      note: 'Signed URLs are meant to travel in URLs: listed with their expiry, never reported as a leaked credential (X-Amz-Security-Token, X-Amz-Credential are part of the signature).',
    },
    {
      id: 'network/fragment/access_token',
      name: 'fragmentToken',
      kind: 'opaque access token (implicit flow)',
      stage: 'network',
      page: app('/implicit.html'),
      target: app('/callback.html'),
      source: 'request-url',
      severity: 'high',
      location: { parameter: '#access_token' },
      alsoVisibleAs: ['inline-script'],
      note: '/implicit.html sends the browser to /callback.html#access_token=…, which strips the fragment at once. Requests never carry fragments: the page-side hook reads the URL at document start.',
    },

    // --- `/clean.html`: public by design only ---------------------------------------------------------
    {
      id: 'clean/inline-script/stripe-publishable',
      name: 'stripePublishableKey',
      kind: 'Stripe live publishable key (public by design)',
      stage: 'public',
      page: app('/clean.html'),
      target: app('/clean.html'),
      source: 'inline-script',
      severity: 'info',
      location: {},
      note: 'Negative test: nothing on /clean.html may rate above low.',
    },
    {
      id: 'clean/inline-script/firebase',
      name: 'firebaseApiKey',
      kind: 'Firebase web API key (public by design)',
      stage: 'public',
      page: app('/clean.html'),
      target: app('/clean.html'),
      source: 'inline-script',
      severity: 'low',
      location: { keyPath: 'firebaseConfig.apiKey' },
      note: 'Safe only with API-key restrictions, App Check and security rules: low, with that note.',
    },

    // --- `http://insecure.leaklens.test/login.html`: cleartext -----------------------------------------
    {
      id: 'cleartext/form-post/password',
      name: 'insecurePassword',
      kind: 'password',
      stage: 'cleartext',
      page: insecure('/login.html'),
      target: insecure('/login'),
      source: 'cleartext',
      severity: 'high',
      location: { parameter: 'password', contentType: 'application/x-www-form-urlencoded' },
      alsoVisibleAs: ['inline-script', 'request-body'],
      note: 'A real form POST (into an iframe) over plain HTTP: readable by anyone on the network path.',
    },
    {
      id: 'cleartext/basic-auth/authorization',
      name: 'insecurePassword',
      kind: 'password (HTTP Basic credentials)',
      stage: 'cleartext',
      page: insecure('/login.html'),
      target: insecure('/api/me'),
      source: 'cleartext',
      severity: 'high',
      location: { header: 'authorization', scheme: 'Basic', username: PLANT.insecureUsername },
      note: 'The header holds base64("dana.whitaker:" + password), not the raw password: reported with the user name and the password\'s hash. Chromium 156 shows Authorization to webRequest; the page-side hook covers browsers that do not.',
    },
  ];

  return entries.map((entry) => withUrls(entry, ports));
}

function withUrls(entry, { httpsPort, httpPort }) {
  const urlOf = ({ scheme, host, path }) => {
    const port = scheme === 'https' || scheme === 'wss' ? httpsPort : httpPort;
    return port ? `${scheme}://${host}:${port}${path}` : undefined;
  };
  const pageUrl = urlOf(entry.page);
  const targetUrl = urlOf(entry.target);
  return { ...entry, ...(pageUrl ? { pageUrl } : {}), ...(targetUrl ? { targetUrl } : {}) };
}
