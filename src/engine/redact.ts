/**
 * Masked previews: enough of a value to recognise it next to the key you hold, never enough to use.
 * A known prefix (`sk_live_`, `ghp_`, `AKIA`) is shown because it says what the key is; at most the
 * last four characters of the random part are shown, and none when the value is short.
 */

const KNOWN_PREFIX = /^(?:[a-z]{2,8}_(?:live|test|proj|pat|svcacct)?_?|[A-Z]{4}(?=[A-Z0-9]{12,})|[a-z]{2,5}-(?:proj-)?|eyJ|-----BEGIN [A-Z ]{3,40}-----|[a-z][a-z0-9+.-]{1,15}:\/\/)/;

export function maskSecret(raw: string): string {
  const value = raw.trim();
  if (value.length === 0) return '';
  const prefix = value.length >= 12 ? (KNOWN_PREFIX.exec(value)?.[0] ?? '') : '';
  const rest = value.length - prefix.length;
  if (rest < 12) {
    // Too little randomness left to reveal any of it.
    return `${prefix || value.slice(0, Math.min(2, Math.floor(value.length / 4)))}…(${value.length} chars)`;
  }
  return `${prefix}…${value.slice(-4)} (${value.length} chars)`;
}
