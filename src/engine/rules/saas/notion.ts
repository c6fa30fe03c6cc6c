/** Notion integration tokens: `ntn_` (current) and `secret_` (older internal integrations). */
import type { Rule } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

const DESCRIPTION =
  'A Notion integration token reads and edits every page and database shared with the integration, often whole teamspaces of internal documents.';
const REMEDIATION = 'Refresh the secret on the integration’s page at notion.so/my-integrations and call the Notion API only from your server.';

export const notionIntegrationToken: Rule = {
  id: 'notion-integration-token',
  title: 'Notion integration token',
  provider: 'Notion',
  category: 'saas',
  keywords: ['ntn_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>ntn_[0-9]{11}[A-Za-z0-9]{35})(?![A-Za-z0-9_])/,
  maxLength: 60,
  minEntropy: 3.5,
  // The 11 digits after the prefix are an id; the last 35 characters are the secret.
  validate: (token) => (isPlaceholder(token.slice(-35)) ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'critical',
  exposure: 'secret',
  description: DESCRIPTION,
  remediation: REMEDIATION,
  samples: {
    positives: ['new Client({auth:"ntn_{{digits:11}}{{alnum:35}}"})', 'NOTION_TOKEN=ntn_{{digits:11}}{{alnum:35}}'],
    negatives: ['ntn_{{lower:46}}', 'ntn_{{digits:11}}{{alnum:20}}'],
  },
};

export const notionLegacyIntegrationToken: Rule = {
  id: 'notion-legacy-integration-token',
  title: 'Notion integration token (secret_)',
  provider: 'Notion',
  category: 'saas',
  keywords: ['secret_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>secret_[A-Za-z0-9]{43})(?![A-Za-z0-9_])/,
  maxLength: 60,
  minEntropy: 4.0,
  validate: rejectPlaceholders((secret) => (/[0-9]/.test(secret) && /[A-Z]/.test(secret) && /[a-z]/.test(secret.slice(7)) ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'critical',
  exposure: 'secret',
  description: DESCRIPTION,
  remediation: REMEDIATION,
  samples: {
    positives: ['NOTION_API_KEY=secret_{{alnum:43}}', 'fetch(u,{headers:{Authorization:"Bearer secret_{{alnum:43}}","Notion-Version":"2022-06-28"}})'],
    negatives: ['secret_{{alnum:30}}', 'my_secret_{{alnum:43}}', 'secret_{{lower:43}}'],
  },
};
