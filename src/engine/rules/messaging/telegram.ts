/** Telegram Bot API tokens (`<bot id>:AA…`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const telegramBotToken: Rule = {
  id: 'telegram-bot-token',
  title: 'Telegram bot token',
  provider: 'Telegram',
  category: 'messaging',
  keywords: ['telegram', 'bot_token', 'bottoken', 'bot-token', ':aa'],
  // In API URLs the token follows `/bot`; elsewhere it must stand alone.
  pattern: /(?:(?<=\/bot)|(?<![A-Za-z0-9_:]))(?<secret>\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Telegram bot token controls the bot: reading every message and file sent to it, messaging its users and groups, and changing its webhook to intercept updates.',
  remediation: 'Revoke the token with @BotFather (/revoke), and talk to the Bot API only from your server.',
  samples: {
    positives: ['fetch("https://api.telegram.org/bot{{digits:10}}:AA{{base64url:33}}/sendMessage",{method:"POST"})', 'TELEGRAM_BOT_TOKEN={{digits:9}}:AA{{base64url:33}}'],
    negatives: ['TELEGRAM_BOT_TOKEN={{digits:9}}:AB{{base64url:33}}', 'TELEGRAM_BOT_TOKEN={{digits:9}}:AA{{base64url:20}}', 'time=12:{{digits:9}}:AA{{base64url:33}}'],
  },
};
