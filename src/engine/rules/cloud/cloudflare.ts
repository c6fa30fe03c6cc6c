/**
 * Cloudflare: API tokens (legacy 40-character and the scannable `cfut_`/`cfat_`/`cfk_` format), the
 * Global API Key, Origin CA keys, and Turnstile site keys (public) and secret keys.
 */
import type { MatchContext, Rule, ValidationResult } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

const API_REMEDIATION =
  'Roll or delete the credential in the Cloudflare dashboard (My Profile > API Tokens, or the account\'s API Tokens page), review the audit log, and call the Cloudflare API only from your backend with a token scoped to the zones and permissions it needs.';

export const cloudflareApiToken: Rule = {
  id: 'cloudflare-api-token',
  title: 'Cloudflare API token',
  provider: 'Cloudflare',
  category: 'cloud',
  keywords: ['cloudflare', 'cf_api_token', 'cf-api-token', 'cf_token', 'cfapitoken'],
  // Legacy tokens are 40 characters with no prefix: they need a Cloudflare name in front of them.
  pattern:
    /(?:cloudflare|\bcf)[_-]?(?:api[_-]?|account[_-]?|user[_-]?)?token["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Cloudflare API token acts on the zones and accounts it was scoped to: DNS records, WAF rules, Workers and caches can all be changed with it.',
  remediation: API_REMEDIATION,
  samples: {
    positives: ['CLOUDFLARE_API_TOKEN={{base64url:40}}', 'const cf={cfApiToken:"{{alnum:40}}"};'],
    negatives: ['CLOUDFLARE_API_TOKEN={{alnum:39}}', 'CLOUDFLARE_API_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'cloudflare_zone_id = "{{hex:32}}"'],
  },
};

function scannableKind(secret: string): ValidationResult {
  if (isPlaceholder(secret)) return { verdict: 'invalid' };
  if (secret.startsWith('cfk_')) return { verdict: 'unknown', title: 'Cloudflare Global API Key', details: { keyType: 'global API key' } };
  if (secret.startsWith('cfat_')) return { verdict: 'unknown', title: 'Cloudflare account API token', details: { keyType: 'account API token' } };
  return { verdict: 'unknown', title: 'Cloudflare user API token', details: { keyType: 'user API token' } };
}

export const cloudflareScannableToken: Rule = {
  id: 'cloudflare-scannable-token',
  title: 'Cloudflare API credential',
  provider: 'Cloudflare',
  category: 'cloud',
  keywords: ['cfut_', 'cfat_', 'cfk_'],
  // Prefix, 40 random characters and a checksum.
  pattern: /(?<![A-Za-z0-9_])(?<secret>cf(?:ut|at|k)_[A-Za-z0-9]{40,64})(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: scannableKind,
  severity: 'critical',
  exposure: 'secret',
  description:
    'Cloudflare API credentials in the prefixed format: a user or account API token acts within its scopes, and a Global API Key (`cfk_`) has full access to everything the user can do.',
  remediation: API_REMEDIATION,
  samples: {
    positives: ['CLOUDFLARE_API_TOKEN=cfut_{{alnum:48}}', 'headers:{Authorization:`Bearer cfat_{{alnum:46}}`}', 'X-Auth-Key: cfk_{{alnum:48}}'],
    negatives: ['cfut_{{alnum:20}}', 'xcfut_{{alnum:48}}', 'cfut_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const cloudflareGlobalApiKey: Rule = {
  id: 'cloudflare-global-api-key',
  title: 'Cloudflare Global API Key',
  provider: 'Cloudflare',
  category: 'cloud',
  keywords: ['cloudflare', 'x-auth-key', 'cf_api_key', 'cf-api-key', 'cf_key', 'cfapikey'],
  pattern:
    /(?:x-auth-key|(?:cloudflare|\bcf)[_-]?(?:global[_-]?)?(?:api[_-]?)?key)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[a-f0-9]{37})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'The Cloudflare Global API Key has every permission of the user on every account and zone they can reach, and it cannot be scoped down.',
  remediation:
    'View and roll the Global API Key in My Profile > API Tokens (rolling invalidates the old one), then move integrations to scoped API tokens used only from your backend.',
  samples: {
    positives: ['headers:{"X-Auth-Email":"ops@demo.test","X-Auth-Key":"{{hex:37}}"}', 'CLOUDFLARE_GLOBAL_API_KEY={{hex:37}}'],
    negatives: ['CLOUDFLARE_GLOBAL_API_KEY={{hex:36}}', 'CLOUDFLARE_API_KEY={{hex:40}}', 'X-Auth-Key: {{alnum:37}}'],
  },
};

export const cloudflareOriginCaKey: Rule = {
  id: 'cloudflare-origin-ca-key',
  title: 'Cloudflare Origin CA key',
  provider: 'Cloudflare',
  category: 'cloud',
  keywords: ['v1.0-'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>v1\.0-[a-f0-9]{24}-[a-f0-9]{146})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Origin CA key issues and revokes Cloudflare Origin CA certificates for the user\'s zones: enough to mint certificates that Cloudflare trusts for your origins.',
  remediation: 'Regenerate the Origin CA key in My Profile > API Tokens, and keep certificate automation on the server.',
  samples: {
    positives: ['CF_ORIGIN_CA_KEY=v1.0-{{hex:24}}-{{hex:146}}', '"X-Auth-User-Service-Key": "v1.0-{{hex:24}}-{{hex:146}}"'],
    negatives: ['v1.0-{{hex:24}}-{{hex:100}}', 'version:"v1.0-beta"'],
  },
};

/** Cloudflare publishes always-pass/always-fail Turnstile keys for tests; they start with 1x–3x. */
export const cloudflareTurnstileSiteKey: Rule = {
  id: 'cloudflare-turnstile-site-key',
  title: 'Cloudflare Turnstile site key',
  provider: 'Cloudflare',
  category: 'cloud',
  keywords: ['0x4aaaaaaa'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>0x4AAAAAAA[A-Za-z0-9_-]{12,16})(?![A-Za-z0-9_-])/,
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Turnstile site key is public by design: it renders the challenge widget in the page. It is safe as long as its hostname allow-list is restricted and the matching secret key stays on your server.',
  remediation: 'Nothing to hide: check the widget\'s allowed hostnames in the Cloudflare dashboard (Turnstile > Settings) and verify tokens server-side with the secret key.',
  samples: {
    positives: ['<div class="cf-turnstile" data-sitekey="0x4AAAAAAA{{base64url:14}}"></div>', 'turnstile.render("#w",{sitekey:"0x4AAAAAAA{{alnum:14}}"})'],
    negatives: ['data-sitekey="1x00000000000000000000AA"', 'data-sitekey="0x4AAAAAAA{{alnum:25}}"'],
  },
};

function turnstileSecret(secret: string, _context: MatchContext): ValidationResult {
  return isPlaceholder(secret.slice(10)) ? { verdict: 'invalid' } : { verdict: 'unknown' };
}

export const cloudflareTurnstileSecretKey: Rule = {
  id: 'cloudflare-turnstile-secret-key',
  title: 'Cloudflare Turnstile secret key',
  provider: 'Cloudflare',
  category: 'cloud',
  keywords: ['0x4aaaaaaa'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>0x4AAAAAAA[A-Za-z0-9_-]{23,27})(?![A-Za-z0-9_-])/,
  validate: turnstileSecret,
  severity: 'high',
  exposure: 'secret',
  description:
    'The Turnstile secret key verifies challenge tokens on your server (siteverify). In the page it lets others validate tokens as your site and shows server secrets are reaching the browser.',
  remediation: 'Rotate the secret key in the Cloudflare dashboard (Turnstile > your widget > Rotate secret key) and call siteverify only from your backend.',
  samples: {
    positives: ['TURNSTILE_SECRET_KEY=0x4AAAAAAA{{base64url:25}}', 'body:JSON.stringify({secret:"0x4AAAAAAA{{alnum:25}}",response:t})'],
    negatives: ['TURNSTILE_SECRET_KEY=1x0000000000000000000000000000000AA', 'data-sitekey="0x4AAAAAAA{{alnum:14}}"'],
  },
};
