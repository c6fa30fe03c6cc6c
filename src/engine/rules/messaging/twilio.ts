/** Twilio: Account SIDs and API key SIDs (identifiers), auth tokens and API key secrets. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Rotate the credential in the Twilio Console (Account > API keys & tokens: promote a secondary auth token, or delete the API key), and call Twilio from your backend; browser Voice/Video/Conversations clients use short-lived Access Tokens minted by your server.';

const KEYWORDS = ['twilio', 'accountsid', 'account_sid', 'account-sid'];

export const twilioAccountSid: Rule = {
  id: 'twilio-account-sid',
  title: 'Twilio Account SID',
  provider: 'Twilio',
  category: 'messaging',
  keywords: KEYWORDS,
  pattern: /(?<![A-Za-z0-9_])(?<secret>AC[a-f0-9]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'identifier',
  description: 'A Twilio Account SID names the account. It is not a secret by itself, but its auth token, the credential that goes with it, is often stored right next to it.',
  remediation: REMEDIATION,
  samples: {
    positives: ['TWILIO_ACCOUNT_SID=AC{{hex:32}}', 'const client=twilio("AC{{hex:32}}",token);'],
    negatives: ['TWILIO_ACCOUNT_SID=AC{{hex:31}}', 'const hash="AC{{hex:32}}";', 'TWILIO_ACCOUNT_SID=ACxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const twilioApiKeySid: Rule = {
  id: 'twilio-api-key-sid',
  title: 'Twilio API key SID',
  provider: 'Twilio',
  category: 'messaging',
  keywords: KEYWORDS,
  pattern: /(?<![A-Za-z0-9_])(?<secret>SK[a-f0-9]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'identifier',
  description: 'A Twilio API key SID names an API key; with its secret it authenticates REST calls or signs Access Tokens.',
  remediation: REMEDIATION,
  samples: {
    positives: ['TWILIO_API_KEY=SK{{hex:32}}', 'twilio("SK{{hex:32}}",secret,{accountSid:"AC{{hex:32}}"})'],
    negatives: ['TWILIO_API_KEY=SK{{hex:20}}', 'const v="SK{{hex:32}}";'],
  },
};

export const twilioAuthToken: Rule = {
  id: 'twilio-auth-token',
  title: 'Twilio auth token',
  provider: 'Twilio',
  category: 'messaging',
  keywords: KEYWORDS,
  pattern: /auth[_-]?token["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Twilio auth token is the account\'s master credential: with the Account SID it sends SMS and calls on your bill (toll fraud), reads message logs and recordings, and changes phone numbers.',
  remediation: REMEDIATION,
  samples: {
    positives: ['TWILIO_ACCOUNT_SID=AC{{hex:32}}\nTWILIO_AUTH_TOKEN={{hex:32}}', 'const twilioClient=twilio(sid,null,{authToken:"{{hex:32}}"});'],
    negatives: ['TWILIO_AUTH_TOKEN={{hex:31}}', 'const app={authToken:"{{hex:32}}"};', 'TWILIO_AUTH_TOKEN=your_auth_token'],
  },
};

export const twilioApiKeySecret: Rule = {
  id: 'twilio-api-key-secret',
  title: 'Twilio API key secret',
  provider: 'Twilio',
  category: 'messaging',
  keywords: KEYWORDS,
  pattern: /(?:api[_-]?key[_-]?secret|api[_-]?secret)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Twilio API key secret, with its SID, calls the REST API (a standard key has nearly full account access) or mints Access Tokens for any identity.',
  remediation: REMEDIATION,
  samples: {
    positives: ['TWILIO_API_KEY=SK{{hex:32}}\nTWILIO_API_SECRET={{alnum:32}}', 'const twilioCfg={apiKeySecret:"{{alnum:32}}"};'],
    negatives: ['TWILIO_API_SECRET={{alnum:20}}', 'const cfg={apiSecret:"{{alnum:32}}"};'],
  },
};
