/** IFTTT Webhooks (Maker) keys. Anyone with it can trigger the workflow with any data. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const iftttWebhookKey: Rule = {
  id: 'ifttt-webhook-key',
  title: 'IFTTT Webhooks key',
  provider: 'IFTTT',
  category: 'saas',
  keywords: ['maker.ifttt.com', 'ifttt_key', 'iftttkey', 'ifttt_webhook_key'],
  pattern:
    /(?:maker\.ifttt\.com\/(?:trigger\/[^\s/"'`]{1,100}\/(?:json\/)?with\/key|use)\/|ifttt[_-]?(?:webhooks?[_-]?|maker[_-]?)?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?)(?<secret>[A-Za-z0-9_-]{22,43})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description: 'An IFTTT Webhooks key triggers every applet of the account that listens for web requests, with any event name and values.',
  remediation: 'Regenerate the key in the Webhooks service settings on ifttt.com and trigger events from your server.',
  samples: {
    positives: ['fetch("https://maker.ifttt.com/trigger/door_open/with/key/{{base64url:22}}")', 'IFTTT_KEY={{alnum:22}}'],
    negatives: ['https://maker.ifttt.com/trigger/{event}/with/key/{your_key}', 'https://maker.ifttt.com/trigger/x/with/key/{{alnum:8}}'],
  },
};
