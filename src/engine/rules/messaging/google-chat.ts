/** Google Chat: incoming webhook URLs (`chat.googleapis.com/v1/spaces/…/messages?key=…&token=…`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const googleChatWebhookUrl: Rule = {
  id: 'google-chat-webhook-url',
  title: 'Google Chat webhook URL',
  provider: 'Google Chat',
  category: 'messaging',
  keywords: ['chat.googleapis.com/v1/spaces/'],
  pattern:
    /chat\.googleapis\.com\/v1\/spaces\/[A-Za-z0-9_-]{6,30}\/messages\?(?:[^\s"'`<>]{0,200}?(?:&|&amp;))?token=(?<secret>[A-Za-z0-9_%=-]{30,80})/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description: 'A Google Chat webhook URL lets anyone who has it post messages into the space as the webhook, including phishing links.',
  remediation: 'Delete the webhook in the space (Apps & integrations > Webhooks) and post from your backend.',
  samples: {
    positives: [
      'fetch("https://chat.googleapis.com/v1/spaces/AAAA{{base64url:7}}/messages?key=AIza{{base64url:35}}&token={{base64url:43}}%3D",{method:"POST"})',
      'GCHAT_WEBHOOK=https://chat.googleapis.com/v1/spaces/{{alnum:11}}/messages?key=AIza{{base64url:35}}&token={{base64url:43}}',
    ],
    negatives: ['https://chat.googleapis.com/v1/spaces/{{alnum:11}}/messages?key=AIza{{base64url:35}}', 'https://chat.googleapis.com/v1/spaces/{{alnum:11}}/messages?token=<token>'],
  },
};
