/** Discord: bot tokens (checked offline: the first part is the base64 bot user ID), webhooks, client secrets. */
import { decodeBase64Bytes } from '../../decode.ts';
import type { MatchContext, Rule, SampleGenerator, ValidationResult } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

/** The first segment of a bot token is the bot's user ID (a snowflake), base64-encoded. */
function validateBotToken(secret: string, _context: MatchContext): ValidationResult {
  if (isPlaceholder(secret)) return { verdict: 'invalid' };
  const first = secret.split('.')[0] ?? '';
  const bytes = decodeBase64Bytes(first);
  if (!bytes) return { verdict: 'invalid' };
  const decoded = String.fromCharCode(...bytes);
  if (!/^\d{17,20}$/.test(decoded)) return { verdict: 'invalid' };
  return { verdict: 'valid', details: { botUserId: decoded } };
}

function botToken(gen: SampleGenerator): string {
  const id = `1${gen.digits(18)}`;
  return `${btoa(id).replace(/=+$/, '')}.${gen.base64url(6)}.${gen.base64url(38)}`;
}

export const discordBotToken: Rule = {
  id: 'discord-bot-token',
  title: 'Discord bot token',
  provider: 'Discord',
  category: 'messaging',
  keywords: ['discord', 'authorization: bot', 'bot_token', 'bottoken'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: validateBotToken,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Discord bot token logs in as the bot: it reads every message the bot can see, posts and deletes as it, and uses its moderation permissions in every server it has joined.',
  remediation: 'Reset the token in the Discord Developer Portal (your application > Bot > Reset Token) and run bots only on servers, never in a web page.',
  samples: {
    positives: [(gen) => `const client=new Discord.Client();client.login("${botToken(gen)}");`, (gen) => `fetch("https://discord.com/api/v10/users/@me",{headers:{Authorization:"Bot ${botToken(gen)}"}})`],
    negatives: [(gen) => `discord token="M${gen.alnum(25)}.${gen.alnum(6)}.${gen.alnum(38)}"`, 'discord token="MTIzNDU2Nzg5MDEyMzQ1Njc4.XXXXXX.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
  },
};

export const discordWebhookUrl: Rule = {
  id: 'discord-webhook-url',
  title: 'Discord webhook URL',
  provider: 'Discord',
  category: 'messaging',
  keywords: ['discord.com/api/', 'discordapp.com/api/'],
  pattern:
    /(?<secret>https?:\/\/(?:(?:canary|ptb)\.)?discord(?:app)?\.com\/api\/(?:v\d{1,2}\/)?webhooks\/\d{17,20}\/[A-Za-z0-9_-]{60,80})(?![A-Za-z0-9_-])/,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Discord webhook URL is a bearer credential: anyone who has it can post messages (with any name and avatar) into the channel, or delete the webhook.',
  remediation: 'Delete the webhook in the channel settings (Integrations > Webhooks) and post to Discord from your backend.',
  samples: {
    positives: ['fetch("https://discord.com/api/webhooks/{{digits:19}}/{{base64url:68}}",{method:"POST"})', 'DISCORD_WEBHOOK=https://discordapp.com/api/webhooks/{{digits:18}}/{{base64url:68}}'],
    negatives: ['https://discord.com/api/webhooks/{{digits:19}}', 'https://discord.com/api/webhooks/{{digits:19}}/xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const discordClientSecret: Rule = {
  id: 'discord-client-secret',
  title: 'Discord OAuth2 client secret',
  provider: 'Discord',
  category: 'messaging',
  keywords: ['discord'],
  pattern: /client[_-]?secret["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Discord OAuth2 client secret exchanges authorization codes for users\' access tokens as your application.',
  remediation: 'Reset the secret in the Discord Developer Portal (OAuth2 > Reset Secret) and do the code exchange on your server.',
  samples: {
    positives: ['DISCORD_CLIENT_ID={{digits:18}}\nDISCORD_CLIENT_SECRET={{base64url:32}}', 'const discord={clientId:"{{digits:18}}",clientSecret:"{{alnum:32}}"};'],
    negatives: ['DISCORD_CLIENT_SECRET={{alnum:31}}', 'const google={clientSecret:"{{alnum:32}}"};'],
  },
};
