/**
 * The demo app's content: every page, script, source map and JSON body, rendered once per start with
 * that start's fake secrets inlined. Nothing here reads the request: pages never reflect request input
 * (query strings, headers), so the demo cannot be turned into an injection playground. Hosts and ports
 * are resolved by the page itself from `location`, so the same markup works behind any port.
 */
import { GeneratedFile, OriginalSources } from './generated-file.mjs';
import { jwtSubject } from './secrets.mjs';

export const HOSTS = Object.freeze({
  app: 'app.leaklens.test',
  api: 'api.leaklens.test',
  cdn: 'cdn.thirdparty.test',
  analytics: 'analytics.thirdparty.test',
  insecure: 'insecure.leaklens.test',
});

/** Keys and names the pages use; tests and describePlanted() read them from here. */
export const PLANT = Object.freeze({
  localStorageKey: 'auth.session',
  sessionStorageKey: 'oidc.user:https://auth.leaklens.test/:acme-dashboard',
  cookieName: 'session_token',
  indexedDb: { database: 'acme-cache', store: 'tokens', recordKey: 'session' },
  appConfigGlobal: '__APP_CONFIG__',
  oauthClientId: 'acme-dashboard',
  insecureUsername: 'dana.whitaker',
  user: { name: 'Dana Whitaker', email: 'dana@acme.test' },
});

// --- Escaping: page data is inlined into HTML and JavaScript, so it is escaped for the context ------

/** HTML text and attribute values. */
export function html(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A JavaScript/JSON literal safe inside an inline <script>: no `</script>`, `<!--` or line
 * terminators that end a JS string. None of these characters occur in the planted values, so the raw
 * secrets still appear verbatim in the page, as they would in a real leak.
 */
export function js(value) {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Inline helper every page uses: same scheme and port as the page, another demo host. */
const ORIGIN_HELPER =
  'function originOf(host) { return location.protocol + "//" + host + (location.port ? ":" + location.port : ""); }';

const STYLE = `<style>
  :root { font-family: system-ui, sans-serif; color: #1d2330; background: #f6f7fb; }
  body { margin: 0; }
  header { display: flex; gap: 2rem; align-items: baseline; padding: 0.75rem 1.5rem; background: #1d2330; color: #fff; }
  header h1 { font-size: 1.1rem; margin: 0; }
  header a { color: #c9d4ff; margin-right: 1rem; }
  main { padding: 1.5rem; max-width: 60rem; }
  #metrics { display: flex; gap: 1rem; }
  .metric { background: #fff; border-radius: 8px; padding: 1rem; min-width: 10rem; box-shadow: 0 1px 2px #0002; }
  .metric strong { display: block; font-size: 1.4rem; }
</style>`;

function layout({ title, head = '', body, scripts = '' }) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<link rel="icon" href="data:,">
${head}${STYLE}
</head>
<body>
<header><h1>Acme Dashboard</h1><nav><a href="/">Overview</a><a href="/network.html">Integrations</a><a href="/page.html">Settings</a><a href="/reports.html">Reports</a><a href="/clean.html">Status</a></nav></header>
${body}
${scripts}
</body>
</html>
`;
}

// --- `/` and its bundle (the foundation page) ------------------------------------------------------

/**
 * /static/app.js: a small "minified" bundle. The AWS credentials sit in one object literal on one
 * line, after other code on that line, so the reported column is a real test of position mapping.
 */
export function buildAppJs(secrets) {
  const file = new GeneratedFile();
  file
    .line('/*! acme-dashboard v2.14.0 | (c) Acme Corp */')
    .line('"use strict";(function(){var e=Object.defineProperty,t=function(n,r){for(var o in r)e(n,o,{get:r[o],enumerable:!0})};')
    .line('var n={};t(n,{formatCurrency:function(){return a},formatDate:function(){return i},debounce:function(){return s}});')
    .line('function a(c,u){return new Intl.NumberFormat("en-US",{style:"currency",currency:u||"USD"}).format(c)}')
    .line('function i(c){var u=new Date(c);return isNaN(u.getTime())?"":u.toISOString().slice(0,10)}')
    .line('function s(c,u){var l;return function(){var d=arguments,f=this;clearTimeout(l);l=setTimeout(function(){c.apply(f,d)},u)}}')
    .line('var r={apiBase:"/v1",retries:3,timeoutMs:8e3,features:{charts:!0,exports:!0,betaBilling:!1}};')
    .line('function o(c){return Object.keys(c).filter(function(u){return c[u]}).sort()}')
    .line('var p=o(r.features);')
    .line('function h(c,u){var l=document.createElement(c);if(u!=null)l.textContent=String(u);return l}')
    .line('function m(c){return c.replace(/[^a-z0-9-]/gi,"-").toLowerCase()}')
    .line('var g={bucket:"acme-prod-uploads",prefix:"avatars/",maxBytes:5242880};')
    .line('function y(c){return"https://"+g.bucket+".s3.amazonaws.com/"+g.prefix+m(c)}')
    .line(
      'var L=function(c){return c.trim()},U={region:"us-east-1",accessKeyId:"',
      { text: secrets.awsAccessKeyId, mark: 'awsAccessKeyId' },
      '",secretAccessKey:"',
      { text: secrets.awsSecretAccessKey, mark: 'awsSecretAccessKey' },
      '"};',
    )
    .line('function b(c){return{url:y(L(c.name)),size:c.size,ok:c.size<=g.maxBytes,credentials:U}}')
    .line('var v=[{label:"Revenue",value:48210.5},{label:"Active users",value:1284},{label:"Churn",value:.021}];')
    .line('function w(c){return c.label==="Revenue"?a(c.value):c.label==="Churn"?(c.value*100).toFixed(1)+"%":String(c.value)}')
    .line('function x(c){var u=h("div");u.className="metric";u.appendChild(h("span",c.label));u.appendChild(h("strong",w(c)));return u}')
    .line('function k(){var c=document.getElementById("metrics");if(!c)return;v.forEach(function(u){c.appendChild(x(u))})}')
    .line('function S(){var c=document.getElementById("build");if(c)c.textContent="features: "+p.join(", ")}')
    .line('var C=s(function(){document.body.classList.toggle("narrow",window.innerWidth<720)},100);')
    .line('window.addEventListener("resize",C);')
    .line('function T(c){try{return JSON.parse(localStorage.getItem(c)||"null")}catch(u){return null}}')
    .line('function A(){var c=T("auth.session");return c&&c.user?c.user.name:null}')
    .line('function E(){var c=document.getElementById("today");if(c)c.textContent=i(Date.now())}')
    .line('function D(){k();S();E();C()}')
    .line('n.prepareUpload=b;n.currentUser=A;')
    .line('document.readyState==="loading"?document.addEventListener("DOMContentLoaded",D):D();')
    .line('})();');
  return { text: file.text(), marks: file.marks };
}

function rootPage(secrets) {
  const session = {
    accessToken: secrets.localStorageJwt,
    user: { id: jwtSubject(secrets.localStorageJwt), name: PLANT.user.name, email: PLANT.user.email, role: 'admin' },
  };
  return layout({
    title: 'Acme Dashboard',
    body: `<main>
<p id="greeting">Loading your profile…</p>
<section id="metrics" aria-label="Key metrics"></section>
<p><small id="build"></small> · <small id="today"></small></p>
</main>`,
    scripts: `<script src="/static/app.js"></script>
<script>
(function () {
  "use strict";
  ${ORIGIN_HELPER}
  // Session bootstrap as many SPAs do it: the access token is kept in localStorage, where any
  // script on the origin can read it, and the API is called with the token in the query string.
  var session = ${js(session)};
  localStorage.setItem(${js(PLANT.localStorageKey)}, JSON.stringify(session));
  var greeting = document.getElementById("greeting");
  fetch(originOf(${js(HOSTS.api)}) + "/v1/profile?access_token=" + encodeURIComponent(${js(secrets.urlToken)}), { credentials: "include" })
    .then(function (response) { return response.json(); })
    .then(function (profile) { greeting.textContent = "Welcome back, " + profile.name + "."; })
    .catch(function () { greeting.textContent = "Could not load your profile."; })
    .finally(function () { document.documentElement.dataset.demoReady = "true"; });
})();
</script>`,
  });
}

// --- `/network.html`: request-side leaks ------------------------------------------------------------

function networkPage(secrets, oauthCode) {
  const selfLink = `/network.html?session_token=${encodeURIComponent(secrets.refererToken)}`;
  return layout({
    title: 'Acme Dashboard · Integrations',
    // unsafe-url: every request from this page, third parties included, carries the full page URL
    // (and its session_token) in Referer. Sites do set this, usually to "fix" analytics attribution.
    head: '<meta name="referrer" content="unsafe-url">\n',
    body: `<main>
<h2>Integrations</h2>
<p>You arrived through a sign-in link (<a id="permalink" href="${html(selfLink)}">permalink</a>).</p>
<ul id="activity" aria-label="Activity"></ul>
</main>`,
    scripts: `<script>
(function () {
  "use strict";
  ${ORIGIN_HELPER}
  var api = originOf(${js(HOSTS.api)});
  var socketOrigin = (location.protocol === "https:" ? "wss://" : "ws://") + ${js(HOSTS.api)} + (location.port ? ":" + location.port : "");
  function note(text) {
    var item = document.createElement("li");
    item.textContent = text;
    document.getElementById("activity").appendChild(item);
  }
  // Read each body to the end: an unread response is cancelled when the page is left, which would
  // show up as a failed request in browser automation.
  function settle(label, request) {
    return request
      .then(function (response) { return response.text().then(function () { note(label + ": " + response.status); }); })
      .catch(function () { note(label + ": failed"); });
  }
  var tasks = [
    // A long-lived JWT as a bearer token.
    settle("orders", fetch(api + "/v1/orders", { headers: { Authorization: "Bearer " + ${js(secrets.bearerJwt)} } })),
    // A provider's secret API key used straight from the browser.
    settle("mail", fetch(api + "/v1/mail/send", {
      method: "POST",
      headers: { "x-api-key": ${js(secrets.sendgridApiKey)}, "content-type": "application/json" },
      body: JSON.stringify({ to: ${js(PLANT.user.email)}, template: "weekly-report" })
    })),
    // OAuth code exchange done by the browser, which means the client secret ships to every user.
    settle("oauth", fetch(api + "/oauth/token", {
      method: "POST",
      body: new URLSearchParams({
        grant_type: "authorization_code",
        code: ${js(oauthCode)},
        client_id: ${js(PLANT.oauthClientId)},
        client_secret: ${js(secrets.oauthClientSecret)},
        redirect_uri: location.origin + "/oauth/callback"
      })
    })),
    // A sign-in with the password in a JSON body.
    settle("sign-in", fetch(api + "/v1/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: ${js(PLANT.user.email)}, password: ${js(secrets.jsonPassword)} })
    })),
    // A third-party pixel: its Referer carries this page's URL, session_token included.
    new Promise(function (resolve) {
      var pixel = new Image(1, 1);
      pixel.alt = "";
      pixel.onload = pixel.onerror = function () { note("pixel"); resolve(); };
      pixel.src = originOf(${js(HOSTS.analytics)}) + "/pixel.gif?event=pageview";
      document.body.appendChild(pixel);
    }),
    // A WebSocket authenticated by a token in its URL (the handshake is what matters).
    new Promise(function (resolve) {
      var finished = false;
      var done = function () { if (!finished) { finished = true; note("socket closed"); resolve(); } };
      setTimeout(done, 5000);
      try {
        new WebSocket(socketOrigin + "/ws?token=" + ${js(secrets.websocketToken)}).onclose = done;
      } catch (error) {
        done();
      }
    })
  ];
  Promise.all(tasks).then(function () { document.documentElement.dataset.demoReady = "true"; });
})();
</script>`,
  });
}

// --- `/page.html`: page-side leaks ------------------------------------------------------------------

/** The original sources behind /static/vendor.js, shipped in the map's sourcesContent. */
function vendorSources(secrets) {
  return new OriginalSources({
    'src/assistant.ts': [
      'import { config } from "./config";',
      'import { formatBytes } from "./lib/format";',
      '',
      'export function describeAssistant(): string {',
      '  return config.assistantModel + " (" + formatBytes(config.maxTokens * 4) + " context)";',
      '}',
      '',
      '(window as any).AcmeVendor = { describeAssistant, formatBytes };',
    ],
    'src/lib/format.ts': [
      '// Human-readable sizes for the upload widget.',
      'export function formatBytes(bytes: number): string {',
      '  const units = ["B", "KB", "MB", "GB"];',
      '  let i = 0;',
      '  while (bytes >= 1024 && i < units.length - 1) {',
      '    bytes /= 1024;',
      '    i++;',
      '  }',
      '  return bytes.toFixed(1) + " " + units[i];',
      '}',
    ],
    'src/config.ts': [
      '// Runtime configuration for the Acme assistant.',
      '// FIXME(launch): move the OpenAI call behind /api/assistant; this key must not ship to browsers.',
      'export const config = {',
      '  assistantModel: "gpt-4o-mini",',
      `  openaiApiKey: "${secrets.openaiApiKey}",`,
      '  maxTokens: 512,',
      '};',
      '',
      `// Ops alerts go to #acme-assistant (scripts/alert.ts): SLACK_BOT_TOKEN=${secrets.sourceMapSlackToken}`,
    ],
  });
}

/**
 * /static/vendor.js and its source map. The bundle inlines config.ts (as bundlers do), so the OpenAI key
 * is both in the served script and in the map's sourcesContent; the map resolves the key's generated
 * position to src/config.ts. The Slack token is in a comment of config.ts that the bundle dropped: only
 * the map's sourcesContent still ships it (`mapOnly`: its position there).
 */
export function buildVendor(secrets) {
  const sources = vendorSources(secrets);
  const at = sources.at.bind(sources);
  const F = 'src/lib/format.ts';
  const C = 'src/config.ts';
  const A = 'src/assistant.ts';
  const file = new GeneratedFile();
  file
    .line('/*! acme-vendor 1.4.2 */')
    .line('(function(){"use strict";')
    .line(
      { text: 'function formatBytes(n){', map: at(F, 2, 'export function') },
      { text: 'var u=["B","KB","MB","GB"],', map: at(F, 3, 'const units') },
      { text: 'i=0;', map: at(F, 4, 'let i') },
    )
    .line(
      { text: 'while(n>=1024&&i<u.length-1){', map: at(F, 5, 'while') },
      { text: 'n/=1024;', map: at(F, 6, 'bytes /=') },
      { text: 'i++}', map: at(F, 7, 'i++') },
    )
    .line({ text: 'return n.toFixed(1)+" "+u[i]}', map: at(F, 9, 'return') })
    .line(
      { text: 'var ', map: at(C, 3, 'const') },
      { text: 'config={', map: at(C, 3, 'config') },
      { text: 'assistantModel:"gpt-4o-mini",', map: at(C, 4, 'assistantModel') },
      { text: 'openaiApiKey:', map: at(C, 5, 'openaiApiKey') },
      { text: '"', map: at(C, 5, '"') },
      { text: secrets.openaiApiKey, map: at(C, 5, secrets.openaiApiKey), mark: 'openaiApiKey' },
      '",',
      { text: 'maxTokens:512};', map: at(C, 6, 'maxTokens') },
    )
    .line(
      { text: 'function describeAssistant(){', map: at(A, 4, 'export function') },
      { text: 'return config.assistantModel+" ("+formatBytes(config.maxTokens*4)+" context)"}', map: at(A, 5, 'return') },
    )
    .line({ text: 'window.AcmeVendor={describeAssistant:describeAssistant,formatBytes:formatBytes};', map: at(A, 8, '(window') })
    .line('})();')
    .line('//# sourceMappingURL=vendor.js.map');
  return {
    text: file.text(),
    map: JSON.stringify(file.sourceMap('vendor.js', sources)),
    marks: file.marks,
    mapOnly: { sourceMapSlackToken: at(C, 9, secrets.sourceMapSlackToken) },
  };
}

function settingsPage(secrets) {
  const appConfig = {
    env: 'production',
    release: '2.14.0',
    stripeKey: secrets.stripePublishableKey,
    stripeSecret: secrets.stripeSecretKey,
    features: { billingPortal: true },
  };
  const nextData = {
    props: { pageProps: { repository: 'acme/dashboard', deployToken: secrets.githubToken } },
    page: '/settings',
    query: {},
    buildId: 'acme-2-14-0',
  };
  const oidcUser = {
    access_token: secrets.sessionStorageJwt,
    token_type: 'Bearer',
    scope: 'openid profile email',
    profile: { sub: jwtSubject(secrets.sessionStorageJwt), name: PLANT.user.name },
  };
  const { database, store, recordKey } = PLANT.indexedDb;
  return layout({
    title: 'Acme Dashboard · Settings',
    head: `<script>window.${PLANT.appConfigGlobal} = ${js(appConfig)};</script>
<script id="__NEXT_DATA__" type="application/json">${js(nextData)}</script>
`,
    body: `<!-- TODO(release): remove the staging admin login before launch: user=admin@acme.test password="${html(secrets.commentPassword)}" -->
<main>
<h2>Settings</h2>
<form id="billing" action="/settings/billing" method="post" onsubmit="return false">
<input type="hidden" name="api_key" value="${html(secrets.hiddenInputApiKey)}">
<label>Billing email <input name="email" type="email" value="billing@acme.test"></label>
<button type="submit">Save</button>
</form>
<div id="support-widget" data-api-key="${html(secrets.dataAttributeApiKey)}" data-theme="light"></div>
<p id="assistant"></p>
<p id="config-status">Loading configuration…</p>
</main>`,
    scripts: `<script src="/static/vendor.js"></script>
<script>
(function () {
  "use strict";
  ${ORIGIN_HELPER}
  // OIDC client libraries keep the user (tokens included) in sessionStorage by default.
  sessionStorage.setItem(${js(PLANT.sessionStorageKey)}, JSON.stringify(${js(oidcUser)}));

  // An offline cache that also keeps the refresh token: readable by any script on the origin.
  var cached = new Promise(function (resolve) {
    var open = indexedDB.open(${js(database)}, 1);
    open.onupgradeneeded = function () { open.result.createObjectStore(${js(store)}, { keyPath: "id" }); };
    open.onerror = function () { resolve(); };
    open.onsuccess = function () {
      var db = open.result;
      var tx = db.transaction(${js(store)}, "readwrite");
      tx.objectStore(${js(store)}).put({ id: ${js(recordKey)}, refresh_token: ${js(secrets.indexedDbRefreshToken)}, token_type: "Bearer" });
      tx.oncomplete = tx.onabort = tx.onerror = function () { db.close(); resolve(); };
    };
  });

  var configured = fetch("/api/config")
    .then(function (response) { return response.json(); })
    .then(function (config) { document.getElementById("config-status").textContent = "Environment: " + config.environment; })
    .catch(function () { document.getElementById("config-status").textContent = "Configuration unavailable."; });

  // A third-party support widget, configured through the data-api-key attribute.
  var widget = new Promise(function (resolve) {
    var script = document.createElement("script");
    script.src = originOf(${js(HOSTS.cdn)}) + "/widget.js";
    script.onload = script.onerror = function () { resolve(); };
    document.body.appendChild(script);
  });

  if (window.AcmeVendor) document.getElementById("assistant").textContent = "Assistant: " + window.AcmeVendor.describeAssistant();
  Promise.all([cached, configured, widget]).then(function () { document.documentElement.dataset.demoReady = "true"; });
})();
</script>`,
  });
}

/** GET /api/config on the app host: a config endpoint that hands the browser a server-side key. */
function apiConfig(secrets) {
  return JSON.stringify({
    environment: 'production',
    apiBase: `https://${HOSTS.api}`,
    payments: { provider: 'stripe', secretKey: secrets.configStripeSecretKey },
    featureFlags: { billingPortal: true, assistant: true },
  });
}

// --- `/reports.html`: module scripts, a modulepreload, a lazy chunk, a worker, late writes ------------

/** The page's module entry point: a fine-grained GitHub token in a `type=module` script. */
export function buildReportsMain(secrets) {
  const file = new GeneratedFile();
  file
    .line('/*! acme-reports 3.1.0 | (c) Acme Corp */')
    .line('const REPORTS_API = { base: "/v1/reports", pageSize: 50 };')
    .line('const GITHUB = { org: "acme", token: "', { text: secrets.moduleScriptToken, mark: 'moduleScriptToken' }, '" };')
    .line('function status(text) { const el = document.getElementById("report-status"); if (el) el.textContent = text; }')
    .line('function pingWorker() {')
    .line('  return new Promise((resolve) => {')
    .line('    const worker = new Worker("/static/reports/worker.js");')
    .line('    worker.onmessage = () => { worker.terminate(); resolve("worker ok"); };')
    .line('    worker.onerror = () => resolve("worker failed");')
    .line('    worker.postMessage({ type: "ping" });')
    .line('  });')
    .line('}')
    .line('// The settings chunk loads lazily, after the first paint, as code-split apps do.')
    .line('const settings = new Promise((resolve) => setTimeout(resolve, 800))')
    .line('  .then(() => import("./lazy-settings.mjs"))')
    .line('  .then((chunk) => chunk.describeVault(), () => "settings unavailable");')
    .line('// The chart chunk is only preloaded (<link rel=modulepreload>); it runs when asked for.')
    .line('document.getElementById("show-chart")?.addEventListener("click", () => import("./chart.mjs").then((chart) => status(chart.draw())));')
    .line('const lateWrites = new Promise((resolve) => setTimeout(resolve, 2800));')
    .line('Promise.all([settings, pingWorker(), lateWrites]).then(([vault, worker]) => {')
    .line('  status("Reports ready: " + vault + ", " + worker + ", " + REPORTS_API.base + " for " + GITHUB.org);')
    .line('  document.documentElement.dataset.demoReady = "true";')
    .line('});')
    .line('export { status };');
  return { text: file.text(), marks: file.marks };
}

/** Preloaded with <link rel=modulepreload> but only imported on a click: a GitLab deploy token. */
export function buildReportsChart(secrets) {
  const file = new GeneratedFile();
  file
    .line('/*! acme-reports chart chunk (loaded on demand) */')
    .line('const DEPLOY={registry:"registry.gitlab.acme.test",token:"', { text: secrets.modulePreloadToken, mark: 'modulePreloadToken' }, '"};')
    .line('export function draw(){return"chart from "+DEPLOY.registry}');
  return { text: file.text(), marks: file.marks };
}

/** The original sources of the lazy settings chunk, carried in its inline `data:` source map. */
function settingsSources(secrets) {
  return new OriginalSources({
    'src/settings/vault.ts': [
      '// Vault access for the settings screen.',
      '// TODO(security): fetch this token from the backend; it must not ship in the bundle.',
      'export const vault = {',
      '  address: "https://vault.acme.test",',
      `  token: "${secrets.lazyChunkToken}",`,
      '};',
    ],
    'src/settings/index.ts': [
      'import { vault } from "./vault";',
      '',
      'export function describeVault(): string {',
      '  return "vault at " + vault.address;',
      '}',
    ],
  });
}

/**
 * /static/reports/lazy-settings.mjs, loaded with `import()` after load, with its source map inline as a
 * base64 `data:` URL. The Vault token is in the chunk and in the map's sourcesContent.
 */
export function buildReportsLazySettings(secrets) {
  const sources = settingsSources(secrets);
  const at = sources.at.bind(sources);
  const V = 'src/settings/vault.ts';
  const I = 'src/settings/index.ts';
  const file = new GeneratedFile();
  file
    .line('/*! acme-reports lazy chunk: settings */')
    .line(
      { text: 'const ', map: at(V, 3, 'export const') },
      { text: 'vault={', map: at(V, 3, 'vault') },
      { text: 'address:"https://vault.acme.test",', map: at(V, 4, 'address') },
      { text: 'token:', map: at(V, 5, 'token') },
      { text: '"', map: at(V, 5, '"') },
      { text: secrets.lazyChunkToken, map: at(V, 5, secrets.lazyChunkToken), mark: 'lazyChunkToken' },
      '"};',
    )
    .line(
      { text: 'function describeVault(){', map: at(I, 3, 'export function') },
      { text: 'return"vault at "+vault.address}', map: at(I, 4, 'return') },
    )
    .line('export{describeVault};');
  const map = file.sourceMap('lazy-settings.mjs', sources);
  file.line(`//# sourceMappingURL=data:application/json;charset=utf-8;base64,${Buffer.from(JSON.stringify(map), 'utf8').toString('base64')}`);
  return { text: file.text(), map, marks: file.marks };
}

/** A dedicated worker script (`new Worker()`), invisible to the DOM: an npm access token. */
export function buildReportsWorker(secrets) {
  const file = new GeneratedFile();
  file
    .line('/*! acme-reports export worker */')
    .line('var REGISTRY={url:"https://npm.acme.test/",token:"', { text: secrets.workerToken, mark: 'workerToken' }, '"};')
    .line('self.onmessage=function(){self.postMessage({type:"pong",registry:REGISTRY.url})};');
  return { text: file.text(), marks: file.marks };
}

function reportsPage(secrets) {
  return layout({
    title: 'Acme Dashboard · Reports',
    head: `<meta name="ci-deploy-token" content="${html(secrets.metaDeployToken)}">
<link rel="modulepreload" href="/static/reports/chart.mjs">
`,
    body: `<main>
<h2>Reports</h2>
<section id="ci-status" data-trigger-token="${html(secrets.dataAttributeTriggerToken)}" data-pipeline="nightly-export"><p>Nightly export: scheduled.</p></section>
<form id="legacy-export" action="http://exports.leaklens.test/legacy/upload" method="post" onsubmit="return false">
<label>Export password <input type="password" name="export_password" autocomplete="off"></label>
<button type="submit">Upload to the legacy archive</button>
</form>
<p><button id="show-chart" type="button">Show chart</button></p>
<p id="report-status">Loading reports…</p>
</main>`,
    scripts: `<script>
(function () {
  "use strict";
  // Written well after load, as a sign-in or a token refresh would: a long-lived token kept in
  // localStorage, and runtime configuration a lazily started integration hangs on window. That token
  // is put together at run time (as one fetched or unwrapped would be): no script holds it whole.
  setTimeout(function () {
    localStorage.setItem("acme.tokens", JSON.stringify({ refreshToken: ${js(secrets.lateLocalStorageJwt)}, tokenType: "Bearer" }));
    window.acmeRuntime = { integrations: { github: { appId: 48213, refreshToken: [${js(secrets.lateGlobalToken.slice(0, 12))}, ${js(secrets.lateGlobalToken.slice(12))}].join("") } } };
  }, 2500);
})();
</script>
<script type="module" src="/static/reports/main.mjs"></script>`,
  });
}

// --- `/mixed.html`: mixed content and a signed URL ------------------------------------------------

/**
 * An HTTPS page with legacy pieces still on plain HTTP. Chromium blocks the http:// fetch before any
 * extension sees it (only the page-side hook does), upgrades the image to https (which then fails:
 * the plain-HTTP port speaks no TLS), and would warn before submitting the form; the loopback fetch
 * is allowed (loopback is trustworthy) and is no exposure. The avatar is an S3-style presigned URL
 * (a fake key id and signature) on the partner CDN: a capability meant to travel in URLs.
 */
function mixedPage(secrets, { signature, signedAt }) {
  const insecure = (httpPort, path) => `http://${HOSTS.insecure}:${httpPort}${path}`;
  const compactDate = signedAt.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const scopeDate = compactDate.slice(0, 8);
  const presignedQuery =
    `?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${secrets.signedUrlKeyId}%2F${scopeDate}%2Fus-east-1%2Fs3%2Faws4_request` +
    `&X-Amz-Date=${compactDate}&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=${signature}`;
  return (httpPort) =>
    layout({
      title: 'Acme Dashboard · Legacy widgets',
      body: `<main>
<h2>Legacy widgets</h2>
<p><img id="legacy-banner" alt="" width="1" height="1" src="${html(insecure(httpPort, '/banner.gif'))}"> <img id="avatar" alt="" width="1" height="1"></p>
<form id="legacy-login" action="${html(insecure(httpPort, '/login'))}" method="post" onsubmit="return false">
<label>Username <input name="username" autocomplete="off"></label>
<label>Password <input name="password" type="password" autocomplete="off"></label>
<button type="submit">Sign in to the legacy portal</button>
</form>
<ul id="activity" aria-label="Activity"></ul>
</main>`,
      scripts: `<script>
(function () {
  "use strict";
  ${ORIGIN_HELPER}
  var token = ${js(secrets.mixedBearerToken)};
  function note(text) {
    var item = document.createElement("li");
    item.textContent = text;
    document.getElementById("activity").appendChild(item);
  }
  function attempt(label, url) {
    return fetch(url, { headers: { Authorization: "Bearer " + token } })
      .then(function (response) { return response.text().then(function () { note(label + ": " + response.status); }); })
      .catch(function () { note(label + ": blocked or unreachable"); });
  }
  var avatar = new Promise(function (resolve) {
    var image = document.getElementById("avatar");
    image.onload = image.onerror = function () { note("avatar"); resolve(); };
    image.src = originOf(${js(HOSTS.cdn)}) + "/uploads/avatar.png" + ${js(presignedQuery)};
  });
  var tasks = [
    // Mixed content with a credential: blocked by Chromium before the network (and before webRequest).
    attempt("legacy profile", ${js(insecure(httpPort, '/api/me'))}),
    // Loopback over plain HTTP: allowed, never leaves the machine, not an exposure.
    attempt("local agent", "http://127.0.0.1/health"),
    avatar
  ];
  Promise.all(tasks).then(function () { document.documentElement.dataset.demoReady = "true"; });
})();
</script>`,
    });
}

// --- `/implicit.html` → `/callback.html`: a token in the URL fragment (OAuth implicit flow) ---------

/** Stands in for an authorization server answering an implicit-flow request: back to the app with the token in the fragment. */
function implicitPage(secrets, { state }) {
  const fragment = `#access_token=${secrets.fragmentToken}&token_type=Bearer&expires_in=3600&state=${state}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Acme Sign-in</title><link rel="icon" href="data:,"></head>
<body><p>Signing you in…</p>
<script>location.replace("/callback.html" + ${js(fragment)});</script>
</body></html>
`;
}

/** The SPA callback: reads the token from the fragment, then strips it from the address bar, as SPAs do. */
const CALLBACK_PAGE = layout({
  title: 'Acme Dashboard · Signed in',
  body: '<main><p id="status">Signing you in…</p></main>',
  scripts: `<script>
(function () {
  "use strict";
  var params = new URLSearchParams(location.hash.slice(1));
  document.getElementById("status").textContent = params.get("access_token") ? "Signed in." : "No token.";
  history.replaceState(null, "", location.pathname);
  document.documentElement.dataset.demoReady = "true";
})();
</script>`,
});

// --- `/clean.html`: only public-by-design values (negative tests) ---------------------------------

function cleanPage(secrets) {
  return layout({
    title: 'Acme Dashboard · Status',
    body: `<main>
<h2>System status</h2>
<p id="status">All systems operational.</p>
</main>`,
    scripts: `<script>
(function () {
  "use strict";
  // Public-by-design client configuration. A Firebase web API key identifies the project (keep API
  // key restrictions, App Check and security rules on); a Stripe publishable key can only create
  // tokens. Neither is a leak.
  const firebaseConfig = {
    apiKey: ${js(secrets.firebaseApiKey)},
    authDomain: "acme-status.firebaseapp.com",
    projectId: "acme-status",
    storageBucket: "acme-status.appspot.com"
  };
  const stripePublishableKey = ${js(secrets.stripePublishableKey)};
  const status = document.getElementById("status");
  status.dataset.project = firebaseConfig.projectId;
  status.dataset.payments = stripePublishableKey ? "enabled" : "disabled";
  document.documentElement.dataset.demoReady = "true";
})();
</script>`,
  });
}

// --- Third-party assets ---------------------------------------------------------------------------

/** cdn.thirdparty.test/widget.js: inert on purpose; it must not add findings of its own. */
const WIDGET_JS = `/*! Partner support widget (third party, demo) */
(function () {
  "use strict";
  var host = document.getElementById("support-widget");
  if (!host) return;
  var button = document.createElement("button");
  button.type = "button";
  button.textContent = "Chat with support";
  host.appendChild(button);
})();
`;

/** The classic 1×1 transparent GIF. */
const PIXEL_GIF = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

// --- `http://insecure.leaklens.test/login.html`: credentials over plain HTTP ---------------------

function loginPage(secrets) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Acme Legacy Portal · Sign in</title>
<link rel="icon" href="data:,">
</head>
<body>
<h1>Acme Legacy Portal</h1>
<p>An internal tool still served over plain HTTP.</p>
<form id="login" method="post" action="/login" target="login-result">
<label>Username <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Sign in</button>
</form>
<iframe name="login-result" title="Sign-in result" width="400" height="80"></iframe>
<p id="me"></p>
<script>
(function () {
  "use strict";
  // Signs in on load, like a saved-password autofill followed by a click, so automation needs no input.
  var username = ${js(PLANT.insecureUsername)};
  var password = ${js(secrets.insecurePassword)};
  var form = document.getElementById("login");
  form.elements.username.value = username;
  form.elements.password.value = password;
  var frame = document.querySelector('iframe[name="login-result"]');
  var posted = new Promise(function (resolve) {
    frame.addEventListener("load", resolve, { once: true });
    setTimeout(resolve, 5000);
  });
  form.submit();
  var me = fetch("/api/me", { headers: { Authorization: "Basic " + btoa(username + ":" + password) } })
    .then(function (response) { return response.json(); })
    .then(function (user) { document.getElementById("me").textContent = "Signed in as " + user.username; })
    .catch(function () { document.getElementById("me").textContent = "Not signed in."; });
  Promise.all([posted, me]).then(function () { document.documentElement.dataset.demoReady = "true"; });
})();
</script>
</body>
</html>
`;
}

const LOGIN_DONE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signed in</title></head>
<body><p>Signed in.</p></body></html>
`;

/**
 * Render the whole site for one set of secrets. `oauthCode` is a single-use authorization code and
 * `oauthState` an implicit-flow state: parts of realistic flows, not planted secrets; the presigned
 * URL's signature and signing time are random/now per start (the key id in it is planted).
 */
export function buildSite(secrets, { oauthCode, oauthState = 'state', signedUrlSignature = '0'.repeat(64), signedAt = new Date() }) {
  const appJs = buildAppJs(secrets);
  const vendor = buildVendor(secrets);
  const reportsMain = buildReportsMain(secrets);
  const reportsChart = buildReportsChart(secrets);
  const reportsLazy = buildReportsLazySettings(secrets);
  const reportsWorker = buildReportsWorker(secrets);
  return {
    rootHtml: rootPage(secrets),
    appJs: appJs.text,
    networkHtml: networkPage(secrets, oauthCode),
    networkPath: `/network.html?session_token=${encodeURIComponent(secrets.refererToken)}`,
    pageHtml: settingsPage(secrets),
    vendorJs: vendor.text,
    vendorMap: vendor.map,
    apiConfigJson: apiConfig(secrets),
    reportsHtml: reportsPage(secrets),
    reportsMainJs: reportsMain.text,
    reportsChartJs: reportsChart.text,
    reportsLazyJs: reportsLazy.text,
    reportsWorkerJs: reportsWorker.text,
    cleanHtml: cleanPage(secrets),
    widgetJs: WIDGET_JS,
    pixelGif: PIXEL_GIF,
    loginHtml: loginPage(secrets),
    loginDoneHtml: LOGIN_DONE,
    mixedHtml: mixedPage(secrets, { signature: signedUrlSignature, signedAt }),
    implicitHtml: implicitPage(secrets, { state: oauthState }),
    callbackHtml: CALLBACK_PAGE,
    marks: {
      appJs: appJs.marks,
      vendorJs: vendor.marks,
      reportsMainJs: reportsMain.marks,
      reportsChartJs: reportsChart.marks,
      reportsLazyJs: reportsLazy.marks,
      reportsWorkerJs: reportsWorker.marks,
    },
  };
}
