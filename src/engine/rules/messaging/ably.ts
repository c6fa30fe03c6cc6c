/** Ably: API keys (`<appId>.<keyId>:<secret>`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const ablyApiKey: Rule = {
  id: 'ably-api-key',
  title: 'Ably API key',
  provider: 'Ably',
  category: 'messaging',
  // Not the bare `ably` (probably, capably…).
  keywords: ['ably.io', 'ably.com', 'ably.realtime', 'ably.rest', 'new ably', 'ably_api_key', 'ably_key', 'ably-key', 'ablyapikey'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{6}:[A-Za-z0-9_+/=-]{40,50})(?![A-Za-z0-9_+/=-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Ably API key authenticates with its capabilities, typically publish, subscribe, presence and history on every channel of the app, and mints tokens for any client ID. Ably recommends token authentication for browsers.',
  remediation:
    'Revoke the key in the Ably dashboard (your app > API Keys), and give browsers short-lived tokens from your own auth endpoint (`authUrl`/`authCallback`) instead of a key.',
  samples: {
    positives: ['const ably=new Ably.Realtime({key:"{{alnum:6}}.{{base64url:6}}:{{base64url:43}}"});', 'ABLY_API_KEY={{alnum:6}}.{{alnum:6}}:{{alnum:43}}'],
    negatives: ['ABLY_API_KEY={{alnum:6}}.{{alnum:6}}', 'new Ably.Realtime({authUrl:"/api/ably-token"})'],
  },
};
