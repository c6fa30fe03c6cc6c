/**
 * Slack: bot, user, app-level, configuration and legacy tokens, browser session tokens, and incoming
 * webhook / workflow trigger URLs.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const TOKEN_REMEDIATION =
  'Revoke the token (api.slack.com/apps > your app > OAuth & Permissions > Revoke, or `auth.revoke`), reinstall the app to mint a new one, and call Slack only from your backend; enable token rotation so tokens expire.';

export const slackBotToken: Rule = {
  id: 'slack-bot-token',
  title: 'Slack bot token',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['xoxb-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xoxb-\d{8,14}-\d{8,14}-[A-Za-z0-9]{20,34})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Slack bot token acts as your app\'s bot in the workspace with every scope it was granted: reading channels and files it is in, posting as the bot, listing users.',
  remediation: TOKEN_REMEDIATION,
  samples: {
    positives: ['const web=new WebClient("xoxb-{{digits:12}}-{{digits:13}}-{{alnum:24}}");', 'SLACK_BOT_TOKEN=xoxb-{{digits:11}}-{{digits:12}}-{{alnum:24}}'],
    negatives: ['xoxb-{{digits:12}}-{{alnum:24}}', 'SLACK_BOT_TOKEN=xoxb-your-bot-token', 'xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const slackUserToken: Rule = {
  id: 'slack-user-token',
  title: 'Slack user token',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['xoxp-'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>xoxp-\d{8,14}-\d{8,14}-\d{8,14}-[a-f0-9]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Slack user token acts as the person who installed the app, with their access: private channels and DMs they can read, files, and posting as them.',
  remediation: TOKEN_REMEDIATION,
  samples: {
    positives: ['SLACK_USER_TOKEN=xoxp-{{digits:12}}-{{digits:12}}-{{digits:13}}-{{hex:32}}', 'fetch("https://slack.com/api/conversations.history?token=xoxp-{{digits:11}}-{{digits:11}}-{{digits:12}}-{{hex:32}}")'],
    negatives: ['xoxp-{{digits:12}}-{{digits:12}}-{{hex:32}}', 'xoxe.xoxp-1-{{alnum:150}}'],
  },
};

export const slackAppToken: Rule = {
  id: 'slack-app-token',
  title: 'Slack app-level token',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['xapp-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xapp-\d-[A-Z0-9]{8,12}-\d{10,14}-[a-f0-9]{64})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Slack app-level token opens Socket Mode connections for your app (receiving its events and interactions) and can hold other app-wide scopes such as authorizations:read.',
  remediation: 'Revoke the token under your app\'s Basic Information > App-Level Tokens, and keep Socket Mode clients on the server.',
  samples: {
    positives: ['SLACK_APP_TOKEN=xapp-1-A{{alnumupper:10}}-{{digits:13}}-{{hex:64}}', 'new App({appToken:"xapp-1-A{{alnumupper:10}}-{{digits:13}}-{{hex:64}}",socketMode:true})'],
    negatives: ['xapp-1-A{{alnumupper:10}}-{{digits:13}}-{{hex:32}}', 'xapp-1-your-app-token'],
  },
};

export const slackConfigAccessToken: Rule = {
  id: 'slack-config-access-token',
  title: 'Slack configuration access token',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['xoxe.xoxp-', 'xoxe.xoxb-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xoxe\.xox[bp]-\d-[A-Za-z0-9]{140,200})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Slack configuration token (or rotating access token) creates and changes apps through the App Manifest API, or calls the Web API for 12 hours after it is issued.',
  remediation: 'Revoke it with `tooling.tokens.rotate`/`auth.revoke` or in your app settings, and keep configuration tokens in CI only.',
  samples: {
    positives: ['SLACK_CONFIG_TOKEN=xoxe.xoxp-1-{{alnum:160}}', '"access_token":"xoxe.xoxb-1-{{alnum:150}}"'],
    negatives: ['xoxe.xoxp-1-{{alnum:40}}', 'xoxe.xoxp-1-<token>'],
  },
};

export const slackConfigRefreshToken: Rule = {
  id: 'slack-config-refresh-token',
  title: 'Slack refresh token',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['xoxe-'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>xoxe-\d-[A-Za-z0-9]{140,200})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Slack refresh token (configuration or rotating token) mints new access tokens indefinitely: a long-lived credential for your app.',
  remediation: 'Revoke the refresh token by reinstalling the app or via your app settings, and store refresh tokens only on your server.',
  samples: {
    positives: ['SLACK_REFRESH_TOKEN=xoxe-1-{{alnum:160}}', '{"refresh_token":"xoxe-1-{{alnum:146}}"}'],
    negatives: ['xoxe-1-{{alnum:40}}', 'xoxe.xoxp-1-{{alnum:160}}'],
  },
};

export const slackLegacyToken: Rule = {
  id: 'slack-legacy-token',
  title: 'Slack legacy token',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['xoxa-', 'xoxr-', 'xoxs-', 'xoxo-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xox[aros]-(?:\d{1,14}-){1,4}[A-Za-z0-9]{10,64})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A legacy Slack token (workspace app `xoxa-`, refresh `xoxr-`, or the old `xoxs-`/`xoxo-` types) acts on the workspace with broad, often full-user, access.',
  remediation: 'Revoke it in the workspace\'s app management (or `auth.revoke`) and migrate to a current Slack app with granular scopes.',
  samples: {
    positives: ['SLACK_TOKEN=xoxa-2-{{digits:12}}-{{digits:12}}-{{alnum:32}}', 'token:"xoxs-{{digits:10}}-{{digits:12}}-{{digits:12}}-{{hex:64}}"'],
    negatives: ['xoxa-2-xxxxxxxxxx', 'xoxr-{{alnum:5}}'],
  },
};

export const slackSessionToken: Rule = {
  id: 'slack-session-token',
  title: 'Slack browser session token',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['xoxc-', 'xoxd-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xox[cd]-[A-Za-z0-9%/+=-]{40,300})(?![A-Za-z0-9_%/+=-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Slack client session token (`xoxc-`, with its `d` cookie `xoxd-`) is a logged-in person\'s Slack session: anyone holding both reads and writes everything that person can.',
  remediation: 'Sign the user out of all sessions (Slack account settings > Sign out all other sessions) and never forward Slack web-client tokens to other sites or scripts.',
  samples: {
    positives: ['token=xoxc-{{digits:12}}-{{digits:12}}-{{digits:13}}-{{hex:64}}', 'Cookie: d=xoxd-{{base64:120}}'],
    negatives: ['xoxc-{{digits:6}}', 'xoxc-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const slackWebhookUrl: Rule = {
  id: 'slack-webhook-url',
  title: 'Slack incoming webhook URL',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['hooks.slack.com/services/'],
  pattern: /(?<secret>https?:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,12}\/B[A-Z0-9]{6,12}\/[A-Za-z0-9]{20,32})(?![A-Za-z0-9])/,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Slack incoming webhook URL is a bearer credential: anyone who has it can post messages (including convincing phishing links) into that channel as your app.',
  remediation: 'Remove the webhook under your app\'s Incoming Webhooks page (or the legacy integration) and post to Slack from your backend.',
  samples: {
    positives: ['fetch("https://hooks.slack.com/services/T{{alnumupper:10}}/B{{alnumupper:10}}/{{alnum:24}}",{method:"POST"})', 'SLACK_WEBHOOK_URL=https://hooks.slack.com/services/T{{alnumupper:8}}/B{{alnumupper:8}}/{{alnum:24}}'],
    negatives: ['https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX', 'https://hooks.slack.com/services/T{{alnumupper:10}}/B{{alnumupper:10}}'],
  },
};

export const slackWorkflowWebhookUrl: Rule = {
  id: 'slack-workflow-webhook-url',
  title: 'Slack workflow webhook URL',
  provider: 'Slack',
  category: 'messaging',
  keywords: ['hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'],
  pattern:
    /(?<secret>https?:\/\/hooks\.slack\.com\/(?:workflows|triggers)\/T[A-Z0-9]{6,12}\/(?:[A-Z0-9]{6,14}\/)?\d{6,20}\/[A-Za-z0-9]{20,40})(?![A-Za-z0-9])/,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description: 'A Slack workflow webhook (trigger) URL starts a Workflow Builder workflow with whatever inputs the caller sends: anyone with it can run your workflow.',
  remediation: 'Delete or re-create the workflow\'s webhook trigger in Workflow Builder and call it only from your backend.',
  samples: {
    positives: ['https://hooks.slack.com/workflows/T{{alnumupper:10}}/A{{alnumupper:10}}/{{digits:18}}/{{alnum:24}}', 'https://hooks.slack.com/triggers/T{{alnumupper:10}}/{{digits:13}}/{{hex:32}}'],
    negatives: ['https://hooks.slack.com/workflows/T{{alnumupper:10}}', 'https://hooks.slack.com/triggers/T00000000/0000000000000/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
