/** Braintree (PayPal): API access tokens and tokenization keys (public by design). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const braintreeAccessToken: Rule = {
  id: 'braintree-access-token',
  title: 'Braintree production access token',
  provider: 'Braintree',
  category: 'payment',
  keywords: ['access_token$production$'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Braintree access token (as used by the PayPal/Braintree SDKs) acts on the production merchant account: it creates transactions, refunds and reads customer payment data.',
  remediation:
    'Revoke the token (Braintree Control Panel > Settings > API, or revoke the PayPal app\'s access), issue a new one, and keep it on your server; the browser gets only client tokens or a tokenization key.',
  samples: {
    positives: ['BRAINTREE_ACCESS_TOKEN=access_token$production${{alnumlower:16}}${{hex:32}}', 'new braintree.BraintreeGateway({accessToken:"access_token$production${{alnumlower:16}}${{hex:32}}"})'],
    negatives: ['access_token$production${{alnumlower:16}}${{hex:20}}', 'access_token$production$<merchant>$<token>'],
  },
};

export const braintreeSandboxAccessToken: Rule = {
  id: 'braintree-sandbox-access-token',
  title: 'Braintree sandbox access token',
  provider: 'Braintree',
  category: 'payment',
  keywords: ['access_token$sandbox$'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>access_token\$sandbox\$[0-9a-z]{16}\$[0-9a-f]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description: 'A Braintree sandbox access token moves no real money, but it shows server credentials are being shipped to the browser.',
  remediation: 'Revoke it in the sandbox Control Panel and keep access tokens on the server.',
  samples: {
    positives: ['BRAINTREE_ACCESS_TOKEN=access_token$sandbox${{alnumlower:16}}${{hex:32}}', '"access_token$sandbox${{alnumlower:16}}${{hex:32}}"'],
    negatives: ['access_token$sandbox$abc$def', 'access_token$sandbox${{alnumlower:16}}${{hex:31}}'],
  },
};

export const braintreeTokenizationKey: Rule = {
  id: 'braintree-tokenization-key',
  title: 'Braintree tokenization key',
  provider: 'Braintree',
  category: 'payment',
  keywords: ['production_', 'sandbox_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>(?:production|sandbox)_[a-z0-9]{8}_[a-z0-9]{16})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('sandbox_') ? { verdict: 'unknown', exposure: 'test', title: 'Braintree sandbox tokenization key' } : { verdict: 'unknown' },
  ),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Braintree tokenization key is public by design: Drop-in and Hosted Fields use it to tokenize payment methods, and it cannot create transactions. It is safe while transactions are created and amounts decided on your server.',
  remediation: 'Nothing to hide; keep transaction creation on the server and rotate the key in the Control Panel if it is abused for card testing.',
  samples: {
    positives: ['braintree.dropin.create({authorization:"production_{{alnumlower:8}}_{{alnumlower:16}}",container:"#dropin"})', 'BT_TOKENIZATION_KEY=sandbox_{{alnumlower:8}}_{{alnumlower:16}}'],
    negatives: ['production_{{alnumlower:8}}_{{alnumlower:10}}', 'const production_database_url_host_name="x"', 'sandbox_xxxxxxxx_xxxxxxxxxxxxxxxx'],
  },
};
