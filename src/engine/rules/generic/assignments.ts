/**
 * Generic assignment rules: a credential-sounding name (`client_secret`, `apiKey`, `password`…) given a
 * literal value, in minified JS (`{apiKey:"…"}`, `a.clientSecret="…"`), JSON, `.env` lines, YAML, HTML
 * attributes, HTTP headers and query strings. They are the noisiest rules there are, so every match must
 * pass the value gates in validators/assigned-value.ts (random-looking literal, no placeholder, no code,
 * no UI label, no path), and any specific provider rule on the same span wins (`generic: true`).
 */
import type { MatchContext, Rule, RuleSamples, Severity, ValidationResult } from '../../types.ts';
import { isPlausibleValue, type ValueGate } from '../../validators/assigned-value.ts';

/** Name, then the closing quote of a quoted name, then `:`, `=`, `=>`, `:=`, or `,` between two string arguments. */
const OPERATOR = String.raw`\\?["'\x60]?\s{0,3}(?:=>|:=|[:=]|(?<=["'\x60])\s{0,2},(?=\s{0,3}\\?["'\x60]))\s{0,3}`;
/** Optional opening quote (also JSON-in-a-string `\"`), remembered to require the same closing quote. */
const VALUE_START = String.raw`(?<q>\\?["'\x60]?)`;
/** After the value: the closing quote, or for unquoted values a delimiter. */
const VALUE_END = String.raw`\k<q>(?:(?<=["'\x60])|(?=[\s&;,)}\]<>#|"'\x60]|\\[nrt]|$))`;
/** Characters of token-like values: base64(url), hex, dotted and tilde tokens. No `$`, braces or spaces. */
const TOKEN_CHARS = String.raw`[A-Za-z0-9_\-+/=.~]`;
/** Password literals may hold most printable symbols. */
const PASSWORD_CHARS = String.raw`[A-Za-z0-9_\-+/=.~!@#%^*?:;,()\[\]|$&]`;

/**
 * `.env` / YAML / header lines (also inside a string literal) and query strings: the places where an
 * unquoted value is a value. Anywhere else in code an unquoted value is an expression (`e`, `t.apiKey`).
 */
export function isLineOrQueryContext(context: MatchContext): boolean {
  const start = context.match.index;
  const before = context.text.slice(Math.max(0, start - 80), start);
  return (
    /(?:^|[\n\r"'\x60])[ \t]{0,40}(?:export[ \t]{1,4}|-[ \t]{1,4})?[A-Za-z0-9_.-]{0,60}$/.test(before) ||
    /[?&;][A-Za-z0-9_.-]{0,60}$/.test(before) ||
    /(?:^|[\n\r])[ \t]{0,40}(?:export[ \t]{1,4})?$/.test(before)
  );
}

export function assignedValueValidator(gate: ValueGate): NonNullable<Rule['validate']> {
  return (secret, context): ValidationResult => {
    const quoted = (context.match.groups?.q ?? '') !== '';
    if (!quoted && !isLineOrQueryContext(context)) return { verdict: 'invalid' };
    if (!quoted && /[;,)\]]$/.test(secret)) return { verdict: 'invalid' };
    return isPlausibleValue(secret, gate) ? { verdict: 'unknown' } : { verdict: 'invalid' };
  };
}

interface AssignmentRuleSpec {
  id: string;
  title: string;
  /** Regex source of the names, matched case-insensitively. */
  names: string;
  keywords: string[];
  gate: ValueGate;
  severity: Severity;
  description: string;
  remediation: string;
  samples: RuleSamples;
  /** Regex source of one value character. */
  valueChars?: string;
  /** Regex source checked at the value's start (e.g. not a PEM block). */
  valueGuard?: string;
  maxValueLength?: number;
}

function assignmentRule(spec: AssignmentRuleSpec): Rule {
  const min = spec.gate.minLength ?? (spec.gate.password ? 8 : 12);
  const max = spec.maxValueLength ?? 256;
  const chars = spec.valueChars ?? TOKEN_CHARS;
  return {
    id: spec.id,
    title: spec.title,
    provider: 'Generic',
    category: 'generic',
    keywords: spec.keywords,
    pattern: new RegExp(
      `(?:${spec.names})${OPERATOR}${VALUE_START}${spec.valueGuard ?? ''}(?<secret>${chars}{${min},${max}})${VALUE_END}`,
      'i',
    ),
    maxLength: 80 + max,
    validate: assignedValueValidator(spec.gate),
    severity: spec.severity,
    exposure: 'secret',
    description: spec.description,
    remediation: spec.remediation,
    generic: true,
    samples: spec.samples,
  };
}

const SECRET_REMEDIATION =
  'Revoke or rotate this secret with the service that issued it, then move the call that needs it to your server: anything shipped to the browser is public. Use the provider’s public or publishable credential (or a short-lived token minted by your backend) in front-end code.';
const TOKEN_REMEDIATION =
  'Revoke the token with the service that issued it. Don’t hard-code tokens in front-end code: have your backend issue short-lived tokens per user, keep them out of URLs and page-readable storage where you can, and refresh them server-side.';

/** Negatives that every assignment rule must ignore, with `NAME` replaced by a name the rule matches. */
function commonNegatives(name: string): string[] {
  return [
    `{${name}:e.${name}}`,
    `{${name}:""}`,
    `{${name}:null}`,
    `${name}:"YOUR_${name.toUpperCase()}_HERE"`,
    `${name}:"\${${name.toUpperCase()}}"`,
    `{${name}:process.env.${name.toUpperCase()}}`,
    `"${name}":"<${name}>"`,
    `this.${name}=t.${name}||""`,
    `{${name}:"xxxxxxxxxxxxxxxxxxxxxxxxxxxx"}`,
  ];
}

export const genericClientSecret = assignmentRule({
  id: 'generic-client-secret',
  title: 'OAuth client secret',
  names: String.raw`client[_-]?secret`,
  keywords: ['client_secret', 'clientsecret', 'client-secret'],
  gate: { minLength: 12, allowHex: true, allowUuid: true },
  severity: 'high',
  description:
    'An OAuth client secret authenticates your application to the authorization server. In front-end code it lets anyone impersonate the app: exchange stolen authorization codes, mint client-credentials tokens, or phish users under your app’s name.',
  remediation:
    'Rotate the client secret with the identity provider, keep the token exchange on your server, and make the browser a public client using the authorization code flow with PKCE (no secret).',
  samples: {
    positives: [
      '{clientId:"{{alnum:24}}",clientSecret:"{{base64url:40}}"}',
      'OAUTH_CLIENT_SECRET={{alnum:32}}',
      'fetch(`/oauth/token?grant_type=authorization_code&client_secret={{alnum:28}}&code=${c}`)',
      '"client_secret": "{{hex:32}}"',
      'a.clientSecret="{{alnum:20}}{{digits:4}}"',
    ],
    negatives: [...commonNegatives('clientSecret'), 'client_secret:"Client secret"', 'clientSecretLabel:"Enter the client secret"', 'client_secret=client_secret'],
  },
});

export const genericAppSecret = assignmentRule({
  id: 'generic-app-secret',
  title: 'Application secret',
  names: String.raw`app[_-]?secret`,
  keywords: ['app_secret', 'appsecret', 'app-secret'],
  gate: { minLength: 12, allowHex: true, allowUuid: true },
  severity: 'high',
  description:
    'An app secret is the server-side half of an application’s credentials (Meta, WeChat, many SDKs): whoever holds it can sign requests, mint app tokens or verify webhooks as your app.',
  remediation: SECRET_REMEDIATION,
  samples: {
    positives: ['{appId:"{{digits:15}}",appSecret:"{{hex:32}}"}', 'APP_SECRET={{base64url:32}}'],
    negatives: [...commonNegatives('appSecret'), 'appsecretProof:"{{hex:64}}"'],
  },
});

export const genericApiSecret = assignmentRule({
  id: 'generic-api-secret',
  title: 'API secret',
  names: String.raw`api[_-]?secret(?:[_-]?key)?`,
  keywords: ['api_secret', 'apisecret', 'api-secret'],
  gate: { minLength: 12, allowHex: true, allowUuid: true },
  severity: 'high',
  description:
    'An API secret is the private half of an API key pair, used to sign requests (HMAC) or authenticate servers. In the browser anyone can sign requests as you.',
  remediation: SECRET_REMEDIATION,
  samples: {
    positives: ['{apiKey:k,apiSecret:"{{base64:40}}"}', 'API_SECRET_KEY="{{alnum:32}}"', 'headers:{"X-Api-Secret":"{{hex:40}}"}'],
    negatives: [...commonNegatives('apiSecret'), 'apiSecretHeader:"X-Api-Secret"'],
  },
});

export const genericSecretKey = assignmentRule({
  id: 'generic-secret-key',
  title: 'Secret key',
  names: String.raw`secret[_-]?key`,
  keywords: ['secret_key', 'secretkey', 'secret-key'],
  gate: { minLength: 16, allowHex: true, allowUuid: true },
  severity: 'high',
  description:
    'A value named “secret key” signs sessions or tokens (Django, Flask, Rails `secret_key_base`, JWT HMAC keys) or authenticates to an API. Exposed, it lets anyone forge sessions or signed requests.',
  remediation: SECRET_REMEDIATION,
  samples: {
    positives: ['SECRET_KEY={{base64url:50}}', '{secretKey:"{{alnum:40}}"}', 'jwt.sign(p,{secret_key:"{{hex:64}}"})'],
    negatives: [...commonNegatives('secretKey'), 'secretKey:"secret-key"'],
  },
});

export const genericPrivateKey = assignmentRule({
  id: 'generic-private-key',
  title: 'Private key value',
  names: String.raw`private[_-]?key`,
  keywords: ['private_key', 'privatekey', 'private-key'],
  gate: { minLength: 32, allowHex: true },
  severity: 'high',
  // PEM blocks are the keys rules' job: not `-----BEGIN`.
  valueGuard: '(?!-)(?!0x0{8})',
  valueChars: String.raw`[A-Za-z0-9_+/=.~]`,
  maxValueLength: 512,
  description:
    'A value named “private key” that is not a PEM block: a raw signing key, a wallet private key (64 hex), or a base64 key. Whoever holds it can sign as its owner or move funds.',
  remediation: 'Treat the key as compromised: rotate it (or move funds to a new wallet), and sign on a server or in a hardware-backed key store, never in front-end code.',
  samples: {
    positives: ['{privateKey:"0x{{hex:64}}"}', 'PRIVATE_KEY={{base64:44}}'],
    negatives: [...commonNegatives('privateKey'), 'privateKey:"-----BEGIN PRIVATE KEY-----"', 'privateKeyPath:"./keys/server.pem"'],
  },
});

export const genericApiKey = assignmentRule({
  id: 'generic-api-key',
  title: 'API key',
  names: String.raw`api[_-]?key|x-api-key`,
  keywords: ['api_key', 'apikey', 'api-key'],
  gate: { minLength: 16, allowHex: true, allowUuid: true },
  severity: 'medium',
  description:
    'An API key assigned in code or configuration. Many are meant for browsers (restricted map or analytics keys), but many others grant full API access billed to you; this one matched no known provider, so check what it unlocks.',
  remediation:
    'Find the service that issued the key. If it is not meant to be public, revoke it and move the calls to your server; if it is, restrict it (allowed origins, referrers, APIs, quotas) in the provider’s console.',
  samples: {
    positives: [
      '{apiKey:"{{alnum:32}}"}',
      'headers:{"X-Api-Key":"{{base64url:40}}"}',
      'xhr.setRequestHeader("x-api-key","{{alnum:24}}{{digits:4}}")',
      'fetch("https://api.{{lower:8}}.com/v2/search?q="+q+"&api_key={{hex:32}}")',
      '<div id="app" data-api-key="{{alnum:28}}"></div>',
      'api_key: {{alnum:20}}{{digits:6}}',
    ],
    negatives: [
      ...commonNegatives('apiKey'),
      'apiKey:"YOUR_API_KEY"',
      'api_key:"${API_KEY}"',
      'apiKeyHeaderName:"x-api-key"',
      'placeholder:"Enter your API key"',
      '{apiKey:someConfigurationValue}',
      '{apiKey:_0x3f2a1b}',
      'apiKey:"api-key-input-field"',
      'apiKey:"1.2.3"',
    ],
  },
});

export const genericAccessToken = assignmentRule({
  id: 'generic-access-token',
  title: 'Access token',
  names: String.raw`access[_-]?token`,
  keywords: ['access_token', 'accesstoken', 'access-token'],
  gate: { minLength: 16, allowHex: true, allowUuid: true },
  severity: 'medium',
  description:
    'An access token is a bearer credential: whoever holds it acts as the user or app it was issued to until it expires. Hard-coded in a bundle or passed in a URL, it is readable by anyone.',
  remediation: TOKEN_REMEDIATION,
  samples: {
    positives: ['{accessToken:"{{base64url:40}}"}', 'fetch("/api/me?access_token={{alnum:32}}")', 'ACCESS_TOKEN={{hex:40}}'],
    negatives: [...commonNegatives('accessToken'), 'tokenType:"Bearer"', 'setToken(t)', 'accessTokenKey:"access_token"', 'accessToken:"access-token-storage-key"'],
  },
});

export const genericRefreshToken = assignmentRule({
  id: 'generic-refresh-token',
  title: 'Refresh token',
  names: String.raw`refresh[_-]?token`,
  keywords: ['refresh_token', 'refreshtoken', 'refresh-token'],
  gate: { minLength: 16, allowHex: true, allowUuid: true },
  severity: 'medium',
  description:
    'A refresh token mints new access tokens, usually for days or months: holding it is holding the session. It belongs in an HttpOnly cookie or on the server, never in code or URLs.',
  remediation: TOKEN_REMEDIATION,
  samples: {
    positives: ['{refreshToken:"{{base64url:48}}"}', 'grant_type=refresh_token&refresh_token={{alnum:40}}&client_id=x'],
    negatives: [...commonNegatives('refreshToken'), 'grant_type:"refresh_token"', 'refreshTokenUrl:"/oauth/refresh"'],
  },
});

export const genericAuthToken = assignmentRule({
  id: 'generic-auth-token',
  title: 'Auth token',
  names: String.raw`auth[_-]?token`,
  keywords: ['auth_token', 'authtoken', 'auth-token'],
  gate: { minLength: 16, allowHex: true, allowUuid: true },
  severity: 'medium',
  description:
    'An auth token authenticates API calls as whoever it was issued to (Twilio-style account tokens, session tokens). Hard-coded in front-end code, anyone can reuse it.',
  remediation: TOKEN_REMEDIATION,
  samples: {
    positives: ['{authToken:"{{hex:32}}"}', 'AUTH_TOKEN={{base64url:36}}', 'headers:{"X-Auth-Token":"{{alnum:30}}"}'],
    negatives: [...commonNegatives('authToken'), 'authTokenHeader:"X-Auth-Token"'],
  },
});

export const genericPassword = assignmentRule({
  id: 'generic-password',
  title: 'Hard-coded password',
  names: String.raw`pass(?:word|wd)|pwd`,
  keywords: ['password', 'passwd', 'pwd'],
  gate: { password: true, minLength: 8 },
  severity: 'medium',
  valueChars: PASSWORD_CHARS,
  maxValueLength: 64,
  description:
    'A literal password assigned in code or configuration. In a bundle or page it is readable by every visitor, and passwords are often reused for other systems.',
  remediation:
    'Change the password wherever it is used, remove it from front-end code and configuration, and let the server authenticate to whatever needed it.',
  samples: {
    positives: [
      '{username:"admin",password:"{{alnum:10}}{{digits:3}}!"}',
      'DB_PASSWORD={{alnum:12}}{{digits:2}}',
      '"password": "{{alnum:6}}#{{digits:4}}{{upper:2}}"',
      'login({user:"svc",pwd:"{{alnum:9}}{{digits:3}}"})',
    ],
    negatives: [
      ...commonNegatives('password'),
      'password:"Password"',
      'placeholder:"Enter your password"',
      '"passwordConfirmation":"Confirm password"',
      'password:"Passwort"',
      'password:"Mot de passe"',
      'showPassword:!0',
      'passwordRegex:"^(?=.*[A-Z]).{8,}$"',
      'type:"password",name:"password"',
      'password:"password123"',
      'password:"new-password"',
      'pwd:"current-password"',
      'password:"{{hex:64}}"',
    ],
  },
});
