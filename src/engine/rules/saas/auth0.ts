/** Auth0 application client secrets. Management API tokens are JWTs (jwt rule). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const auth0ClientSecret: Rule = {
  id: 'auth0-client-secret',
  title: 'Auth0 client secret',
  provider: 'Auth0',
  category: 'saas',
  keywords: ['auth0'],
  pattern:
    /(?:auth0[_-]?(?:client[_-]?|app[_-]?|m2m[_-]?|management[_-]?)?secret\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|\.auth0\.com\\?["'`][\s\S]{0,200}?client_?secret\\?["'`]?\s{0,3}[:=]\s{0,3}\\?["'`])(?<secret>[A-Za-z0-9_-]{48,96})(?![A-Za-z0-9_-])/i,
  minEntropy: 4.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Auth0 client secret lets anyone authenticate as the application: exchanging authorization codes, and for machine-to-machine apps obtaining Management API tokens that can read and change every user.',
  remediation:
    'Rotate the secret in the Auth0 dashboard (Applications → Settings → Rotate), and use a Single Page Application with PKCE in the browser, which needs no client secret.',
  samples: {
    positives: ['AUTH0_CLIENT_SECRET={{base64url:64}}', 'new AuthenticationClient({domain:"{{lower:8}}.us.auth0.com",clientId:"{{alnum:32}}",clientSecret:"{{base64url:64}}"})'],
    negatives: ['AUTH0_CLIENT_SECRET=<client secret>', 'createAuth0Client({domain:"x.auth0.com",clientId:"{{alnum:32}}"})', 'AUTH0_CLIENT_ID={{alnum:32}}'],
  },
};
