/** Fireworks AI: API keys (`fw_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const fireworksApiKey: Rule = {
  id: 'fireworks-api-key',
  title: 'Fireworks AI API key',
  provider: 'Fireworks AI',
  category: 'ai',
  keywords: ['fw_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>fw_[A-Za-z0-9]{20,48})(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: rejectPlaceholders((secret) => (/[0-9]/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret.slice(3)) ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Fireworks AI API key runs inference and fine-tuning billed to your account.',
  remediation: 'Delete the key in the Fireworks dashboard (API keys) and call the API from your backend.',
  samples: {
    positives: ['FIREWORKS_API_KEY=fw_3{{alnum:23}}', 'headers:{Authorization:"Bearer fw_{{alnum:23}}Q7"}'],
    negatives: ['fw_{{alnum:10}}', 'const fw_firmware_version_number_string=1', 'fw_xxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
