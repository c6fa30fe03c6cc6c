/** Xendit: secret keys (`xnd_production_`, `xnd_development_`) and public keys (`xnd_public_…`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const xenditSecretKey: Rule = {
  id: 'xendit-secret-key',
  title: 'Xendit production secret key',
  provider: 'Xendit',
  category: 'payment',
  keywords: ['xnd_production_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>xnd_production_[A-Za-z0-9+/]{40,100}={0,2})(?![A-Za-z0-9+/=_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Xendit production secret key creates invoices, charges, disbursements and refunds, within the permissions chosen for it.',
  remediation:
    'Delete the key in the Xendit Dashboard (Settings > API keys), keep secret keys on your server, and tokenize cards in the browser with the public key only.',
  samples: {
    positives: ['XENDIT_SECRET_KEY=xnd_production_{{base64:68}}==', 'new Xendit({secretKey:"xnd_production_{{alnum:60}}"})'],
    negatives: ['xnd_production_{{alnum:20}}', 'xnd_public_production_{{alnum:60}}'],
  },
};

export const xenditDevelopmentSecretKey: Rule = {
  id: 'xendit-development-secret-key',
  title: 'Xendit development secret key',
  provider: 'Xendit',
  category: 'payment',
  keywords: ['xnd_development_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>xnd_development_[A-Za-z0-9+/]{40,100}={0,2})(?![A-Za-z0-9+/=_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description: 'A Xendit development (test mode) secret key moves no real money, but shows server keys are reaching the browser.',
  remediation: 'Delete it in the Xendit Dashboard (test mode) and keep secret keys on the server.',
  samples: {
    positives: ['XENDIT_SECRET_KEY=xnd_development_{{base64:68}}==', '"xnd_development_{{alnum:60}}"'],
    negatives: ['xnd_development_{{alnum:20}}', 'xnd_public_development_{{alnum:60}}'],
  },
};

export const xenditPublicKey: Rule = {
  id: 'xendit-public-key',
  title: 'Xendit public key',
  provider: 'Xendit',
  category: 'payment',
  keywords: ['xnd_public_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>xnd_public_(?:production|development)_[A-Za-z0-9+/]{40,100}={0,2})(?![A-Za-z0-9+/=_])/,
  minEntropy: 4,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('xnd_public_development_') ? { verdict: 'unknown', exposure: 'test', title: 'Xendit development public key' } : { verdict: 'unknown' },
  ),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Xendit public key is public by design: Xendit.js uses it to tokenize cards in the browser. It is safe while charges are created on your server with the secret key.',
  remediation: 'Nothing to hide; keep charge creation and the secret key on the server.',
  samples: {
    positives: ['Xendit.setPublishableKey("xnd_public_production_{{alnum:60}}");', 'XENDIT_PUBLIC_KEY=xnd_public_development_{{base64:64}}=='],
    negatives: ['xnd_public_production_{{alnum:10}}', 'xnd_public_production_<key>'],
  },
};
