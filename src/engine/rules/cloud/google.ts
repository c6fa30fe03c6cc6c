/**
 * Google Cloud and Google APIs: API keys (`AIza…`, public by design for Firebase and Maps, billed secrets
 * for Gemini), OAuth client ids and secrets, OAuth access and refresh tokens, service-account key files.
 */
import type { MatchContext, Rule, ValidationResult } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

function around(context: MatchContext, radius: number): string {
  return context.text.slice(Math.max(0, context.index - radius), context.index + radius).toLowerCase();
}

const GEMINI_CONTEXT =
  /generativelanguage\.googleapis\.com|@google\/(?:generative-ai|genai)|googlegenerativeai|gemini[-_ ]?(?:api[-_ ]?key|[0-9]|pro|flash|ultra|nano)|geminiapikey/;
const FIREBASE_CONTEXT = /firebaseapp\.com|firebaseio\.com|authdomain|messagingsenderid|storagebucket|firebase/;
const MAPS_CONTEXT = /maps\.googleapis\.com|maps\/api\/js|google\.maps|places_api|mapsapikey|maps_api_key/;

/** What an `AIza` key is used for decides whether it is public by design. */
function classifyGoogleApiKey(secret: string, context: MatchContext): ValidationResult {
  if (isPlaceholder(secret)) return { verdict: 'invalid' };
  const nearby = around(context, 600);
  if (FIREBASE_CONTEXT.test(nearby) && !/generativelanguage\.googleapis\.com/.test(nearby)) {
    return {
      verdict: 'unknown',
      title: 'Firebase web API key (public by design)',
      details: { usedFor: 'firebase' },
      note: 'This is a Firebase web config key: it identifies the project, and security comes from Firebase Security Rules and App Check, not from hiding it.',
    };
  }
  if (GEMINI_CONTEXT.test(nearby)) {
    return {
      verdict: 'unknown',
      exposure: 'secret',
      severity: 'critical',
      title: 'Google AI (Gemini) API key',
      details: { usedFor: 'gemini' },
      note: 'It is used with the Gemini API, which bills every request to the key owner: unlike a Maps or Firebase key it is not meant for the browser.',
    };
  }
  if (MAPS_CONTEXT.test(nearby)) {
    return { verdict: 'unknown', title: 'Google Maps API key (public by design)', details: { usedFor: 'maps' } };
  }
  return { verdict: 'unknown' };
}

export const googleApiKey: Rule = {
  id: 'google-api-key',
  title: 'Google API key',
  provider: 'Google',
  category: 'cloud',
  keywords: ['aiza'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: classifyGoogleApiKey,
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'Google API keys (Firebase web apiKey, Maps JavaScript API) are meant to ship to the browser; they are safe only with API restrictions (an HTTP-referrer allow-list and an allow-list of the APIs the key may call) and, for Firebase, App Check. An unrestricted key lets anyone spend your quota on every enabled API.',
  remediation:
    'In Google Cloud console > APIs & Services > Credentials, restrict the key to your site\'s referrers and to only the APIs it needs; enable Firebase App Check. Never use a browser key for Gemini or other billed server APIs: call those from your backend with a separate, server-only key.',
  samples: {
    positives: [
      'const firebaseConfig={apiKey:"AIza{{base64url:35}}",authDomain:"demo-app.firebaseapp.com",projectId:"demo-app"};',
      '<script src="https://maps.googleapis.com/maps/api/js?key=AIza{{base64url:35}}&callback=initMap"></script>',
      'const genAI=new GoogleGenerativeAI("AIza{{base64url:35}}");',
    ],
    negatives: [
      'apiKey:"AIza{{base64url:34}}"',
      'apiKey:"AIza{{base64url:36}}"',
      'var k="xAIza{{base64url:35}}"',
      'apiKey:"AIzaxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"',
      'apiKey: process.env.GOOGLE_API_KEY',
    ],
  },
};

export const googleOAuthClientSecret: Rule = {
  id: 'google-oauth-client-secret',
  title: 'Google OAuth client secret',
  provider: 'Google',
  category: 'cloud',
  keywords: ['gocspx-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Google OAuth client secret proves to Google that a token request comes from your server. In the browser it lets anyone impersonate your app in the authorization-code exchange and phish your users with your consent screen.',
  remediation:
    'Reset the secret in Google Cloud console > APIs & Services > Credentials, do the code exchange on your backend, and use PKCE without a secret for browser-only clients.',
  samples: {
    positives: ['{"client_id":"1234.apps.googleusercontent.com","client_secret":"GOCSPX-{{base64url:28}}"}', 'GOOGLE_CLIENT_SECRET=GOCSPX-{{alnum:28}}'],
    negatives: ['client_secret:"GOCSPX-{{alnum:27}}"', 'client_secret:"GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'client_secret:"GOCSPX-<your-secret>"'],
  },
};

export const googleOAuthClientId: Rule = {
  id: 'google-oauth-client-id',
  title: 'Google OAuth client ID',
  provider: 'Google',
  category: 'cloud',
  keywords: ['apps.googleusercontent.com'],
  pattern: /(?<![A-Za-z0-9-])(?<secret>\d{6,14}-[a-z0-9]{32}\.apps\.googleusercontent\.com)(?![A-Za-z0-9-])/,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Google OAuth client ID is public by design (Sign in with Google needs it in the page). It is safe as long as its authorized JavaScript origins and redirect URIs are limited to your own domains and its client secret stays on the server.',
  remediation:
    'Nothing to hide: review the client\'s authorized origins and redirect URIs in Google Cloud console > Credentials, and make sure no client secret ships with it.',
  samples: {
    positives: [
      'google.accounts.id.initialize({client_id:"{{digits:12}}-{{alnumlower:32}}.apps.googleusercontent.com",callback:cb})',
      '<meta name="google-signin-client_id" content="{{digits:12}}-{{alnumlower:32}}.apps.googleusercontent.com">',
    ],
    negatives: ['client_id:"123-abc.apps.googleusercontent.com"', 'client_id:"YOUR_CLIENT_ID.apps.googleusercontent.com"'],
  },
};

/** A service-account key file is only a credential when its private key is there too. */
function validateServiceAccount(secret: string, context: MatchContext): ValidationResult {
  const start = Math.max(0, context.index - 4000);
  const nearby = context.text.slice(start, context.index + 6000);
  if (!/private_key\\?["']?\s{0,4}:\s{0,4}\\?["']-----BEGIN/.test(nearby)) return { verdict: 'invalid' };
  if (isPlaceholder(secret)) return { verdict: 'invalid' };
  const details: Record<string, string> = { privateKeyId: `${secret.slice(0, 6)}…` };
  const email = /client_email\\?["']?\s{0,4}:\s{0,4}\\?["']([A-Za-z0-9._%+-]{1,100}@[A-Za-z0-9.-]{1,100}\.iam\.gserviceaccount\.com)/.exec(nearby);
  if (email) details.clientEmail = email[1]!;
  const project = /project_id\\?["']?\s{0,4}:\s{0,4}\\?["']([a-z][a-z0-9-]{3,40})/.exec(nearby);
  if (project) details.projectId = project[1]!;
  return { verdict: 'valid', details };
}

export const googleServiceAccountKey: Rule = {
  id: 'google-service-account-key',
  title: 'Google Cloud service account key',
  provider: 'Google',
  category: 'cloud',
  keywords: ['service_account'],
  // The key file's private_key_id names the key in IAM; the private key itself follows it.
  pattern:
    /["']?type\\?["']?\s{0,4}:\s{0,4}\\?["']service_account\\?["'][\s\S]{0,400}?private_key_id\\?["']?\s{0,4}:\s{0,4}\\?["'](?<secret>[0-9a-f]{40})\\?["']/,
  maxLength: 800,
  validate: validateServiceAccount,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A service-account key file holds a private key that signs in as that service account, with every IAM role it has, until the key is deleted. Keys never expire by default.',
  remediation:
    'Delete the key in Google Cloud console > IAM > Service accounts > Keys, check Cloud Audit Logs for its use, and keep service-account credentials on the server (or use Workload Identity Federation instead of key files).',
  samples: {
    positives: [
      '{"type": "service_account","project_id": "demo-{{lower:6}}","private_key_id": "{{hex:40}}","private_key": "-----BEGIN PRIVATE KEY-----\\n{{base64:64}}\\n-----END PRIVATE KEY-----\\n","client_email": "svc@demo-proj.iam.gserviceaccount.com"}',
      'const creds={type:"service_account",project_id:"demo-{{lower:6}}",private_key_id:"{{hex:40}}",private_key:"-----BEGIN PRIVATE KEY-----\\n{{base64:64}}\\n-----END PRIVATE KEY-----\\n"};',
    ],
    negatives: [
      '{"type": "service_account","project_id": "demo","private_key_id": "{{hex:40}}","client_email": "svc@demo.iam.gserviceaccount.com"}',
      '{"type": "authorized_user","private_key_id": "{{hex:40}}","private_key": "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----"}',
      '{"type": "service_account","private_key_id": "{{hex:39}}","private_key": "-----BEGIN PRIVATE KEY-----\\nAAAA\\n-----END PRIVATE KEY-----"}',
    ],
  },
};

export const googleOAuthAccessToken: Rule = {
  id: 'google-oauth-access-token',
  title: 'Google OAuth access token',
  provider: 'Google',
  category: 'cloud',
  keywords: ['ya29.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>ya29\.[0-9A-Za-z_-]{20,2000})(?![A-Za-z0-9_-])/,
  maxLength: 2100,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  // Short-lived (about an hour) and expected in apps that call Google APIs from the page; placement
  // raises it to high in URLs, Referer, cleartext and persistent storage.
  severity: 'medium',
  exposure: 'secret',
  description:
    'A Google OAuth access token calls Google APIs as the user who granted it, with its scopes, for about an hour. It is expected in Authorization headers of apps that call Google from the page, but not in URLs, logs or long-lived storage.',
  remediation:
    'Send it only in the Authorization header over HTTPS, keep it in memory rather than localStorage or URLs, request the narrowest scopes, and revoke it at https://oauth2.googleapis.com/revoke if it leaked.',
  samples: {
    positives: ['Authorization: Bearer ya29.a0{{base64url:150}}', 'https://www.googleapis.com/drive/v3/files?access_token=ya29.{{base64url:120}}'],
    negatives: ['ya29.{{base64url:10}}', 'token="ya29.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'Xya29.{{base64url:40}}'],
  },
};

export const googleOAuthRefreshToken: Rule = {
  id: 'google-oauth-refresh-token',
  title: 'Google OAuth refresh token',
  provider: 'Google',
  category: 'cloud',
  keywords: ['1//0'],
  pattern: /(?<![A-Za-z0-9_/-])(?<secret>1\/\/0[0-9A-Za-z_-]{40,300})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Google OAuth refresh token mints new access tokens for the user\'s account, with the granted scopes, until it is revoked: it is a long-lived credential that belongs on a server.',
  remediation:
    'Revoke it (https://myaccount.google.com/permissions or the token revocation endpoint), keep refresh tokens server-side, and give the browser only short-lived access tokens.',
  samples: {
    positives: ['{"refresh_token":"1//0{{base64url:100}}","token_type":"Bearer"}', 'GOOGLE_REFRESH_TOKEN=1//0g{{base64url:90}}'],
    negatives: ['refresh_token:"1//0{{base64url:20}}"', 'https://x.example/1//0{{base64url:60}}', 'refresh_token:"1//0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
  },
};
