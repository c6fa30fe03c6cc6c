/** Razorpay: key IDs (`rzp_live_`, public by design in Checkout) and key secrets. */
import type { MatchContext, Rule, ValidationResult } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

export const razorpayKeyId: Rule = {
  id: 'razorpay-key-id',
  title: 'Razorpay live key ID',
  provider: 'Razorpay',
  category: 'payment',
  keywords: ['rzp_live_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rzp_live_[A-Za-z0-9]{14})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Razorpay key ID is public by design: Razorpay Checkout needs it in the page. It is safe while the key secret stays on the server and payments are verified there (signature check on `razorpay_signature`).',
  remediation: 'Nothing to hide; keep the key secret on the server and verify payment signatures there.',
  samples: {
    positives: ['const rzp=new Razorpay({key:"rzp_live_{{alnum:14}}",amount:50000});', 'RAZORPAY_KEY_ID=rzp_live_{{alnum:14}}'],
    negatives: ['rzp_live_{{alnum:10}}', 'rzp_live_xxxxxxxxxxxxxx'],
  },
};

export const razorpayTestKeyId: Rule = {
  id: 'razorpay-test-key-id',
  title: 'Razorpay test key ID',
  provider: 'Razorpay',
  category: 'payment',
  keywords: ['rzp_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rzp_test_[A-Za-z0-9]{14})(?![A-Za-z0-9_])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'test',
  description: 'A Razorpay test-mode key ID: public by design and moving no real money. On a production site it means Checkout still runs in test mode.',
  remediation: 'Nothing to hide; on production, switch Checkout to the live key ID.',
  samples: {
    positives: ['new Razorpay({key:"rzp_test_{{alnum:14}}"})', 'RAZORPAY_KEY_ID=rzp_test_{{alnum:14}}'],
    negatives: ['rzp_test_{{alnum:20}}', 'rzp_test_<key_id>'],
  },
};

function razorpaySecretMode(secret: string, context: MatchContext): ValidationResult {
  if (isPlaceholder(secret)) return { verdict: 'invalid' };
  const nearby = context.text.slice(Math.max(0, context.index - 400), context.index + 400);
  if (nearby.includes('rzp_test_') && !nearby.includes('rzp_live_')) {
    return { verdict: 'unknown', exposure: 'test', title: 'Razorpay test key secret' };
  }
  return { verdict: 'unknown' };
}

export const razorpayKeySecret: Rule = {
  id: 'razorpay-key-secret',
  title: 'Razorpay key secret',
  provider: 'Razorpay',
  category: 'payment',
  keywords: ['razorpay', 'rzp_live_', 'rzp_test_'],
  pattern: /(?:razorpay[_-]?)?(?:key[_-]?)?secret["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`](?<secret>[A-Za-z0-9]{24})["'`]/i,
  minEntropy: 3.8,
  validate: razorpaySecretMode,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Razorpay key secret, with its key ID, captures and refunds payments, creates payouts and reads every order; it also lets anyone forge the payment signatures your server checks.',
  remediation:
    'Regenerate the API keys in the Razorpay Dashboard (Account & Settings > API keys), keep the secret on the server, and verify `razorpay_signature` there.',
  samples: {
    positives: ['const rzp=new Razorpay({key_id:"rzp_live_{{alnum:14}}",key_secret:"{{alnum:24}}"});', 'RAZORPAY_KEY_SECRET="{{alnum:24}}"'],
    negatives: ['new Razorpay({key_id:"rzp_live_{{alnum:14}}",key_secret:process.env.RZP_SECRET})', 'RAZORPAY_KEY_SECRET="{{alnum:20}}"'],
  },
};
