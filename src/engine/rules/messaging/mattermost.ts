/** Mattermost: personal access / bot tokens and incoming webhook URLs (identified by a Mattermost name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mattermostAccessToken: Rule = {
  id: 'mattermost-access-token',
  title: 'Mattermost access token',
  provider: 'Mattermost',
  category: 'messaging',
  keywords: ['mattermost'],
  pattern: /(?:mattermost[\w-]{0,20}(?:access[_-]?)?token|\btoken)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[a-z0-9]{26})(?![A-Za-z0-9_])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders((secret) => (/[0-9]/.test(secret) && /[a-z]/.test(secret) ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Mattermost personal access or bot token acts as its user or bot on the server: reading channels it can see, posting, and any admin rights it has.',
  remediation: 'Revoke the token (Profile > Security > Personal access tokens, or Integrations > Bot accounts) and call the API from your backend.',
  samples: {
    positives: ['MATTERMOST_TOKEN={{alnumlower:24}}7q', 'const mattermostClient=new Client4();mattermostClient.setToken("{{alnumlower:25}}3"); token:"{{alnumlower:25}}3"'],
    negatives: ['MATTERMOST_TOKEN={{alnumlower:20}}', 'MATTERMOST_TOKEN=abcdefghijklmnopqrstuvwxyz'],
  },
};

export const mattermostWebhookUrl: Rule = {
  id: 'mattermost-webhook-url',
  title: 'Mattermost incoming webhook URL',
  provider: 'Mattermost',
  category: 'messaging',
  keywords: ['mattermost'],
  pattern: /(?<secret>https?:\/\/[A-Za-z0-9.-]{1,253}(?::\d{2,5})?\/hooks\/[a-z0-9]{26})(?![A-Za-z0-9_])/,
  validate: rejectPlaceholders((secret) => (/[0-9]/.test(secret.slice(-26)) ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'high',
  exposure: 'secret',
  description: 'A Mattermost incoming webhook URL lets anyone who has it post messages into the channel, with any display name and icon if overrides are allowed.',
  remediation: 'Delete the webhook (Integrations > Incoming webhooks) and post from your backend.',
  samples: {
    positives: ['MATTERMOST_WEBHOOK=https://chat.demo.test/hooks/{{alnumlower:24}}9x', 'fetch("https://mattermost.demo.test/hooks/{{alnumlower:25}}4",{method:"POST"})'],
    negatives: ['MATTERMOST_WEBHOOK=https://chat.demo.test/hooks/{{alnumlower:10}}', 'https://chat.demo.test/hooks/{{alnumlower:25}}4'],
  },
};
