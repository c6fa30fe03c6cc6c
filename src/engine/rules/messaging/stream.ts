/** Stream (getstream.io) Chat and Feeds: API secrets. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const streamApiSecret: Rule = {
  id: 'stream-api-secret',
  title: 'Stream API secret',
  provider: 'Stream',
  category: 'messaging',
  keywords: ['getstream.io', 'stream_secret', 'stream_api_secret', 'stream-chat', 'streamchat', 'stream-io'],
  // A `…secret` name, or the second argument of `StreamChat.getInstance(key, secret)` / `stream.connect(key, secret)`.
  pattern:
    /(?:(?:stream[_-]?)?(?:api[_-]?)?secret["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?|(?:getInstance|connect)\(\s{0,3}["'`][a-z0-9]{8,16}["'`]\s{0,3},\s{0,3}["'`])(?<secret>[a-z0-9]{64})(?![A-Za-z0-9_])/i,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Stream API secret signs server requests and user tokens: with it anyone can act as any user, read every channel\'s messages, and change the app\'s settings.',
  remediation: 'Revoke the secret in the Stream dashboard (App > API keys) and generate user tokens on your server.',
  samples: {
    positives: ['const serverClient=StreamChat.getInstance("{{alnumlower:12}}","{{alnumlower:64}}"); // stream-chat', 'STREAM_API_SECRET={{alnumlower:64}}'],
    negatives: ['STREAM_API_SECRET={{alnumlower:40}}', 'const s={secret:"{{alnumlower:64}}"};'],
  },
};
