/**
 * Sentry: DSNs (public by design: browsers need them to send events), legacy DSNs carrying a secret key,
 * and auth tokens (`sntrys_` organization tokens, `sntryu_` user tokens, legacy 64-hex tokens).
 */
import { decodeBase64Bytes } from '../../decode.ts';
import type { Rule, ValidationResult } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

const TOKEN_REMEDIATION =
  'Revoke the token in Sentry (Settings → Auth Tokens, or Organization → Developer Settings → Organization Tokens) and keep it in CI secrets: source-map uploads belong in the build, not in the shipped bundle.';

export const sentryDsn: Rule = {
  id: 'sentry-dsn',
  title: 'Sentry DSN',
  provider: 'Sentry',
  category: 'observability',
  keywords: ['sentry', 'dsn'],
  pattern:
    /(?<![A-Za-z0-9+.-])(?<secret>https?:\/\/[a-f0-9]{32}@[A-Za-z0-9.-]{1,253}(?::\d{1,5})?\/(?:[A-Za-z0-9_.-]{1,64}\/){0,3}\d{1,19})(?![0-9A-Za-z])/,
  maxLength: 400,
  // Judge the public key only: org and project ids are plain numbers.
  validate: (dsn) => (isPlaceholder(/\/\/([a-f0-9]{32})@/.exec(dsn)?.[1] ?? '') ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Sentry DSN is meant to be embedded in client code: it only lets clients submit events to one project. It stays harmless while the project has inbound filters, rate limits and (for browser projects) an allowed-domains list, so others cannot flood your quota with junk events.',
  remediation:
    'No rotation needed. In the project’s Client Keys settings set a rate limit, and in Security & Privacy restrict Allowed Domains to your own origins.',
  samples: {
    positives: [
      'Sentry.init({dsn:"https://{{hex:32}}@o{{digits:6}}.ingest.us.sentry.io/{{digits:16}}",tracesSampleRate:.1})',
      'SENTRY_DSN=https://{{hex:32}}@sentry.{{lower:8}}.com/{{digits:2}}',
    ],
    negatives: [
      'dsn:"https://{{hex:32}}:{{hex:32}}@o{{digits:6}}.ingest.sentry.io/{{digits:7}}"',
      'dsn:"https://{{hex:20}}@o{{digits:6}}.ingest.sentry.io/{{digits:7}}"',
      'dsn:"https://examplePublicKey@o0.ingest.sentry.io/0"',
    ],
  },
};

export const sentryDsnSecret: Rule = {
  id: 'sentry-dsn-secret',
  title: 'Sentry DSN with secret key',
  provider: 'Sentry',
  category: 'observability',
  keywords: ['sentry', 'dsn'],
  pattern:
    /(?<![A-Za-z0-9+.-])https?:\/\/[a-f0-9]{32}:(?<secret>[a-f0-9]{32})@[A-Za-z0-9.-]{1,253}(?::\d{1,5})?\/(?:[A-Za-z0-9_.-]{1,64}\/){0,3}\d{1,19}(?![0-9A-Za-z])/,
  maxLength: 400,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'This legacy-format DSN carries the client key’s secret part, which older Sentry servers and SDKs use to authenticate server-side event submission. Unlike the public key it was never meant to leave the server.',
  remediation:
    'Revoke this client key under Project Settings → Client Keys (DSN), create a new one, and give browsers the DSN without a secret part.',
  samples: {
    positives: ['raven.config("https://{{hex:32}}:{{hex:32}}@sentry.io/{{digits:6}}").install()', 'SENTRY_DSN=https://{{hex:32}}:{{hex:32}}@o{{digits:5}}.ingest.sentry.io/{{digits:7}}'],
    negatives: ['dsn:"https://{{hex:32}}@o{{digits:6}}.ingest.sentry.io/{{digits:7}}"', 'https://{{hex:32}}:{{hex:20}}@sentry.io/1'],
  },
};

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `sntrys_` + base64(JSON with iat, url, region_url, org) + `_` + secret. */
function validateOrgToken(token: string): ValidationResult {
  const body = token.slice('sntrys_'.length);
  const cut = body.lastIndexOf('_');
  if (cut <= 0) return { verdict: 'invalid' };
  const bytes = decodeBase64Bytes(body.slice(0, cut));
  if (!bytes) return { verdict: 'invalid' };
  try {
    const claims: unknown = JSON.parse(utf8.decode(bytes));
    if (claims === null || typeof claims !== 'object') return { verdict: 'invalid' };
    const { org, url, region_url: regionUrl } = claims as Record<string, unknown>;
    const details: Record<string, string> = {};
    if (typeof org === 'string') details.organization = org.slice(0, 80);
    if (typeof url === 'string') details.url = url.slice(0, 200);
    if (typeof regionUrl === 'string') details.regionUrl = regionUrl.slice(0, 200);
    return { verdict: 'valid', details };
  } catch {
    return { verdict: 'invalid' };
  }
}

function orgTokenSample(gen: { alnum(n: number): string; base64(n: number): string }): string {
  const claims = btoa(JSON.stringify({ iat: 1700000000.1, url: 'https://sentry.io', region_url: 'https://us.sentry.io', org: `org-${gen.alnum(6).toLowerCase()}` }));
  return `sntrys_${claims.replace(/=+$/, '')}_${gen.base64(43).replace(/\+/g, 'A')}`;
}

export const sentryOrgAuthToken: Rule = {
  id: 'sentry-org-auth-token',
  title: 'Sentry organization auth token',
  provider: 'Sentry',
  category: 'observability',
  keywords: ['sntrys_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sntrys_eyJ[A-Za-z0-9+/]{20,600}={0,2}_[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/_=])/,
  maxLength: 700,
  minEntropy: 4.0,
  validate: validateOrgToken,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Sentry organization auth token uploads releases and source maps for the organization (the organization and region were decoded offline). With it anyone can read your unminified source via uploaded artifacts or overwrite them.',
  remediation: TOKEN_REMEDIATION,
  samples: {
    positives: [(gen) => `SENTRY_AUTH_TOKEN=${orgTokenSample(gen)}`, (gen) => `{"authToken":"${orgTokenSample(gen)}"}`],
    negatives: ['sntrys_eyJ{{alnum:40}}', (gen) => `sntrys_eyJ${gen.alnum(60)}_${gen.alnum(43)}`],
  },
};

export const sentryUserAuthToken: Rule = {
  id: 'sentry-user-auth-token',
  title: 'Sentry user auth token',
  provider: 'Sentry',
  category: 'observability',
  keywords: ['sntryu_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sntryu_[a-f0-9]{64})(?![A-Za-z0-9_])/,
  maxLength: 80,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Sentry user auth token acts as its user on the Sentry API with the scopes it was given: reading events (with their request data and user details), changing projects, managing members.',
  remediation: TOKEN_REMEDIATION,
  samples: {
    positives: ['SENTRY_AUTH_TOKEN=sntryu_{{hex:64}}', 'headers:{Authorization:"Bearer sntryu_{{hex:64}}"}'],
    negatives: ['sntryu_{{hex:40}}', 'sntryu_{{upper:64}}'],
  },
};

export const sentryLegacyAuthToken: Rule = {
  id: 'sentry-legacy-auth-token',
  title: 'Sentry auth token (legacy format)',
  provider: 'Sentry',
  category: 'observability',
  keywords: ['sentry_auth_token', 'sentryauthtoken', 'sentry-auth-token', 'sentry_token', 'sentry_api_token'],
  pattern: /sentry[_-]?(?:auth|api)?[_-]?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{64})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Sentry auth token (64 hex characters, the format before prefixed tokens) acts on the Sentry API with its scopes: reading events, uploading or deleting release artifacts, changing projects.',
  remediation: TOKEN_REMEDIATION,
  samples: {
    positives: ['SENTRY_AUTH_TOKEN={{hex:64}}', '{sentryAuthToken:"{{hex:64}}"}'],
    negatives: ['SENTRY_AUTH_TOKEN={{hex:40}}', 'SENTRY_RELEASE={{hex:64}}'],
  },
};
