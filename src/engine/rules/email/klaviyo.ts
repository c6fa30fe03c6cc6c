/** Klaviyo: private API keys (`pk_` + 34) and public API keys / site IDs (public by design). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const klaviyoPrivateApiKey: Rule = {
  id: 'klaviyo-private-api-key',
  title: 'Klaviyo private API key',
  provider: 'Klaviyo',
  category: 'email',
  keywords: ['pk_'],
  // `pk_` + 34, no `live_`/`test_` segment (unlike Stripe, Paystack and Clerk publishable keys).
  pattern: /(?<![A-Za-z0-9_])(?<secret>pk_[A-Za-z0-9]{34})(?![A-Za-z0-9_])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Klaviyo private API key reads and exports profiles (emails, phone numbers, consent), lists and events, and can send campaigns, depending on its scopes.',
  remediation:
    'Revoke the key in Klaviyo (Settings > API keys), create scoped keys for servers only, and use the public API key (site ID) with klaviyo.js.',
  samples: {
    positives: ['KLAVIYO_PRIVATE_KEY=pk_{{hex:34}}', 'headers:{Authorization:"Klaviyo-API-Key pk_{{alnum:34}}"}'],
    negatives: ['pk_{{hex:20}}', 'pk_live_{{alnum:26}}', 'pk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const klaviyoPublicApiKey: Rule = {
  id: 'klaviyo-public-api-key',
  title: 'Klaviyo public API key (site ID)',
  provider: 'Klaviyo',
  category: 'email',
  keywords: ['klaviyo.com/onsite/js'],
  pattern: /klaviyo\.com\/onsite\/js\/(?:[A-Za-z0-9]{6}\/)?(?:klaviyo\.js)?\?(?:[^\s"'`<>]{0,200}&)?company_id=(?<secret>[A-Za-z0-9]{6})(?![A-Za-z0-9])/,
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Klaviyo public API key (site ID) is public by design: klaviyo.js and client-side APIs use it to identify visitors and subscribe them. It cannot read data; keep private keys off the page.',
  remediation: 'Nothing to hide; make sure no `pk_` private key is in the page too.',
  samples: {
    positives: ['<script async src="https://static.klaviyo.com/onsite/js/klaviyo.js?company_id={{alnum:6}}"></script>', 'load("//static.klaviyo.com/onsite/js/{{alnum:6}}/klaviyo.js?company_id={{alnum:6}}")'],
    negatives: ['https://static.klaviyo.com/onsite/js/klaviyo.js?company_id=ABC', 'https://static.klaviyo.com/onsite/js/klaviyo.js'],
  },
};
