/**
 * Stripe: live and test secret keys, restricted keys, publishable keys (public by design) and webhook
 * signing secrets. Paystack uses the same `sk_live_`/`pk_live_` prefixes with 40 lower-case hex
 * characters; that exact shape is left to the Paystack rules so one key is never reported twice, and
 * Clerk keys (same prefixes) are left to the Clerk rules.
 */
import { decodeBase64Bytes } from '../../decode.ts';
import type { MatchContext, Rule, ValidationResult } from '../../types.ts';
import { isPlaceholder } from '../../validators/placeholder.ts';

const SECRET_REMEDIATION =
  'Roll the key now in the Stripe Dashboard (Developers > API keys > Roll key), review recent API requests and events for misuse, and keep secret keys on your server; the browser needs only the publishable key (`pk_live_…`).';

/** Not the Paystack shape: exactly 40 lower-case hex characters. */
const NOT_PAYSTACK = String.raw`(?![0-9a-f]{40}(?![A-Za-z0-9]))`;

/**
 * Clerk keys share these prefixes too: a Clerk publishable key is base64 of its Frontend API host plus
 * `$`, and a Clerk secret key is named as such. Both are left to the Clerk rules.
 */
function isClerkPublishableKey(secret: string): boolean {
  const bytes = decodeBase64Bytes(secret.replace(/^pk_(?:live|test)_/, ''));
  if (!bytes || bytes.length === 0 || bytes[bytes.length - 1] !== 0x24) return false;
  for (const byte of bytes) if (byte < 0x21 || byte > 0x7e) return false;
  return true;
}

/** The name the value is assigned to (back to the previous `,` `;` `{` `(` or line break) mentions Clerk. */
function namedForClerk(context: MatchContext): boolean {
  const before = context.text.slice(Math.max(0, context.index - 80), context.index);
  const name = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf('{'), before.lastIndexOf('('), before.lastIndexOf('\n')) + 1);
  return /clerk/i.test(name);
}

function validateStripeKey(secret: string, context: MatchContext): ValidationResult {
  if (isPlaceholder(secret)) return { verdict: 'invalid' };
  if (secret.startsWith('pk_') ? isClerkPublishableKey(secret) : namedForClerk(context)) return { verdict: 'invalid' };
  return { verdict: 'unknown' };
}

export const stripeSecretKey: Rule = {
  id: 'stripe-secret-key',
  title: 'Stripe live secret key',
  provider: 'Stripe',
  category: 'payment',
  keywords: ['sk_live_'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>sk_live_${NOT_PAYSTACK}[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])`),
  minEntropy: 3.5,
  validate: validateStripeKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Stripe live secret key has full access to the account: it creates charges and refunds, reads customers and payment data, and moves payouts. In the browser, anyone can copy it.',
  remediation: SECRET_REMEDIATION,
  samples: {
    positives: [
      'const stripe=Stripe("sk_live_51{{alnum:97}}");',
      'STRIPE_SECRET_KEY=sk_live_{{alnum:24}}',
      '{"apiKey":"sk_live_{{alnum:99}}"}',
      '{clerkPublishableKey:"pk_test_abc",stripeSecretKey:"sk_live_{{alnum:99}}"}',
    ],
    negatives: [
      'sk_live_{{alnum:10}}',
      'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
      'STRIPE_SECRET_KEY=sk_live_{{hex:40}}',
      'const key = "sk_live_" + process.env.KEY',
      'ask_live_{{alnum:24}}',
      'CLERK_SECRET_KEY=sk_live_{{alnum:40}}',
      '{clerkSecretKey:"sk_live_{{alnum:42}}"}',
    ],
  },
};

export const stripeRestrictedKey: Rule = {
  id: 'stripe-restricted-key',
  title: 'Stripe live restricted key',
  provider: 'Stripe',
  category: 'payment',
  keywords: ['rk_live_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rk_live_[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: validateStripeKey,
  severity: 'high',
  exposure: 'secret',
  description:
    'A Stripe restricted key acts on the live account with the permissions chosen for it; depending on them it reads customer data or creates charges and refunds.',
  remediation:
    'Roll or delete the restricted key in the Stripe Dashboard (Developers > API keys), and use restricted keys only from servers; the browser needs only the publishable key.',
  samples: {
    positives: ['STRIPE_RESTRICTED_KEY=rk_live_51{{alnum:97}}', 'new Stripe("rk_live_{{alnum:24}}")'],
    negatives: ['rk_live_{{alnum:12}}', 'rk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'rk_live_<restricted-key>'],
  },
};

export const stripeTestSecretKey: Rule = {
  id: 'stripe-test-secret-key',
  title: 'Stripe test-mode secret key',
  provider: 'Stripe',
  category: 'payment',
  keywords: ['sk_test_', 'rk_test_'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>[sr]k_test_${NOT_PAYSTACK}[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])`),
  minEntropy: 3.5,
  validate: validateStripeKey,
  severity: 'low',
  exposure: 'test',
  description:
    'A Stripe test-mode secret key moves no real money, but it reads and writes the account\'s test data and shows that secret keys are being bundled for the browser; the live key may follow the same path.',
  remediation:
    'Roll the test key in the Stripe Dashboard, and fix the build so no secret key (test or live) reaches client code; the browser needs only the publishable key.',
  samples: {
    positives: ['STRIPE_SECRET_KEY=sk_test_51{{alnum:97}}', 'Stripe("rk_test_{{alnum:24}}")'],
    negatives: ['sk_test_{{alnum:10}}', 'sk_test_{{hex:40}}', 'sk_test_xxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const stripePublishableKey: Rule = {
  id: 'stripe-publishable-key',
  title: 'Stripe live publishable key',
  provider: 'Stripe',
  category: 'payment',
  keywords: ['pk_live_'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>pk_live_${NOT_PAYSTACK}[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])`),
  minEntropy: 3.5,
  validate: validateStripeKey,
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'A Stripe publishable key is public by design: Stripe.js needs it to tokenize cards and confirm payments, and it cannot read data or move money. It is safe as long as the secret key stays on the server and your backend decides amounts.',
  remediation: 'Nothing to hide. Make sure the matching secret key is not in the page too, and enable Radar rules against card testing.',
  samples: {
    positives: ['const stripe=Stripe("pk_live_51{{alnum:97}}");', '<form data-stripe-key="pk_live_{{alnum:24}}">'],
    negatives: [
      'pk_live_{{alnum:10}}',
      'pk_live_{{hex:40}}',
      'pk_live_YOUR_PUBLISHABLE_KEY',
      // A Clerk publishable key: base64 of its Frontend API host and `$`.
      (gen) => `publishableKey="pk_live_${btoa(`clerk.${gen.alnum(8).toLowerCase()}.com$`).replace(/=+$/, '')}"`,
    ],
  },
};

export const stripeTestPublishableKey: Rule = {
  id: 'stripe-test-publishable-key',
  title: 'Stripe test-mode publishable key',
  provider: 'Stripe',
  category: 'payment',
  keywords: ['pk_test_'],
  pattern: new RegExp(String.raw`(?<![A-Za-z0-9_])(?<secret>pk_test_${NOT_PAYSTACK}[A-Za-z0-9]{20,247})(?![A-Za-z0-9_])`),
  minEntropy: 3.5,
  validate: validateStripeKey,
  severity: 'info',
  exposure: 'test',
  description:
    'A Stripe test-mode publishable key: public by design and moving no real money. On a production site it usually means checkout is still pointed at test mode.',
  remediation: 'Nothing to hide; on production, check that the site uses the live publishable key and a live-mode backend.',
  samples: {
    positives: ['Stripe("pk_test_51{{alnum:97}}")', 'NEXT_PUBLIC_STRIPE_KEY=pk_test_{{alnum:24}}'],
    negatives: ['pk_test_{{alnum:8}}', 'pk_test_{{hex:40}}', 'pk_test_xxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const stripeWebhookSecret: Rule = {
  id: 'stripe-webhook-secret',
  title: 'Webhook signing secret (Stripe or Svix)',
  provider: 'Stripe',
  category: 'payment',
  keywords: ['whsec_'],
  // Stripe endpoint secrets and Svix-style secrets (Svix, Clerk, Resend) share the `whsec_` prefix.
  pattern: /(?<![A-Za-z0-9_])(?<secret>whsec_[A-Za-z0-9+/]{24,100}={0,2})(?![A-Za-z0-9_+/=])/,
  minEntropy: 3.5,
  validate: (secret) => (isPlaceholder(secret) ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A webhook signing secret is how your server knows an event really came from Stripe (or Svix). With it anyone can forge `payment_intent.succeeded` or similar events that your backend will trust.',
  remediation:
    'Roll the endpoint\'s signing secret (Stripe Dashboard > Developers > Webhooks > your endpoint > Roll secret; Svix: rotate the endpoint secret) and keep it in server configuration only.',
  samples: {
    positives: ['STRIPE_WEBHOOK_SECRET=whsec_{{alnum:32}}', 'const wh=new Webhook("whsec_{{base64:43}}=");', 'endpointSecret="whsec_{{hex:64}}"'],
    negatives: ['whsec_{{alnum:10}}', 'whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'whsec_...'],
  },
};
