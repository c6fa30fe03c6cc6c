/** Twitch: application client secrets and IRC OAuth tokens (`oauth:`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const twitchClientSecret: Rule = {
  id: 'twitch-client-secret',
  title: 'Twitch client secret',
  provider: 'Twitch',
  category: 'saas',
  keywords: ['twitch'],
  pattern: /twitch[_-]?(?:client[_-]?|app[_-]?|api[_-]?)?secret\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-z0-9]{30})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Twitch client secret gets app access tokens for the application and completes OAuth as it: anyone can call the Helix API as your app and act on EventSub subscriptions.',
  remediation: 'Generate a new secret in the Twitch developer console and use the implicit or PKCE flows in the browser.',
  samples: {
    positives: ['TWITCH_CLIENT_SECRET={{alnumlower:30}}', '{twitchSecret:"{{alnumlower:30}}"}'],
    negatives: ['TWITCH_CLIENT_ID={{alnumlower:30}}', 'TWITCH_CLIENT_SECRET={{alnumlower:20}}'],
  },
};

export const twitchOauthToken: Rule = {
  id: 'twitch-oauth-token',
  title: 'Twitch chat OAuth token',
  provider: 'Twitch',
  category: 'saas',
  keywords: ['oauth:'],
  pattern: /(?<![A-Za-z0-9_])oauth:(?<secret>[a-z0-9]{30})(?![A-Za-z0-9_])/,
  maxLength: 40,
  minEntropy: 3.5,
  validate: rejectPlaceholders((secret) => (/[0-9]/.test(secret) && /[a-z]/.test(secret) ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'high',
  exposure: 'secret',
  description: 'A Twitch chat token (`oauth:` + user token) logs in to chat as its user and, with its scopes, moderates channels or acts on the Helix API.',
  remediation: 'Disconnect the app at twitch.tv/settings/connections to revoke the token and keep bot tokens on the server.',
  samples: {
    positives: ['client.connect({identity:{username:"bot",password:"oauth:{{alnumlower:30}}"}})', 'TWITCH_OAUTH=oauth:{{alnumlower:30}}'],
    negatives: ['oauth:{{alnumlower:20}}', 'oauth:authorizeauthorizeauthorizeaut'],
  },
};
