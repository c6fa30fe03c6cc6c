/** Mapbox access tokens: public (`pk.`, public by design), secret (`sk.`) and temporary (`tk.`). */
import { decodeBase64Bytes } from '../../decode.ts';
import type { Rule, SampleGenerator, ValidationResult } from '../../types.ts';

/** The middle part is base64url JSON `{"u":"<username>","a":"<token id>"}`. */
function decodeMapboxToken(secret: string): ValidationResult {
  const payload = secret.split('.')[1] ?? '';
  const bytes = decodeBase64Bytes(payload);
  if (!bytes) return { verdict: 'invalid' };
  let claims: unknown;
  try {
    claims = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { verdict: 'invalid' };
  }
  if (claims === null || typeof claims !== 'object' || typeof (claims as { u?: unknown }).u !== 'string') return { verdict: 'invalid' };
  return { verdict: 'valid', details: { username: String((claims as { u: string }).u).slice(0, 80) } };
}

function token(gen: SampleGenerator, prefix: string): string {
  const payload = btoa(JSON.stringify({ u: `demo-${gen.chars('abcdefghijklmnopqrstuvwxyz', 6)}`, a: gen.alnum(25) }))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  return `${prefix}.${payload}.${gen.base64url(22)}`;
}

const PATTERN_BODY = String.raw`\.eyJ[A-Za-z0-9_-]{10,400}\.[A-Za-z0-9_-]{16,40})(?![A-Za-z0-9_.-])`;

export const mapboxPublicToken: Rule = {
  id: 'mapbox-public-token',
  title: 'Mapbox public access token',
  provider: 'Mapbox',
  category: 'cloud',
  keywords: ['pk.eyj'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_.-])(?<secret>pk` + PATTERN_BODY),
  validate: decodeMapboxToken,
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'A Mapbox public token (`pk.`) is meant for the browser (Mapbox GL JS needs it). It is safe only with URL restrictions set on the token, so other sites cannot run up your map-load bill with it, and with only public scopes.',
  remediation:
    'Nothing to hide: add URL restrictions to the token at https://account.mapbox.com/access-tokens, give it only public scopes, and use a separate token per app so one can be rotated alone.',
  samples: {
    positives: [(gen) => `mapboxgl.accessToken="${token(gen, 'pk')}";`, (gen) => `https://api.mapbox.com/styles/v1/mapbox/streets-v12/tiles/1/0/0?access_token=${token(gen, 'pk')}`],
    negatives: [(gen) => `mapboxgl.accessToken="pk.eyJ${gen.alnum(40)}.${gen.base64url(22)}"`, 'mapboxgl.accessToken="pk.eyJ1IjoiZGVtbyJ9"'],
  },
};

export const mapboxSecretToken: Rule = {
  id: 'mapbox-secret-token',
  title: 'Mapbox secret access token',
  provider: 'Mapbox',
  category: 'cloud',
  keywords: ['sk.eyj'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_.-])(?<secret>sk` + PATTERN_BODY),
  validate: decodeMapboxToken,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Mapbox secret token (`sk.`) carries secret scopes: uploading and deleting tilesets and styles, listing and creating tokens, reading account data. It must never reach the browser.',
  remediation:
    'Delete the token at https://account.mapbox.com/access-tokens, use it only on your server or in CI, and give the browser a URL-restricted public token instead.',
  samples: {
    positives: [(gen) => `MAPBOX_SECRET_TOKEN=${token(gen, 'sk')}`, (gen) => `fetch("https://api.mapbox.com/uploads/v1/demo?access_token=${token(gen, 'sk')}")`],
    negatives: [(gen) => `MAPBOX_SECRET_TOKEN=sk.eyJ${gen.alnum(40)}.${gen.base64url(22)}`, (gen) => `task.eyJ${token(gen, 'sk').slice(6)}`],
  },
};

export const mapboxTemporaryToken: Rule = {
  id: 'mapbox-temporary-token',
  title: 'Mapbox temporary access token',
  provider: 'Mapbox',
  category: 'cloud',
  keywords: ['tk.eyj'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_.-])(?<secret>tk` + PATTERN_BODY),
  validate: decodeMapboxToken,
  severity: 'low',
  exposure: 'secret',
  description:
    'A Mapbox temporary token (`tk.`) is minted by a secret token for at most an hour, possibly with secret scopes. Short-lived, but it still acts with the scopes it was given until it expires.',
  remediation: 'Mint temporary tokens with only the scopes the browser needs and the shortest expiry, and never mint them with secret scopes for page use.',
  samples: {
    positives: [(gen) => `const t="${token(gen, 'tk')}";`, (gen) => `?access_token=${token(gen, 'tk')}`],
    negatives: [(gen) => `const t="tk.eyJ${gen.alnum(40)}.${gen.base64url(22)}";`, 'tk.eyJ1'],
  },
};
