/** Mailjet: API secret keys (32 hex, identified by a Mailjet name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mailjetSecretKey: Rule = {
  id: 'mailjet-secret-key',
  title: 'Mailjet API secret key',
  provider: 'Mailjet',
  category: 'email',
  keywords: ['mailjet'],
  pattern:
    /(?:(?:api[_-]?)?secret(?:[_-]?key)?|private[_-]?key|mj_apikey_private)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Mailjet secret key, with its API key, sends email and SMS from your account and reads contacts and message statistics.',
  remediation: 'Regenerate the secret key in Mailjet (Account settings > REST API keys) and send from your backend.',
  samples: {
    positives: ['const mailjet=Mailjet.apiConnect("{{hex:32}}","{{hex:32}}"); const cfg={apiSecret:"{{hex:32}}"};', 'MJ_APIKEY_PUBLIC={{hex:32}}\nMJ_APIKEY_PRIVATE={{hex:32}} # mailjet'],
    negatives: ['MAILJET_SECRET_KEY={{hex:31}}', 'const cfg={apiSecret:"{{hex:32}}"};'],
  },
};
