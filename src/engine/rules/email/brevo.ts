/** Brevo (Sendinblue): API keys (`xkeysib-`) and SMTP keys (`xsmtpsib-`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const brevoApiKey: Rule = {
  id: 'brevo-api-key',
  title: 'Brevo (Sendinblue) API key',
  provider: 'Brevo',
  category: 'email',
  keywords: ['xkeysib-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Brevo API key sends email and SMS campaigns and reads and exports every contact list of the account.',
  remediation: 'Delete the key in Brevo (SMTP & API > API keys), restrict new keys to your servers\' IPs, and call Brevo from your backend.',
  samples: {
    positives: ['BREVO_API_KEY=xkeysib-{{hex:64}}-{{alnum:16}}', 'headers:{"api-key":"xkeysib-{{hex:64}}-{{alnum:16}}"}'],
    negatives: ['xkeysib-{{hex:64}}', 'xkeysib-{{hex:40}}-{{alnum:16}}'],
  },
};

export const brevoSmtpKey: Rule = {
  id: 'brevo-smtp-key',
  title: 'Brevo (Sendinblue) SMTP key',
  provider: 'Brevo',
  category: 'email',
  keywords: ['xsmtpsib-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>xsmtpsib-[a-f0-9]{64}-[A-Za-z0-9]{16})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Brevo SMTP key is the password for smtp-relay.brevo.com: anyone with it sends mail as your account and domains.',
  remediation: 'Delete the SMTP key in Brevo (SMTP & API > SMTP) and relay mail only from your servers.',
  samples: {
    positives: ['SMTP_PASS=xsmtpsib-{{hex:64}}-{{alnum:16}}', 'auth:{user:"a@b.test",pass:"xsmtpsib-{{hex:64}}-{{alnum:16}}"}'],
    negatives: ['xsmtpsib-{{hex:64}}', 'xsmtpsib-<smtp-key>'],
  },
};
