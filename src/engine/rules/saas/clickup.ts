/** ClickUp personal API tokens: `pk_<user id>_<32 chars>`. */
import type { Rule } from '../../types.ts';
import { isPlaceholder } from '../../validators/placeholder.ts';

export const clickupPersonalToken: Rule = {
  id: 'clickup-personal-token',
  title: 'ClickUp personal API token',
  provider: 'ClickUp',
  category: 'saas',
  keywords: ['pk_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pk_\d{4,12}_[A-Z0-9]{32})(?![A-Za-z0-9_])/,
  maxLength: 60,
  minEntropy: 3.5,
  validate: (token) => (isPlaceholder(token.slice(token.lastIndexOf('_') + 1)) ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'critical',
  exposure: 'secret',
  description: 'A ClickUp personal token acts as its user in every workspace they belong to: reading and changing tasks, docs and comments.',
  remediation: 'Regenerate the token under Settings → Apps in ClickUp and call the API from your server.',
  samples: {
    positives: ['headers:{Authorization:"pk_{{digits:8}}_{{alnumupper:32}}"}', 'CLICKUP_TOKEN=pk_{{digits:6}}_{{alnumupper:32}}'],
    negatives: ['pk_live_{{alnum:32}}', 'pk_{{digits:8}}_{{alnumupper:20}}', 'pk_{{digits:8}}_{{lower:32}}'],
  },
};
