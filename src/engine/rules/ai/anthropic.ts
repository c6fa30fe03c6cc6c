/** Anthropic: API keys (`sk-ant-api03-`), admin keys (`sk-ant-admin01-`) and Claude OAuth tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const anthropicApiKey: Rule = {
  id: 'anthropic-api-key',
  title: 'Anthropic API key',
  provider: 'Anthropic',
  category: 'ai',
  keywords: ['sk-ant-api03-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-api03-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Anthropic API key in the browser lets anyone call Claude models on your workspace\'s bill, up to its spend limits, and use its files and batches.',
  remediation:
    'Disable the key in the Anthropic Console (Settings > API keys), set workspace spend limits, and call the API from your backend instead of the page.',
  samples: {
    positives: ['const client=new Anthropic({apiKey:"sk-ant-api03-{{base64url:93}}AA",dangerouslyAllowBrowser:true});', 'ANTHROPIC_API_KEY=sk-ant-api03-{{alnum:93}}AA'],
    negatives: ['sk-ant-api03-{{alnum:60}}AA', 'sk-ant-api03-{{alnum:93}}BB', 'ANTHROPIC_API_KEY=sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxAA'],
  },
};

export const anthropicAdminKey: Rule = {
  id: 'anthropic-admin-key',
  title: 'Anthropic admin API key',
  provider: 'Anthropic',
  category: 'ai',
  keywords: ['sk-ant-admin01-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-admin01-[A-Za-z0-9_-]{93}AA)(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'An Anthropic Admin API key manages the organization: members, workspaces and API keys, and reads usage and cost reports.',
  remediation: 'Delete the admin key in the Anthropic Console (Settings > Admin keys) and keep it in trusted automation only.',
  samples: {
    positives: ['ANTHROPIC_ADMIN_KEY=sk-ant-admin01-{{base64url:93}}AA', '"x-api-key": "sk-ant-admin01-{{alnum:93}}AA"'],
    negatives: ['sk-ant-admin01-{{alnum:50}}AA', 'sk-ant-api03-{{alnum:93}}AA'],
  },
};

export const anthropicOAuthToken: Rule = {
  id: 'anthropic-oauth-token',
  title: 'Anthropic (Claude) OAuth token',
  provider: 'Anthropic',
  category: 'ai',
  keywords: ['sk-ant-oat01-', 'sk-ant-ort01-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-ant-o[ar]t01-[A-Za-z0-9_-]{40,200})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('sk-ant-ort01-')
      ? { verdict: 'unknown', title: 'Anthropic (Claude) OAuth refresh token', severity: 'critical' }
      : { verdict: 'unknown' },
  ),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Claude OAuth token acts for a Claude.ai subscriber (as Claude Code does): an access token until it expires, a refresh token (`sk-ant-ort01-`) for much longer.',
  remediation: 'Sign out of the affected Claude sessions (which revokes their tokens) and never ship a personal Claude token in an app.',
  samples: {
    positives: ['CLAUDE_CODE_OAUTH_TOKEN=sk-ant-oat01-{{base64url:95}}', '{"refreshToken":"sk-ant-ort01-{{base64url:95}}"}'],
    negatives: ['sk-ant-oat01-{{alnum:10}}', 'sk-ant-oat01-<token>'],
  },
};
