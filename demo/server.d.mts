/**
 * Types for demo/server.mjs (plain ESM, no build step), so TypeScript tests import it checked.
 */
import type { FindingSource, Severity } from '../src/shared/finding.ts';

export interface DemoOptions {
  /** HTTPS port on 127.0.0.1; 0 (default) picks a free one. */
  httpsPort?: number;
  /** Plain-HTTP port on 127.0.0.1; 0 (default) picks a free one. */
  httpPort?: number;
  /** One line per request (no query strings, headers or bodies): true logs to stdout, or give a sink. */
  log?: boolean | ((line: string) => void);
}

/** Fake secrets planted by one demo start; fresh random values every start. */
export interface DemoSecrets {
  /** `/`: `?access_token=` on the cross-origin profile call. 40 alphanumeric. */
  urlToken: string;
  /** `/`: localStorage `auth.session` → `accessToken`. HS256 JWT, 30-day lifetime. */
  localStorageJwt: string;
  /** `/`: /static/app.js. `AKIA` + 16 base32. */
  awsAccessKeyId: string;
  /** `/`: /static/app.js, same line as the key id. 40 of [A-Za-z0-9/+]. */
  awsSecretAccessKey: string;
  /** `/network.html?session_token=` → Referer to analytics.thirdparty.test. 40 alphanumeric. */
  refererToken: string;
  /** `/network.html`: `Authorization: Bearer`. HS256 JWT, 30-day lifetime. */
  bearerJwt: string;
  /** `/network.html`: `x-api-key` header. `SG.` + 22 + `.` + 43. */
  sendgridApiKey: string;
  /** `/network.html`: `client_secret` in the OAuth code exchange body. 40 alphanumeric. */
  oauthClientSecret: string;
  /** `/network.html`: `password` in a JSON sign-in body. */
  jsonPassword: string;
  /** `/network.html`: `wss://api…/ws?token=`. 40 alphanumeric. */
  websocketToken: string;
  /** `/page.html`: sessionStorage OIDC user → `access_token`. HS256 JWT. */
  sessionStorageJwt: string;
  /** `/page.html`: JS-readable cookie `session_token`. HS256 JWT, 30-day lifetime. */
  cookieJwt: string;
  /** `/page.html`: IndexedDB `acme-cache`/`tokens`/`session` → `refresh_token`. 48 alphanumeric. */
  indexedDbRefreshToken: string;
  /** `/page.html`: `window.__APP_CONFIG__.stripeSecret`. `sk_live_` + 99 alphanumeric. */
  stripeSecretKey: string;
  /** `/page.html` (`__APP_CONFIG__.stripeKey`) and `/clean.html`. `pk_live_` + 99 alphanumeric. */
  stripePublishableKey: string;
  /** `/page.html`: `__NEXT_DATA__` island. `ghp_` + 30 base62 + CRC32 checksum (6 base62). */
  githubToken: string;
  /** `/page.html`: HTML comment. */
  commentPassword: string;
  /** `/page.html`: `<input type=hidden name=api_key>`. 32 hex. */
  hiddenInputApiKey: string;
  /** `/page.html`: `data-api-key` attribute. 40 alphanumeric. */
  dataAttributeApiKey: string;
  /** `/page.html`: /static/vendor.js and the sourcesContent of its map. `sk-proj-…T3BlbkFJ…`. */
  openaiApiKey: string;
  /** `/page.html`: only in the sourcesContent of /static/vendor.js.map, in a comment. `xoxb-` Slack bot token. */
  sourceMapSlackToken: string;
  /** `/page.html`: GET /api/config → `payments.secretKey`. `sk_live_` + 99 alphanumeric. */
  configStripeSecretKey: string;
  /** `/reports.html`: `<meta name="ci-deploy-token">`. `glpat-` + 20 alphanumeric. */
  metaDeployToken: string;
  /** `/reports.html`: `data-trigger-token` attribute. `glptt-` + 40 hex. */
  dataAttributeTriggerToken: string;
  /** `/reports.html`: /static/reports/main.mjs (`type=module`). `github_pat_` + 22 + `_` + 59 alphanumeric. */
  moduleScriptToken: string;
  /** `/reports.html`: /static/reports/chart.mjs (modulepreload only). `gldt-` + 20 alphanumeric. */
  modulePreloadToken: string;
  /** `/reports.html`: /static/reports/lazy-settings.mjs (`import()`, inline source map). `hvs.` + 90 alphanumeric. */
  lazyChunkToken: string;
  /** `/reports.html`: /static/reports/worker.js (`new Worker()`). `npm_` + 30 base62 + checksum. */
  workerToken: string;
  /** `/reports.html`: localStorage `acme.tokens` → `refreshToken`, written 2.5 s after start. HS256 JWT, 30 days. */
  lateLocalStorageJwt: string;
  /** `/reports.html`: `window.acmeRuntime.integrations.github.refreshToken`, set 2.5 s after start. `ghr_` + checksum. */
  lateGlobalToken: string;
  /** `/clean.html`: Firebase web config. `AIza` + 35 of [A-Za-z0-9_-]. Public by design. */
  firebaseApiKey: string;
  /** `http://insecure…/login.html`: form POST `password` and HTTP Basic credentials. */
  insecurePassword: string;
  /** `/mixed.html`: `Authorization: Bearer` on a fetch to http://insecure… (blocked as mixed content) and to http://127.0.0.1 (loopback). 40 alphanumeric. */
  mixedBearerToken: string;
  /** `/mixed.html`: the key id in an S3 presigned URL's `X-Amz-Credential` (the image is on cdn.thirdparty.test). `AKIA` + 16 base32. */
  signedUrlKeyId: string;
  /** `/implicit.html` redirects to `/callback.html#access_token=…` (implicit flow); the page strips the fragment. 40 alphanumeric. */
  fragmentToken: string;
}

export type SecretName = keyof DemoSecrets;

export interface PlantedPlace {
  scheme: 'https' | 'http' | 'wss';
  host: string;
  /** Path without query string. */
  path: string;
}

export interface PlantedSecret {
  /** Unique and stable, e.g. `root/local-storage/auth.session`. */
  id: string;
  /** Which value of `secrets` is planted. */
  name: SecretName;
  /** For the AWS pair: the other half, reported by the engine inside the same finding. */
  pairedWith?: SecretName;
  /** What the value is, for people. */
  kind: string;
  /** Which LeakLens capability should find it: the foundation first, the others as they land. */
  stage: 'foundation' | 'network' | 'page' | 'public' | 'cleartext';
  /** The page to open to trigger the plant. */
  page: PlantedPlace;
  /** Where the finding points: the request URL (without query), the resource, or the page. */
  target: PlantedPlace;
  /** Full URLs, present when describePlanted() was given the ports (startDemo() does). */
  pageUrl?: string;
  targetUrl?: string;
  source: FindingSource;
  severity: Severity;
  /**
   * Where inside the target: `line`/`column` are 1-based (the secret's first character);
   * `originalLine`/`originalColumn` are 1-based too (source-map-js uses 0-based columns).
   */
  location: {
    line?: number;
    column?: number;
    secretLine?: number;
    secretColumn?: number;
    originalFile?: string;
    originalLine?: number;
    originalColumn?: number;
    parameter?: string;
    header?: string;
    /** As in FindingLocation: storage key, cookie name, global variable path, DOM selector. */
    keyPath?: string;
    /** As in FindingLocation: JSONPath inside a JSON value or body, e.g. `$.accessToken`. */
    jsonPath?: string;
    database?: string;
    store?: string;
    recordKey?: string;
    attribute?: string;
    node?: string;
    context?: string;
    contentType?: string;
    scheme?: string;
    username?: string;
  };
  /** Other sources where the same raw value is visible (incidental; not required, not an error). */
  alsoVisibleAs?: FindingSource[];
  /**
   * A bundle's secret that its source map's sourcesContent carries too, at the same original line: the
   * two are one finding, whose `details.alsoInSourceMap` names the map (this path on the target's host)
   * or says `inline`.
   */
  alsoInSourceMap?: string;
  /**
   * An inline script's secret that the script also assigns to a window global: the probe's view of the
   * global is folded into the inline finding, whose `details.alsoInGlobal` names it (`window.X $.path`).
   */
  alsoInGlobal?: string;
  /** The page serves the value only in pieces (its first 12 characters, then the rest) and joins them at run time. */
  assembledAtRunTime?: boolean;
  note?: string;
}

export interface Demo {
  httpsPort: number;
  httpPort: number;
  urls: {
    /** https://app.leaklens.test:<httpsPort>/ */
    app: string;
    /** https://api.leaklens.test:<httpsPort>/ */
    api: string;
    /** https://cdn.thirdparty.test:<httpsPort>/ */
    thirdParty: string;
    /** https://analytics.thirdparty.test:<httpsPort>/ */
    analytics: string;
    /** http://insecure.leaklens.test:<httpPort>/ */
    insecure: string;
  };
  /** `MAP *.leaklens.test 127.0.0.1, MAP *.thirdparty.test 127.0.0.1` (the value of --host-resolver-rules). */
  hostResolverRules: string;
  secrets: Readonly<DemoSecrets>;
  /** describePlanted() with this start's ports. */
  planted: PlantedSecret[];
  /** The self-signed certificate (PEM; public, no key). */
  certificate: string;
  /** Stops both servers and drops open connections. Idempotent. */
  close(): Promise<void>;
}

export const HOST_RESOLVER_RULES: string;

export const HOSTS: Readonly<{
  app: 'app.leaklens.test';
  api: 'api.leaklens.test';
  cdn: 'cdn.thirdparty.test';
  analytics: 'analytics.thirdparty.test';
  insecure: 'insecure.leaklens.test';
}>;

export function startDemo(options?: DemoOptions): Promise<Demo>;

export function describePlanted(ports?: { httpsPort?: number; httpPort?: number }): PlantedSecret[];
