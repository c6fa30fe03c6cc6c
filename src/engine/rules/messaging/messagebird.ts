/** MessageBird (Bird): access keys (25 alphanumerics, identified by a MessageBird name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const messageBirdAccessKey: Rule = {
  id: 'messagebird-access-key',
  title: 'MessageBird access key',
  provider: 'MessageBird',
  category: 'messaging',
  keywords: ['messagebird'],
  pattern:
    /(?:messagebird[\w-]{0,20}(?:api[_-]?)?(?:key|token)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?|messagebird["'`]?\)?(?:\.initClient)?\(\s{0,3}["'`]|AccessKey\s)(?<secret>(?:test_|live_)?[A-Za-z0-9]{25})(?![A-Za-z0-9_])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders((secret) => (secret.startsWith('test_') ? { verdict: 'unknown', exposure: 'test', title: 'MessageBird test access key' } : { verdict: 'unknown' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'A MessageBird live access key sends SMS, voice and WhatsApp messages on your balance and reads message history and contacts.',
  remediation: 'Delete the key in the MessageBird/Bird dashboard (Developers > API access) and send messages from your backend.',
  samples: {
    positives: ['const messagebird=require("messagebird")("{{alnum:25}}");', 'MESSAGEBIRD_API_KEY={{alnum:25}}', 'headers:{Authorization:"AccessKey {{alnum:25}}"}; // rest.messagebird.com'],
    negatives: ['MESSAGEBIRD_API_KEY={{alnum:20}}', 'MESSAGEBIRD_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
