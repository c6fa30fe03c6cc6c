/** Checkout.com: secret keys (`sk_…`, `sk_sbox_…`, legacy UUID form) and public keys (public by design). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

/** Current keys: 26 base32 characters and a checksum character; legacy keys: a UUID. */
const BODY = String.raw`(?:[a-z2-7]{26}[a-z2-7*#$=]|(?:test_)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})`;

const sandbox = (secret: string) => secret.includes('_sbox_') || secret.includes('_test_');

export const checkoutComSecretKey: Rule = {
  id: 'checkout-com-secret-key',
  title: 'Checkout.com secret key',
  provider: 'Checkout.com',
  category: 'payment',
  keywords: ['sk_sbox_', 'checkout.com', 'checkoutcom', 'cko-', 'cko_'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>sk_(?:sbox_)?${BODY})(?![A-Za-z0-9_*#$=-])`),
  minEntropy: 3.5,
  validate: rejectPlaceholders((secret) =>
    sandbox(secret) ? { verdict: 'unknown', exposure: 'test', title: 'Checkout.com sandbox secret key' } : { verdict: 'unknown' },
  ),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Checkout.com secret key requests payments, captures, refunds and payouts, and reads payment details for the account.',
  remediation:
    'Revoke the key in the Checkout.com Dashboard (Developers > Keys), keep secret keys on your server, and give Frames or Flow only the public key.',
  samples: {
    positives: ['// api.checkout.com\nCKO_SECRET_KEY=sk_{{chars:abcdefghijklmnopqrstuvwxyz234567:26}}x', 'const cko=new Checkout("sk_sbox_{{chars:abcdefghijklmnopqrstuvwxyz234567:26}}#");'],
    negatives: ['// checkout.com\nKEY=sk_{{chars:abcdefghijklmnopqrstuvwxyz234567:20}}', 'sk_sbox_<secret-key>', 'const k="sk_{{chars:abcdefghijklmnopqrstuvwxyz234567:26}}x";'],
  },
};

export const checkoutComPublicKey: Rule = {
  id: 'checkout-com-public-key',
  title: 'Checkout.com public key',
  provider: 'Checkout.com',
  category: 'payment',
  keywords: ['pk_sbox_', 'checkout.com', 'checkoutcom', 'frames.init', 'cko-', 'cko_'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>pk_(?:sbox_)?${BODY})(?![A-Za-z0-9_*#$=-])`),
  minEntropy: 3.5,
  validate: rejectPlaceholders((secret) =>
    sandbox(secret) ? { verdict: 'unknown', exposure: 'test', title: 'Checkout.com sandbox public key' } : { verdict: 'unknown' },
  ),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Checkout.com public key is public by design: Frames and Flow use it to tokenize cards in the browser. It is safe while payments are requested from your server with the secret key.',
  remediation: 'Nothing to hide; keep payment requests and the secret key on your server.',
  samples: {
    positives: ['Frames.init("pk_{{chars:abcdefghijklmnopqrstuvwxyz234567:26}}q");', 'Frames.init({publicKey:"pk_sbox_{{chars:abcdefghijklmnopqrstuvwxyz234567:26}}="})'],
    negatives: ['Frames.init("pk_sbox_<public-key>")', 'const p="pk_{{chars:abcdefghijklmnopqrstuvwxyz234567:26}}q";'],
  },
};
