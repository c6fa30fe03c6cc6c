/** Square: access tokens (`EAAA…`, legacy `sq0atp-`), OAuth secrets, sandbox credentials, application IDs. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Revoke the token in the Square Developer Dashboard (your application > Credentials, or revoke the OAuth authorization), and call Square APIs only from your server; the Web Payments SDK needs only the application ID and location ID.';

export const squareAccessToken: Rule = {
  id: 'square-access-token',
  title: 'Square access token',
  provider: 'Square',
  category: 'payment',
  keywords: ['eaaa'],
  // Exactly 64 characters; Meta/Facebook tokens also start with EAA but are much longer.
  pattern: /(?<![A-Za-z0-9_-])(?<secret>EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Square access token (personal or OAuth) takes payments, issues refunds and reads customers, orders and payouts of the seller account. Square sandbox tokens share this prefix; treat any of them as a server secret.',
  remediation: REMEDIATION,
  samples: {
    positives: ['SQUARE_ACCESS_TOKEN=EAAA{{base64url:60}}', 'new Client({accessToken:"EAAA{{alnum:60}}",environment:"production"})'],
    negatives: ['EAAA{{alnum:40}}', 'fb_token="EAAB{{alnum:60}}"', 'EAAA{{alnum:150}}'],
  },
};

export const squareLegacyAccessToken: Rule = {
  id: 'square-legacy-access-token',
  title: 'Square access token (legacy format)',
  provider: 'Square',
  category: 'payment',
  keywords: ['sq0atp-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sq0atp-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A legacy Square production access token: it takes payments and reads the seller\'s customers and transactions.',
  remediation: REMEDIATION,
  samples: {
    positives: ['SQUARE_TOKEN=sq0atp-{{base64url:22}}', 'Authorization: Bearer sq0atp-{{alnum:22}}'],
    negatives: ['sq0atp-{{alnum:10}}', 'sq0atp-xxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const squareOAuthSecret: Rule = {
  id: 'square-oauth-secret',
  title: 'Square OAuth application secret',
  provider: 'Square',
  category: 'payment',
  keywords: ['sq0csp-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sq0csp-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Square OAuth application secret exchanges authorization codes and refresh tokens for sellers\' access tokens: with it, anyone can act as your app for every seller who authorized it.',
  remediation: 'Replace the application secret in the Square Developer Dashboard (OAuth page) and do the code exchange on your server.',
  samples: {
    positives: ['SQUARE_APPLICATION_SECRET=sq0csp-{{base64url:43}}', 'client_secret:"sq0csp-{{alnum:43}}"'],
    negatives: ['sq0csp-{{alnum:30}}', 'sq0csp-{{alnum:50}}'],
  },
};

export const squareSandboxCredential: Rule = {
  id: 'square-sandbox-credential',
  title: 'Square sandbox credential',
  provider: 'Square',
  category: 'payment',
  keywords: ['sandbox-sq0atb-', 'sandbox-sq0csb-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sandbox-sq0(?:atb-[A-Za-z0-9_-]{22}|csb-[A-Za-z0-9_-]{43}))(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description: 'A Square sandbox access token or application secret: no real money, but server credentials are reaching the browser.',
  remediation: 'Rotate it in the Square Developer Dashboard (sandbox credentials) and keep tokens on the server.',
  samples: {
    positives: ['SQUARE_TOKEN=sandbox-sq0atb-{{base64url:22}}', 'secret:"sandbox-sq0csb-{{alnum:43}}"'],
    negatives: ['sandbox-sq0atb-{{alnum:12}}', 'sandbox-sq0idb-{{alnum:22}}'],
  },
};

export const squareApplicationId: Rule = {
  id: 'square-application-id',
  title: 'Square application ID',
  provider: 'Square',
  category: 'payment',
  keywords: ['sq0idp-', 'sq0idb-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>(?:sandbox-)?sq0id[pb]-[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Square application ID is public by design: the Web Payments SDK needs it (with a location ID) to tokenize cards. It is safe while payments are created on your server with the access token.',
  remediation: 'Nothing to hide; keep the access token and payment creation on the server.',
  samples: {
    positives: ['const payments=Square.payments("sq0idp-{{base64url:22}}","L{{alnumupper:12}}");', 'appId:"sandbox-sq0idb-{{alnum:22}}"'],
    negatives: ['sq0idp-{{alnum:10}}', 'sq0idp-<application-id>'],
  },
};
