/** Kit (ConvertKit): v4 API keys (`kit_`) and v3 API secrets. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const kitApiKey: Rule = {
  id: 'kit-api-key',
  title: 'Kit (ConvertKit) API key',
  provider: 'Kit',
  category: 'email',
  keywords: ['kit_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>kit_[a-f0-9]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Kit v4 API key reads and exports every subscriber, changes tags and sequences, and sends broadcasts from your account.',
  remediation: 'Delete the key in Kit (Settings > Developer > API keys) and call the API from your backend; embedded forms need no key.',
  samples: {
    positives: ['KIT_API_KEY=kit_{{hex:32}}', 'headers:{"X-Kit-Api-Key":"kit_{{hex:32}}"}'],
    negatives: ['kit_{{hex:20}}', 'const toolkit_{{hex:32}}=1'],
  },
};

export const convertKitApiSecret: Rule = {
  id: 'convertkit-api-secret',
  title: 'ConvertKit API secret',
  provider: 'Kit',
  category: 'email',
  keywords: ['convertkit'],
  pattern: /(?:api[_-]?secret|convertkit[\w-]{0,20}secret)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/i,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A ConvertKit (v3) API secret reads and exports subscribers and can unsubscribe or delete them; unlike the v3 API key it is not meant for forms.',
  remediation: 'Reset the API secret in Kit (Settings > Developer) and call the API from your backend.',
  samples: {
    positives: ['CONVERTKIT_API_SECRET={{base64url:43}}', 'fetch("https://api.convertkit.com/v3/subscribers?api_secret={{alnum:43}}")'],
    negatives: ['CONVERTKIT_API_SECRET={{alnum:22}}', 'const c={api_secret:"{{alnum:43}}"};'],
  },
};
