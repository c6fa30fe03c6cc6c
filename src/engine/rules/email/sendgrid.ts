/** Twilio SendGrid: API keys (`SG.` + 22 + `.` + 43). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const sendgridApiKey: Rule = {
  id: 'sendgrid-api-key',
  title: 'SendGrid API key',
  provider: 'SendGrid',
  category: 'email',
  keywords: ['sg.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A SendGrid API key sends mail as your verified domains (perfect for phishing that passes SPF/DKIM) and, with full access, reads contacts and changes account settings.',
  remediation:
    'Delete the key in SendGrid (Settings > API Keys), check Activity for unexpected sends, and send mail from your backend with a key restricted to Mail Send.',
  samples: {
    positives: ['sgMail.setApiKey("SG.{{base64url:22}}.{{base64url:43}}");', 'SENDGRID_API_KEY=SG.{{alnum:22}}.{{alnum:43}}'],
    negatives: ['SG.{{alnum:22}}.{{alnum:20}}', 'msg.{{alnum:22}}.{{alnum:43}}', 'SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
