/** Render: API keys (`rnd_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const renderApiKey: Rule = {
  id: 'render-api-key',
  title: 'Render API key',
  provider: 'Render',
  category: 'cloud',
  keywords: ['rnd_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>rnd_[A-Za-z0-9]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Render API key acts as its user across every workspace they belong to: services, environment variables with their secrets, databases and deploys.',
  remediation: 'Revoke the key in Render (Account settings > API keys), review the workspace audit log, and use it only from CI or your backend.',
  samples: {
    positives: ['RENDER_API_KEY=rnd_{{alnum:32}}', 'headers:{authorization:"Bearer rnd_{{alnum:32}}"}'],
    negatives: ['rnd_{{alnum:31}}', 'brnd_{{alnum:32}}', 'rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
