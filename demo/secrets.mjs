/**
 * Fake secrets for the demo app, generated fresh at every start from templates with
 * crypto.randomBytes. Nothing here is a real credential and no value is ever written down: the
 * repository holds only the templates. The formats are structurally right (prefixes, lengths,
 * alphabets, GitHub's CRC32 checksum, a decodable signed JWT) because the point of the demo is that
 * LeakLens' detection engine recognises them the way it would recognise live ones.
 */
import { createHmac, randomBytes } from 'node:crypto';

export const ALPHABETS = Object.freeze({
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  // GitHub's base62 digit order (0-9, A-Z, a-z): the checksum must use this order to verify.
  base62: '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  // RFC 4648 base32, the alphabet of the 16 characters after an AWS key-id prefix.
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
  awsSecret: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  hex: '0123456789abcdef',
});

const DIGITS = '0123456789';

/**
 * `length` characters drawn uniformly from `alphabet`. Rejection sampling instead of `byte % n`,
 * so no character is more likely than another (entropy gates in the engine see honest randomness).
 */
export function randomChars(alphabet, length) {
  const n = alphabet.length;
  if (n < 2 || n > 256) throw new RangeError('alphabet must have 2..256 characters');
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      out += alphabet[byte % n];
      if (out.length === length) break;
    }
  }
  return out;
}

/**
 * Random characters from `alphabet`, with the last one alphanumeric. Real tokens can end in `-` or
 * `_`; the engine's unit tests cover that. Here it would make end-to-end runs depend on luck
 * (boundary assertions behave differently after a punctuation character), so the demo avoids it.
 */
function randomTokenChars(alphabet, length) {
  return randomChars(alphabet, length - 1) + randomChars(ALPHABETS.alnum, 1);
}

// --- CRC32 (IEEE 802.3, reflected, polynomial 0xEDB88320), as used by GitHub token checksums ----

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

/** CRC32 of a string's UTF-8 bytes, as an unsigned 32-bit integer. */
export function crc32(text) {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** Unsigned integer → base62 (GitHub digit order), left-padded with '0' to `width`. */
export function toBase62(value, width) {
  let out = '';
  let rest = value;
  do {
    out = ALPHABETS.base62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  } while (rest > 0);
  return out.padStart(width, '0');
}

/**
 * A classic GitHub personal access token: `ghp_`, 30 random base62 characters, then the CRC32 of
 * those 30 characters in base62, left-padded to 6. This is the checksum GitHub's own scanners and
 * tools like credsweeper verify, so a detector can call it "verified" offline.
 */
export function githubClassicToken() {
  const body = randomChars(ALPHABETS.base62, 30);
  return `ghp_${body}${toBase62(crc32(body), 6)}`;
}

/**
 * A checksummed token of the same scheme with another prefix: `gho_`/`ghr_` (GitHub), `npm_` (npm
 * uses GitHub's CRC32/base62 checksum for its access tokens).
 */
export function checksummedToken(prefix) {
  const body = randomChars(ALPHABETS.base62, 30);
  return `${prefix}${body}${toBase62(crc32(body), 6)}`;
}

/** True when a `ghp_` token's last 6 characters are the checksum of the 30 before them. */
export function verifyGithubClassicToken(token) {
  const match = /^ghp_([0-9A-Za-z]{30})([0-9A-Za-z]{6})$/.exec(token);
  return match !== null && toBase62(crc32(match[1]), 6) === match[2];
}

// --- JWT -------------------------------------------------------------------------------------------

const base64urlJson = (value) => Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');

const DAY = 24 * 60 * 60;
export const JWT_LIFETIME_SECONDS = 30 * DAY;
export const JWT_ISSUER = 'https://auth.leaklens.test/';

/**
 * An HS256 JWT signed with a throwaway random key (discarded at once: nobody can mint or check more
 * tokens for it). Long-lived on purpose: 30 days is the "long-lived token in page storage" case.
 */
export function signedJwt({ subject, nowSeconds = Math.floor(Date.now() / 1000) }) {
  const header = base64urlJson({ alg: 'HS256', typ: 'JWT' });
  const payload = base64urlJson({
    sub: subject,
    iss: JWT_ISSUER,
    iat: nowSeconds,
    exp: nowSeconds + JWT_LIFETIME_SECONDS,
    scope: 'openid profile email',
  });
  // Re-sign with a new key until the signature ends alphanumeric (see randomTokenChars); each try
  // succeeds with probability 62/64, so this loop runs about once.
  for (;;) {
    const signature = createHmac('sha256', randomBytes(32)).update(`${header}.${payload}`).digest('base64url');
    if (/[A-Za-z0-9]$/.test(signature)) return `${header}.${payload}.${signature}`;
  }
}

// --- The planted set -------------------------------------------------------------------------------

/** AWS documents example keys; a demo key must never be one, or the engine rightly calls it an example. */
function awsAccessKeyId() {
  for (;;) {
    const id = `AKIA${base32AccountLayout()}`;
    if (!id.includes('EXAMPLE')) return id;
  }
}

/**
 * 16 base32 characters laid out as AWS issues key ids: bits 7..46 of the first six bytes hold a
 * 12-digit account id, the rest is random. A purely random id decodes to a 13-digit "account" one
 * time in eleven, which the engine rightly refuses to verify.
 */
function base32AccountLayout() {
  const bytes = randomBytes(10);
  const account = 100000000000n + (BigInt(bytes.readUIntBE(0, 6)) % 899999999999n);
  const high = (account << 7n) | BigInt(bytes[6] & 0x7f) | (BigInt(bytes[7] & 0x80) << 40n);
  for (let i = 0; i < 6; i++) bytes[i] = Number((high >> BigInt(8 * (5 - i))) & 0xffn);
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  return bits.match(/.{5}/g).map((chunk) => ALPHABETS.base32[parseInt(chunk, 2)]).join('');
}

function awsSecretAccessKey() {
  for (;;) {
    const secret = randomTokenChars(ALPHABETS.awsSecret, 40);
    if (!secret.includes('EXAMPLE')) return secret;
  }
}

/** Three groups of six, like a password manager's suggestion; survives form and URL encoding unchanged. */
function password() {
  return [randomChars(ALPHABETS.alnum, 6), randomChars(ALPHABETS.alnum, 6), randomChars(ALPHABETS.alnum, 6)].join('-');
}

/**
 * Generate one fresh set of planted secrets. Every value is distinct, so a finding can be traced back
 * to exactly one plant by its `secretHash`, and none is a substring of another.
 *
 * @returns {import('./server.mjs').DemoSecrets}
 */
export function generateSecrets() {
  const userId = `user-${randomChars(ALPHABETS.alnum, 12)}`;
  const now = Math.floor(Date.now() / 1000);
  const secrets = {
    // `/` (the foundation page)
    urlToken: randomChars(ALPHABETS.alnum, 40),
    localStorageJwt: signedJwt({ subject: userId, nowSeconds: now }),
    awsAccessKeyId: awsAccessKeyId(),
    awsSecretAccessKey: awsSecretAccessKey(),
    // `/network.html`
    refererToken: randomChars(ALPHABETS.alnum, 40),
    bearerJwt: signedJwt({ subject: userId, nowSeconds: now }),
    sendgridApiKey: `SG.${randomChars(ALPHABETS.base64url, 22)}.${randomTokenChars(ALPHABETS.base64url, 43)}`,
    oauthClientSecret: randomChars(ALPHABETS.alnum, 40),
    jsonPassword: password(),
    websocketToken: randomChars(ALPHABETS.alnum, 40),
    // `/page.html`
    sessionStorageJwt: signedJwt({ subject: userId, nowSeconds: now }),
    cookieJwt: signedJwt({ subject: userId, nowSeconds: now }),
    indexedDbRefreshToken: randomChars(ALPHABETS.alnum, 48),
    stripeSecretKey: `sk_live_${randomChars(ALPHABETS.alnum, 99)}`,
    stripePublishableKey: `pk_live_${randomChars(ALPHABETS.alnum, 99)}`,
    githubToken: githubClassicToken(),
    commentPassword: password(),
    hiddenInputApiKey: randomChars(ALPHABETS.hex, 32),
    dataAttributeApiKey: randomChars(ALPHABETS.alnum, 40),
    // Project keys carry `T3BlbkFJ` (base64 of "OpenAI") between two random halves; rules key on it.
    openaiApiKey: `sk-proj-${randomChars(ALPHABETS.base64url, 74)}T3BlbkFJ${randomTokenChars(ALPHABETS.base64url, 74)}`,
    // Only in vendor.js.map's sourcesContent: a comment the bundler dropped.
    sourceMapSlackToken: `xoxb-${randomChars(DIGITS, 12)}-${randomChars(DIGITS, 13)}-${randomTokenChars(ALPHABETS.alnum, 24)}`,
    configStripeSecretKey: `sk_live_${randomChars(ALPHABETS.alnum, 99)}`,
    // `/reports.html` and its module bundles, lazy chunk and worker
    metaDeployToken: `glpat-${randomChars(ALPHABETS.alnum, 20)}`,
    dataAttributeTriggerToken: `glptt-${randomChars(ALPHABETS.hex, 40)}`,
    moduleScriptToken: `github_pat_${randomChars(ALPHABETS.alnum, 22)}_${randomChars(ALPHABETS.alnum, 59)}`,
    modulePreloadToken: `gldt-${randomChars(ALPHABETS.alnum, 20)}`,
    lazyChunkToken: `hvs.${randomChars(ALPHABETS.alnum, 90)}`,
    workerToken: checksummedToken('npm_'),
    lateLocalStorageJwt: signedJwt({ subject: userId, nowSeconds: now }),
    lateGlobalToken: checksummedToken('ghr_'),
    // `/clean.html` (public by design)
    firebaseApiKey: `AIza${randomTokenChars(ALPHABETS.base64url, 35)}`,
    // `http://insecure.leaklens.test/login.html`
    insecurePassword: password(),
    // `/mixed.html`, `/implicit.html` → `/callback.html`: mixed content, a signed URL, a fragment token
    mixedBearerToken: randomChars(ALPHABETS.alnum, 40),
    signedUrlKeyId: awsAccessKeyId(),
    fragmentToken: randomChars(ALPHABETS.alnum, 40),
  };
  assertDistinct(secrets);
  return Object.freeze(secrets);
}

/** Collisions are astronomically unlikely; if one ever happened, a confusing test failure would follow. */
function assertDistinct(secrets) {
  const values = Object.values(secrets);
  for (const a of values) {
    for (const b of values) {
      if (a !== b && a.includes(b)) throw new Error('demo secrets overlap; restart the demo');
    }
  }
  if (new Set(values).size !== values.length) throw new Error('demo secrets collide; restart the demo');
}

/** The demo user's id, shared by every JWT's `sub` (read back from the token, never stored apart). */
export function jwtSubject(jwt) {
  const payload = JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString('utf8'));
  return payload.sub;
}
