/** Asana personal access tokens: `1/<user>:<32 hex>` and `2/<user>/<app>:<32 hex>`. */
import type { Rule } from '../../types.ts';
import { isPlaceholder } from '../../validators/placeholder.ts';

export const asanaPersonalAccessToken: Rule = {
  id: 'asana-personal-access-token',
  title: 'Asana personal access token',
  provider: 'Asana',
  category: 'saas',
  keywords: ['asana', 'bearer 1/', 'bearer 2/'],
  pattern: /(?<![A-Za-z0-9/])(?<secret>[12]\/\d{13,19}(?:\/\d{13,19})?:[a-f0-9]{32})(?![A-Za-z0-9])/,
  minEntropy: 3.0,
  // User and app ids are plain numbers (often with long zero runs): judge the hex secret.
  validate: (token) => (isPlaceholder(token.slice(token.lastIndexOf(':') + 1)) ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Asana personal access token acts as its user in every workspace they belong to: reading and changing tasks, projects and comments.',
  remediation: 'Deauthorize the token in Asana (My settings → Apps → Developer apps) and use OAuth with your backend for integrations.',
  samples: {
    positives: ['ASANA_TOKEN=2/{{digits:16}}/{{digits:16}}:{{hex:32}}', 'asana.Client.create().useAccessToken("1/1200000000000{{digits:3}}:{{hex:32}}")', 'headers:{Authorization:"Bearer 1/{{digits:16}}:{{hex:32}}"}'],
    negatives: ['ASANA_TOKEN=2/{{digits:16}}/{{digits:16}}:{{hex:20}}', 'ASANA_PROJECT=1/{{digits:16}}', 'asana 12/{{digits:16}}:{{hex:32}}'],
  },
};
