/** Amazon SES SMTP passwords (44 characters derived from an IAM secret key), next to an SES SMTP host. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const amazonSesSmtpPassword: Rule = {
  id: 'amazon-ses-smtp-password',
  title: 'Amazon SES SMTP password',
  provider: 'Amazon SES',
  category: 'email',
  keywords: ['email-smtp.', 'ses_smtp', 'ses-smtp', 'sessmtp'],
  // Version byte 0x04 makes every SMTP password start with `B`; the user name is an AKIA key ID.
  pattern: /(?:pass(?:word)?|smtp[_-]?pass(?:word)?|pwd|secret)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>B[A-Za-z0-9+/]{43})(?![A-Za-z0-9+/=])/i,
  minEntropy: 4,
  validate: rejectPlaceholders((secret) => (secret.startsWith('B') ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'An Amazon SES SMTP password (with its AKIA user name) sends mail through SES as your verified identities, on your bill and reputation.',
  remediation:
    'Delete the IAM user\'s access key that the SMTP credentials were derived from (IAM > Users > Security credentials), create new SMTP credentials, and relay mail only from your servers.',
  samples: {
    positives: ['const transport=nodemailer.createTransport({host:"email-smtp.eu-west-1.amazonaws.com",port:465,auth:{user:"AKIA{{base32:16}}",pass:"B{{base64:43}}"}});', 'SES_SMTP_PASSWORD=B{{alnum:43}}'],
    negatives: ['SES_SMTP_PASSWORD=A{{alnum:43}}', 'SES_SMTP_PASSWORD=B{{alnum:30}}', 'host:"email-smtp.eu-west-1.amazonaws.com",auth:{pass:process.env.SMTP_PASS}'],
  },
};
