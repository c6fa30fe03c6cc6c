/** LINE Messaging API: channel access tokens and channel secrets (identified by LINE names). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const KEYWORDS = ['api.line.me', 'channel_access_token', 'channelaccesstoken', 'channel-access-token', 'line_channel', '@line/bot-sdk', 'line-bot-sdk', 'line_bot', 'channelsecret', 'channel_secret'];

const REMEDIATION =
  'Reissue the credential in the LINE Developers Console (your channel > Messaging API / Basic settings), and call the Messaging API only from your server.';

export const lineChannelAccessToken: Rule = {
  id: 'line-channel-access-token',
  title: 'LINE channel access token',
  provider: 'LINE',
  category: 'messaging',
  keywords: KEYWORDS,
  pattern:
    /(?:channel[_-]?access[_-]?token["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?|Bearer\s)(?<secret>[A-Za-z0-9+/]{150,200}={0,2})(?![A-Za-z0-9+/=])/i,
  minEntropy: 4.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A LINE channel access token sends messages as your official account to every user who added it, and reads profiles and message content sent to the bot.',
  remediation: REMEDIATION,
  samples: {
    positives: ['LINE_CHANNEL_ACCESS_TOKEN={{base64:171}}=', 'fetch("https://api.line.me/v2/bot/message/push",{headers:{Authorization:"Bearer {{base64:172}}"}})'],
    negatives: ['LINE_CHANNEL_ACCESS_TOKEN={{base64:60}}', 'Authorization: "Bearer {{base64:172}}"'],
  },
};

export const lineChannelSecret: Rule = {
  id: 'line-channel-secret',
  title: 'LINE channel secret',
  provider: 'LINE',
  category: 'messaging',
  keywords: KEYWORDS,
  pattern: /channel[_-]?secret["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A LINE channel secret verifies webhook signatures and issues channel access tokens: with it anyone can forge webhook events or mint tokens.',
  remediation: REMEDIATION,
  samples: {
    positives: ['LINE_CHANNEL_SECRET={{hex:32}}', 'const client=new line.Client({channelAccessToken:t,channelSecret:"{{hex:32}}"});'],
    negatives: ['LINE_CHANNEL_SECRET={{hex:31}}', 'const c={secret:"{{hex:32}}"};'],
  },
};
