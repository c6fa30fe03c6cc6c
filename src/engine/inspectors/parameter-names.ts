/**
 * Which URL parameter names denote credentials. Names are normalised into whole tokens
 * (`accessToken`, `access-token`, `ACCESS_TOKEN` → `access_token`) and compared as a whole, never by
 * substring: `passiveAuth`, `monkey`, `authorName`, `tokenizer` are not credentials (ZAP's substring
 * match flags them; its users complain).
 */

export type CredentialKind = 'token' | 'password' | 'api-key' | 'client-secret' | 'session' | 'oauth-code' | 'weak-key';

const MAX_REMEMBERED_NAMES = 4096;
const normalizedNames = new Map<string, string>();

/** `normalizeParameterName`, remembered (the same few names come with every request). */
export function normalizedName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = normalizeParameterName(name);
    if (normalizedNames.size >= MAX_REMEMBERED_NAMES) normalizedNames.clear();
    if (name.length <= 100) normalizedNames.set(name, normalized);
  }
  return normalized;
}

/** Split camelCase, kebab, dots, brackets and snake into lower-case tokens joined by `_`. */
export function normalizeParameterName(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join('_');
}

const EXACT: Record<string, CredentialKind> = {
  token: 'token',
  access_token: 'token',
  accesstoken: 'token',
  id_token: 'token',
  idtoken: 'token',
  refresh_token: 'token',
  auth_token: 'token',
  authtoken: 'token',
  api_token: 'token',
  bearer: 'token',
  bearer_token: 'token',
  private_token: 'token',
  jwt: 'token',
  auth: 'token',
  authorization: 'token',
  oauth_token: 'token',
  session_token: 'session',
  session: 'session',
  session_id: 'session',
  sessionid: 'session',
  sess_id: 'session',
  phpsessid: 'session',
  jsessionid: 'session',
  sid: 'session',
  api_key: 'api-key',
  apikey: 'api-key',
  x_api_key: 'api-key',
  access_key: 'api-key',
  secret_key: 'client-secret',
  client_secret: 'client-secret',
  app_secret: 'client-secret',
  secret: 'client-secret',
  password: 'password',
  passwd: 'password',
  pwd: 'password',
  pass: 'password',
  code: 'oauth-code',
  key: 'weak-key',
};

/** Names that end like credentials but are not: pagination cursors, anti-forgery tokens, i18n. */
const NOT_CREDENTIALS = new Set([
  'page_token',
  'next_page_token',
  'continuation_token',
  'next_token',
  'sync_token',
  'csrf_token',
  'xsrf_token',
  'csrf',
  'captcha_token',
  'recaptcha_token',
  'state',
]);

const SUFFIXES: [string, CredentialKind][] = [
  ['_access_token', 'token'],
  ['_refresh_token', 'token'],
  ['_auth_token', 'token'],
  ['_api_token', 'token'],
  ['_token', 'token'],
  ['_api_key', 'api-key'],
  ['_apikey', 'api-key'],
  ['_client_secret', 'client-secret'],
  ['_secret', 'client-secret'],
  ['_password', 'password'],
  ['_session_id', 'session'],
  // Cookie-style session names: `connect.sid`, `laravel_session`.
  ['_sid', 'session'],
  ['_session', 'session'],
];

/** Names repeat on every request (`page`, `sort`, `access_token`): classify each once. */
const kindByName = new Map<string, CredentialKind | null>();

export function credentialKind(name: string): CredentialKind | undefined {
  const known = kindByName.get(name);
  if (known !== undefined) return known ?? undefined;
  const kind = classify(name);
  if (kindByName.size >= MAX_REMEMBERED_NAMES) kindByName.clear();
  if (name.length <= 100) kindByName.set(name, kind ?? null);
  return kind;
}

function classify(name: string): CredentialKind | undefined {
  const normalized = normalizedName(name);
  if (!normalized || NOT_CREDENTIALS.has(normalized)) return undefined;
  const exact = EXACT[normalized];
  if (exact) return exact;
  for (const [suffix, kind] of SUFFIXES) {
    if (normalized.endsWith(suffix)) return kind;
  }
  return undefined;
}

/**
 * Request header names: the `X-` prefix says nothing (`X-Api-Key` is `api_key`), and anti-forgery
 * headers (`X-CSRF-Token`, `X-XSRF-TOKEN`) are not credentials to an attacker who can read them.
 */
export function headerCredentialKind(name: string): CredentialKind | undefined {
  const normalized = normalizeParameterName(name);
  const withoutPrefix = normalized.startsWith('x_') ? normalized.slice(2) : normalized;
  if (!withoutPrefix || NOT_CREDENTIALS.has(withoutPrefix)) return undefined;
  const kind = credentialKind(withoutPrefix) ?? credentialKind(normalized);
  // `code` and a bare `key` mean something else in headers.
  return kind === 'oauth-code' || kind === 'weak-key' ? undefined : kind;
}
