/** Mollie: live and test API keys (`live_`/`test_` + 30) and organization access tokens (`access_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Regenerate the key in the Mollie Dashboard (Developers > API keys; organization tokens under Developers > Organization access tokens) and create payments only from your server.';

export const mollieApiKey: Rule = {
  id: 'mollie-api-key',
  title: 'Mollie live API key',
  provider: 'Mollie',
  category: 'payment',
  keywords: ['mollie'],
  // `live_` is shared with other providers' keys: this shape needs a Mollie name nearby.
  pattern: /(?<![A-Za-z0-9_])(?<secret>live_[A-Za-z0-9]{30})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Mollie live API key creates payments and refunds and reads every payment and customer of the website profile.',
  remediation: REMEDIATION,
  samples: {
    positives: ['const mollieClient=createMollieClient({apiKey:"live_{{alnum:30}}"});', 'MOLLIE_API_KEY=live_{{alnum:30}}'],
    negatives: ['MOLLIE_API_KEY=live_{{alnum:29}}', 'const k="live_{{alnum:30}}";', 'MOLLIE_API_KEY=live_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const mollieTestApiKey: Rule = {
  id: 'mollie-test-api-key',
  title: 'Mollie test API key',
  provider: 'Mollie',
  category: 'payment',
  keywords: ['mollie'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>test_[A-Za-z0-9]{30})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description: 'A Mollie test API key moves no real money, but shows server keys are reaching the browser.',
  remediation: REMEDIATION,
  samples: {
    positives: ['createMollieClient({apiKey:"test_{{alnum:30}}"})', 'MOLLIE_API_KEY=test_{{alnum:30}}'],
    negatives: ['MOLLIE_API_KEY=test_{{alnum:12}}', 'const t="test_{{alnum:30}}";'],
  },
};

export const mollieAccessToken: Rule = {
  id: 'mollie-access-token',
  title: 'Mollie organization access token',
  provider: 'Mollie',
  category: 'payment',
  keywords: ['mollie'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>access_[A-Za-z0-9]{40})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Mollie organization access token acts on the whole organization with its scopes: payments, refunds, profiles, settlements.',
  remediation: REMEDIATION,
  samples: {
    positives: ['createMollieClient({accessToken:"access_{{alnum:40}}"})', 'MOLLIE_ACCESS_TOKEN=access_{{alnum:40}}'],
    negatives: ['MOLLIE_ACCESS_TOKEN=access_{{alnum:20}}', 'const a="access_{{alnum:40}}";'],
  },
};
