/**
 * Gates for values found by assignment-style rules (`apiKey:"…"`, `CLIENT_SECRET=…`, `?token=…`):
 * the pattern only says "something was assigned to a credential-sounding name". In minified bundles
 * that something is far more often code (`e.apiKey`, `this.token`), a UI label ("Password"), a CSS class,
 * a path or a placeholder than a credential, so a value must look like a random literal to count.
 * Pure and fast: these run on every candidate match.
 */
import { shannonEntropy } from '../entropy.ts';
import type { MatchContext, ValidationResult } from '../types.ts';
import { isPlaceholder } from './placeholder.ts';

export interface ValueGate {
  /** Shortest acceptable value. Default 12. */
  minLength?: number;
  maxLength?: number;
  /** Shannon bits per character. Default: 3.0 below 20 characters, 3.3 from 20 on. */
  minEntropy?: number;
  /** Allow values made only of hex digits (content hashes look the same; only for strong names). */
  allowHex?: boolean;
  /** Allow a bare UUID (many API keys are UUIDs; a password never is). */
  allowUuid?: boolean;
  /** Password mode: shorter values, must mix letters with digits or symbols, no hashes or UUIDs. */
  password?: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^[0-9a-f]+$/i;
const CODE_START =
  /^(?:this|self|window|document|globalThis|process|import|require|new|function|return|typeof|void|null|undefined|true|false|NaN|Infinity|async|await)(?![A-Za-z0-9_$])/;
const PROPERTY_PATH = /^[A-Za-z_$][\w$]{0,64}(?:\.[A-Za-z_$][\w$]{0,64}){1,8}$/;
const URLISH = /^(?:[a-z][a-z0-9+.-]{1,15}:|\/\/|\.{0,2}\/)|:\/\//i;
const FILE_EXTENSION = /\.(?:js|mjs|cjs|ts|tsx|jsx|css|scss|less|png|jpe?g|gif|svg|webp|ico|json|html?|map|woff2?|ttf|eot|txt|md|xml|ya?ml|php|aspx?)$/i;
const VERSIONISH = /^v?\d{1,4}(?:\.\d{1,6}){1,3}(?:[-+][\w.-]{0,40})?$/;
const DATEISH = /^\d{4}-\d{2}-\d{2}(?:[T ][\d:.]{0,20}Z?)?$/;
const CSS_COLOR = /^#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** Substrings that a random credential practically never contains but code and UI text often do. */
const STOPWORDS = [
  'password', 'passwd', 'secret', 'token', 'bearer', 'apikey', 'api_key', 'api-key', 'undefined', 'function',
  'object', 'string', 'number', 'boolean', 'default', 'required', 'optional', 'invalid', 'confirm', 'enter',
  'login', 'logout', 'signin', 'signup', 'submit', 'cancel', 'button', 'input', 'label', 'value', 'field',
  'error', 'warning', 'message', 'config', 'options', 'params', 'header', 'content', 'localhost', 'example',
  'test1234', 'admin', 'letmein', 'welcome', 'hunter', 'abc123', '123456', 'qwerty', 'iloveyou', 'monkey',
  'dragon', 'master', 'access', 'session', 'cookie', 'storage', 'client', 'server', 'public', 'private',
];

function classes(value: string): { lower: boolean; upper: boolean; digit: boolean; symbol: boolean; count: number } {
  const lower = /[a-z]/.test(value);
  const upper = /[A-Z]/.test(value);
  const digit = /[0-9]/.test(value);
  const symbol = /[^A-Za-z0-9]/.test(value);
  return { lower, upper, digit, symbol, count: Number(lower) + Number(upper) + Number(digit) + Number(symbol) };
}

/** Share of adjacent letter pairs that switch case: ~0.5 for random mixed case, low for camelCase words. */
function caseSwitchRate(value: string): number {
  let pairs = 0;
  let switches = 0;
  for (let i = 1; i < value.length; i++) {
    const a = value[i - 1]!;
    const b = value[i]!;
    const aLetter = /[A-Za-z]/.test(a);
    const bLetter = /[A-Za-z]/.test(b);
    if (!aLetter || !bLetter) continue;
    pairs++;
    if ((a >= 'a') !== (b >= 'a')) switches++;
  }
  return pairs === 0 ? 0 : switches / pairs;
}

/** Letters only, shaped like words or identifiers: `tokenInputList`, `Password`, `token-input-list`. */
function isWordy(value: string): boolean {
  if (/[0-9]/.test(value)) return false;
  const letters = value.replace(/[^A-Za-z]/g, '');
  if (letters.length === 0) return true;
  // camelCase / PascalCase / snake words: most letters sit in humps of three or more (`maxRequestBodySize`).
  const humps = value.match(/[A-Z]?[a-z]+|[A-Z]+(?![a-z])/g) ?? [];
  const inWords = humps.filter((hump) => hump.length >= 3).reduce((sum, hump) => sum + hump.length, 0);
  if (inWords / letters.length >= 0.8) return true;
  // Mixed case that switches often is random, not words.
  if (letters.length >= 16 && caseSwitchRate(letters) >= 0.3) return false;
  return true;
}

/** Identifier-like or code-like: dropped whatever the name says. */
export function isCodeLike(value: string): boolean {
  if (CODE_START.test(value)) return true;
  if (PROPERTY_PATH.test(value) && !/[0-9].{0,3}[0-9]/.test(value)) return true;
  if (/^[A-Za-z_$][\w$]{0,64}\(/.test(value)) return true;
  if (/\$\{|`|\|\||&&|=>/.test(value)) return true;
  // javascript-obfuscator identifiers: `_0x3f2a1b`.
  if (/^_0x[0-9a-f]{2,8}$/i.test(value)) return true;
  return false;
}

/** Why `value` is not a plausible credential literal, or undefined when it is. */
export function implausibleValueReason(value: string, gate: ValueGate = {}): string | undefined {
  const minLength = gate.minLength ?? (gate.password ? 8 : 12);
  const maxLength = gate.maxLength ?? 512;
  if (value.length < minLength) return 'too short';
  if (value.length > maxLength) return 'too long';
  if (isPlaceholder(value)) return 'placeholder';
  if (isCodeLike(value)) return 'code';
  if (URLISH.test(value) || FILE_EXTENSION.test(value)) return 'url or path';
  if (VERSIONISH.test(value) || DATEISH.test(value) || CSS_COLOR.test(value)) return 'version, date or colour';
  if (/^[0-9]+$/.test(value)) return 'number';
  if (/\s/.test(value)) return 'whitespace';
  const lower = value.toLowerCase();
  for (const word of STOPWORDS) if (lower.includes(word)) return `stopword "${word}"`;
  if (UUID.test(value)) return gate.allowUuid && !gate.password ? undefined : 'uuid';
  if (HEX.test(value)) {
    if (gate.password) return 'hex digest';
    if (!gate.allowHex) return 'hex digest';
  }
  const mix = classes(value);
  if (gate.password) {
    // A password literal mixes letters with digits or symbols; a lone word is a label.
    if (!(mix.lower || mix.upper) || !(mix.digit || mix.symbol)) return 'single character class';
    if (isWordy(value)) return 'words';
    if (/^[a-z]+(?:[-_.][a-z0-9]+){1,8}$/.test(value)) return 'identifier';
    const entropy = shannonEntropy(value);
    if (entropy < (gate.minEntropy ?? 2.5)) return 'low entropy';
    return undefined;
  }
  if (isWordy(value)) return 'words';
  if (mix.count < 2) return 'single character class';
  // snake/kebab identifiers with a version digit: `token-input-list2`, `api_key_v2`.
  if (/^[a-z]{2,}(?:[-_.][a-z0-9]{1,}){1,8}$/.test(value) && (value.match(/[0-9]/g)?.length ?? 0) < 3) return 'identifier';
  const entropy = shannonEntropy(value);
  const threshold = gate.minEntropy ?? (value.length >= 20 ? 3.3 : 3.0);
  if (entropy < threshold) return 'low entropy';
  return undefined;
}

export function isPlausibleValue(value: string, gate: ValueGate = {}): boolean {
  return implausibleValueReason(value, gate) === undefined;
}

/** The whole regex match, lower-cased: lets a validator see the name the value was assigned to. */
export function matchedText(context: MatchContext): string {
  return context.match[0].toLowerCase();
}

/** True when the value sits on a loopback or private-network host in the matched text. */
export function isLocalHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h.endsWith('.localhost') ||
    h.endsWith('.local') ||
    h === '::1' ||
    h === '0.0.0.0' ||
    h === 'host.docker.internal' ||
    /^127\./.test(h) ||
    /^10\./.test(h) ||
    /^192\.168\./.test(h) ||
    /^172\.(?:1[6-9]|2\d|3[01])\./.test(h)
  );
}

/** Hosts reserved for documentation (RFC 2606 / 6761) and common tutorial stand-ins. */
export function isExampleHost(host: string): boolean {
  const h = host.toLowerCase();
  return (
    /(?:^|\.)example\.(?:com|org|net)$/.test(h) ||
    /\.(?:example|test|invalid)$/.test(h) ||
    /(?:^|\.)(?:your|my)[-_]?(?:host|server|domain|cluster|db|database)(?:\.|$)/.test(h) ||
    /^(?:host|hostname|server|domain|dbhost|db_host)$/.test(h)
  );
}

/** A validator that drops implausible values and otherwise reports verdict 'unknown'. */
export function plausibleValue(gate: ValueGate = {}): (secret: string, context: MatchContext) => ValidationResult {
  return (secret) => (isPlausibleValue(secret, gate) ? { verdict: 'unknown' } : { verdict: 'invalid' });
}
