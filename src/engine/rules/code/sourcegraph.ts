/** Sourcegraph access tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const sourcegraphAccessToken: Rule = {
  id: 'sourcegraph-access-token',
  title: 'Sourcegraph access token',
  provider: 'Sourcegraph',
  category: 'source-control',
  keywords: ['sgp_'],
  // sgp_<instance id>_<40 hex>, sgp_local_<40 hex>, or the older sgp_<40 hex>.
  pattern: /(?<![A-Za-z0-9_])sgp_(?:[a-f0-9]{16}_|local_)?[a-f0-9]{40}(?![A-Za-z0-9_])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Sourcegraph access token acts as its user on the Sourcegraph instance: it searches and reads the code of every private repository the user can see.',
  remediation: 'Delete the token in Sourcegraph (Settings → Access tokens) and call Sourcegraph from your backend only.',
  samples: {
    positives: ['SRC_ACCESS_TOKEN=sgp_{{hex:16}}_{{hex:40}}', 'headers:{Authorization:"token sgp_local_{{hex:40}}"}', 'sgp_{{hex:40}}'],
    negatives: ['sgp_{{hex:30}}', 'sgp_{{hex:16}}_{{hex:20}}', 'xsgp_{{hex:40}}'],
  },
};
