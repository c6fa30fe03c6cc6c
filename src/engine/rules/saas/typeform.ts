/** Typeform personal access tokens (`tfp_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const typeformPersonalAccessToken: Rule = {
  id: 'typeform-personal-access-token',
  title: 'Typeform personal access token',
  provider: 'Typeform',
  category: 'saas',
  keywords: ['tfp_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>tfp_[A-Za-z0-9_.=-]{44,64})(?![A-Za-z0-9_.=-])/,
  maxLength: 80,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Typeform personal access token reads every response to its owner’s forms (often personal data) and can create, change and delete forms and webhooks.',
  remediation: 'Revoke the token under Account → Personal tokens in Typeform and read responses on the server (or with webhooks).',
  samples: {
    positives: ['TYPEFORM_TOKEN=tfp_{{alnum:44}}_{{alnum:14}}', 'headers:{Authorization:"Bearer tfp_{{base64url:59}}"}'],
    negatives: ['tfp_{{alnum:20}}', 'tfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
