/**
 * Paystack: secret and public keys. They share Stripe's `sk_live_`/`pk_live_` prefixes but are always 40
 * lower-case hex characters, a shape Stripe keys never have; the Stripe rules skip it.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const paystackSecretKey: Rule = {
  id: 'paystack-secret-key',
  title: 'Paystack live secret key',
  provider: 'Paystack',
  category: 'payment',
  keywords: ['sk_live_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sk_live_[0-9a-f]{40})(?![A-Za-z0-9_])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Paystack live secret key (the `sk_live_` + 40 hex shape; Stripe keys never look like this) charges customers, issues refunds and transfers, and reads every transaction on the integration.',
  remediation:
    'Generate new API keys in the Paystack Dashboard (Settings > API Keys & Webhooks), keep the secret key on your server, and give the browser only the public key (`pk_live_…`) for Paystack Inline/Popup.',
  samples: {
    positives: ['PAYSTACK_SECRET_KEY=sk_live_{{hex:40}}', 'headers:{Authorization:"Bearer sk_live_{{hex:40}}"}'],
    negatives: ['sk_live_{{hex:39}}', 'sk_live_{{alnum:99}}', 'sk_live_0000000000000000000000000000000000000000'],
  },
};

export const paystackTestSecretKey: Rule = {
  id: 'paystack-test-secret-key',
  title: 'Paystack test secret key',
  provider: 'Paystack',
  category: 'payment',
  keywords: ['sk_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sk_test_[0-9a-f]{40})(?![A-Za-z0-9_])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description:
    'A Paystack test secret key moves no real money, but it exposes the integration\'s test data and shows secret keys are reaching the browser.',
  remediation: 'Regenerate the test keys in the Paystack Dashboard and keep every secret key out of client code.',
  samples: {
    positives: ['PAYSTACK_SECRET_KEY=sk_test_{{hex:40}}', 'Authorization: Bearer sk_test_{{hex:40}}'],
    negatives: ['sk_test_{{hex:30}}', 'sk_test_{{alnum:24}}'],
  },
};

export const paystackPublicKey: Rule = {
  id: 'paystack-public-key',
  title: 'Paystack public key',
  provider: 'Paystack',
  category: 'payment',
  keywords: ['pk_live_', 'pk_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pk_(?:live|test)_[0-9a-f]{40})(?![A-Za-z0-9_])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('pk_test_') ? { verdict: 'unknown', exposure: 'test', severity: 'info', title: 'Paystack test public key' } : { verdict: 'unknown' },
  ),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Paystack public key is public by design: Paystack Inline and Popup need it to start a checkout. It is safe as long as your server verifies every transaction with the secret key before giving value.',
  remediation: 'Nothing to hide; verify transactions server-side (`/transaction/verify`) and keep the secret key off the page.',
  samples: {
    positives: ['PaystackPop.setup({key:"pk_live_{{hex:40}}",email:e,amount:a})', 'const paystack={key:"pk_test_{{hex:40}}"};'],
    negatives: ['pk_live_{{alnum:99}}', 'pk_live_{{hex:20}}'],
  },
};
