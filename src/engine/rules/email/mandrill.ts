/** Mailchimp Transactional (Mandrill): API keys (`md-` + 22, or legacy 22 characters next to a Mandrill name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mandrillApiKey: Rule = {
  id: 'mandrill-api-key',
  title: 'Mandrill (Mailchimp Transactional) API key',
  provider: 'Mandrill',
  category: 'email',
  keywords: ['mandrill'],
  pattern:
    /(?:(?<![A-Za-z0-9_-])(?=md-)|(?:mandrill[\w-]{0,20})?(?:api[_-]?)?key["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]|mandrill(?:\.Mandrill|Client)?\(\s{0,3}["'`])(?<secret>md-[A-Za-z0-9_-]{22}|[A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Mandrill API key sends transactional mail from your domains and reads message content, templates and activity.',
  remediation: 'Delete the key in Mailchimp Transactional (Settings > SMTP & API Info) and send from your backend.',
  samples: {
    positives: ['const mailchimp=require("@mailchimp/mailchimp_transactional")("md-{{base64url:22}}"); // mandrill', 'MANDRILL_API_KEY="{{alnum:22}}"'],
    negatives: ['MANDRILL_API_KEY="{{alnum:12}}"', 'const k="md-{{alnum:22}}";'],
  },
};
