/** Replicate: API tokens (`r8_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const replicateApiToken: Rule = {
  id: 'replicate-api-token',
  title: 'Replicate API token',
  provider: 'Replicate',
  category: 'ai',
  keywords: ['r8_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>r8_[A-Za-z0-9]{37})(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Replicate API token runs models and deployments billed to your account, and reads your predictions, trainings and private models.',
  remediation: 'Disable the token at https://replicate.com/account/api-tokens and run predictions from your backend.',
  samples: {
    positives: ['const replicate=new Replicate({auth:"r8_{{alnum:37}}"});', 'REPLICATE_API_TOKEN=r8_{{alnum:37}}'],
    negatives: ['r8_{{alnum:20}}', 'r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'var r8_{{alnum:37}}_x'],
  },
};
