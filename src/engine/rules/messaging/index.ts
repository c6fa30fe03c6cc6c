/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { ablyApiKey } from './ably.ts';
import { discordBotToken, discordClientSecret, discordWebhookUrl } from './discord.ts';
import { googleChatWebhookUrl } from './google-chat.ts';
import { intercomAccessToken } from './intercom.ts';
import { lineChannelAccessToken, lineChannelSecret } from './line.ts';
import { mattermostAccessToken, mattermostWebhookUrl } from './mattermost.ts';
import { messageBirdAccessKey } from './messagebird.ts';
import { plivoAuthId, plivoAuthToken } from './plivo.ts';
import { pusherAppKey, pusherAppSecret } from './pusher.ts';
import { sendbirdApiToken } from './sendbird.ts';
import { slackAppToken, slackBotToken, slackConfigAccessToken, slackConfigRefreshToken, slackLegacyToken, slackSessionToken, slackUserToken, slackWebhookUrl, slackWorkflowWebhookUrl } from './slack.ts';
import { streamApiSecret } from './stream.ts';
import { teamsIncomingWebhookUrl, teamsWorkflowWebhookUrl } from './teams.ts';
import { telegramBotToken } from './telegram.ts';
import { twilioAccountSid, twilioApiKeySecret, twilioApiKeySid, twilioAuthToken } from './twilio.ts';
import { vonageApiSecret } from './vonage.ts';

export const messagingRules: readonly Rule[] = [
  ablyApiKey,
  discordBotToken,
  discordWebhookUrl,
  discordClientSecret,
  googleChatWebhookUrl,
  intercomAccessToken,
  lineChannelAccessToken,
  lineChannelSecret,
  mattermostAccessToken,
  mattermostWebhookUrl,
  messageBirdAccessKey,
  plivoAuthId,
  plivoAuthToken,
  pusherAppSecret,
  pusherAppKey,
  sendbirdApiToken,
  slackBotToken,
  slackUserToken,
  slackAppToken,
  slackConfigAccessToken,
  slackConfigRefreshToken,
  slackLegacyToken,
  slackSessionToken,
  slackWebhookUrl,
  slackWorkflowWebhookUrl,
  streamApiSecret,
  teamsIncomingWebhookUrl,
  teamsWorkflowWebhookUrl,
  telegramBotToken,
  twilioAccountSid,
  twilioApiKeySid,
  twilioAuthToken,
  twilioApiKeySecret,
  vonageApiSecret,
];
