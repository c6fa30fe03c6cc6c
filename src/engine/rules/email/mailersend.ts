/** MailerSend: API tokens (`mlsn.` + 64 hex). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mailerSendApiToken: Rule = {
  id: 'mailersend-api-token',
  title: 'MailerSend API token',
  provider: 'MailerSend',
  category: 'email',
  keywords: ['mlsn.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>mlsn\.[a-f0-9]{64})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A MailerSend API token sends email and SMS from your verified domains and, with full access, reads activity and manages domains.',
  remediation: 'Delete the token in MailerSend (Integrations > API tokens) and send from your backend with a sending-only token.',
  samples: {
    positives: ['const mailerSend=new MailerSend({apiKey:"mlsn.{{hex:64}}"});', 'MAILERSEND_API_KEY=mlsn.{{hex:64}}'],
    negatives: ['mlsn.{{hex:40}}', 'mlsn.<token>'],
  },
};
