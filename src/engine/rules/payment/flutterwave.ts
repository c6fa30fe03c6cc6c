/** Flutterwave v3: secret keys (`FLWSECK-…-X`), test secret keys and public keys. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const flutterwaveSecretKey: Rule = {
  id: 'flutterwave-secret-key',
  title: 'Flutterwave live secret key',
  provider: 'Flutterwave',
  category: 'payment',
  keywords: ['flwseck-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWSECK-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Flutterwave live secret key charges cards, makes transfers and refunds, and reads every transaction of the account.',
  remediation:
    'Regenerate the API keys in the Flutterwave Dashboard (Settings > API keys), keep the secret key on the server, and give the browser only the public key.',
  samples: {
    positives: ['FLW_SECRET_KEY=FLWSECK-{{hex:32}}-X', 'headers:{Authorization:"Bearer FLWSECK-{{hex:32}}-X"}'],
    negatives: ['FLWSECK-{{hex:20}}-X', 'FLWSECK-{{hex:32}}', 'FLWSECK_TEST-{{hex:32}}-X'],
  },
};

export const flutterwaveTestSecretKey: Rule = {
  id: 'flutterwave-test-secret-key',
  title: 'Flutterwave test secret key',
  provider: 'Flutterwave',
  category: 'payment',
  keywords: ['flwseck_test-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWSECK_TEST-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description: 'A Flutterwave test secret key moves no real money, but shows secret keys are reaching the browser.',
  remediation: 'Regenerate the test keys and keep every secret key out of client code.',
  samples: {
    positives: ['FLW_SECRET_KEY=FLWSECK_TEST-{{hex:32}}-X', '"FLWSECK_TEST-{{hex:32}}-X"'],
    negatives: ['FLWSECK_TEST-{{hex:31}}-X', 'FLWSECK_TEST-<secret>-X'],
  },
};

export const flutterwavePublicKey: Rule = {
  id: 'flutterwave-public-key',
  title: 'Flutterwave public key',
  provider: 'Flutterwave',
  category: 'payment',
  keywords: ['flwpubk'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>FLWPUBK(?:_TEST)?-[0-9a-fA-F]{32}-X)(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('FLWPUBK_TEST') ? { verdict: 'unknown', exposure: 'test', title: 'Flutterwave test public key' } : { verdict: 'unknown' },
  ),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Flutterwave public key is public by design: Inline checkout needs it. It is safe while every payment is verified on your server with the secret key before value is given.',
  remediation: 'Nothing to hide; verify transactions server-side (`/transactions/:id/verify`).',
  samples: {
    positives: ['FlutterwaveCheckout({public_key:"FLWPUBK-{{hex:32}}-X",tx_ref:r,amount:a})', 'public_key:"FLWPUBK_TEST-{{hex:32}}-X"'],
    negatives: ['FLWPUBK-{{hex:32}}', 'FLWPUBK-<public-key>-X'],
  },
};
