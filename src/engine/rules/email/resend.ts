/** Resend: API keys (`re_` + 8 + `_` + 24). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const resendApiKey: Rule = {
  id: 'resend-api-key',
  title: 'Resend API key',
  provider: 'Resend',
  category: 'email',
  keywords: ['re_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>re_[A-Za-z0-9]{8}_[A-Za-z0-9]{24})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Resend API key sends email from your verified domains and, with full access, reads sent emails and manages domains and audiences.',
  remediation: 'Delete the key in Resend (API Keys), and send from your backend with a sending-only key restricted to one domain.',
  samples: {
    positives: ['const resend=new Resend("re_{{alnum:8}}_{{alnum:24}}");', 'RESEND_API_KEY=re_{{alnum:8}}_{{alnum:24}}'],
    negatives: ['re_{{alnum:8}}_{{alnum:10}}', 'store_{{alnum:8}}_{{alnum:24}}', 'RESEND_API_KEY=re_123456789'],
  },
};
