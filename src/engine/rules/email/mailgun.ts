/** Mailgun: private API keys (`key-…` and the newer `<32 hex>-<8>-<8>` form) and public validation keys. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mailgunApiKey: Rule = {
  id: 'mailgun-api-key',
  title: 'Mailgun API key',
  provider: 'Mailgun',
  category: 'email',
  // Both shapes are plain hex: they need the Mailgun name (or API host) nearby.
  keywords: ['mailgun'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>key-[a-f0-9]{32}|[a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})(?![A-Za-z0-9_-])/,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Mailgun private API key sends mail from your domains, reads logs and stored messages, and manages domains, routes and webhooks (the same shape is used for webhook signing keys).',
  remediation: 'Delete the key in Mailgun (API Security), review sending logs, and send from your backend with a domain sending key.',
  samples: {
    positives: ['const mg=mailgun.client({username:"api",key:"key-{{hex:32}}"});', 'MAILGUN_API_KEY={{hex:32}}-{{hex:8}}-{{hex:8}}'],
    negatives: ['MAILGUN_API_KEY=key-{{hex:30}}', 'const k="key-{{hex:32}}";', 'MAILGUN_PUBLIC_KEY=pubkey-{{hex:32}}'],
  },
};

export const mailgunPublicValidationKey: Rule = {
  id: 'mailgun-public-validation-key',
  title: 'Mailgun public validation key',
  provider: 'Mailgun',
  category: 'email',
  keywords: ['pubkey-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>pubkey-[a-f0-9]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Mailgun public validation key was made for browser-side address validation. It is safe only as long as its usage is capped: every validation it runs is billed to your account.',
  remediation: 'Nothing to hide, but the legacy public key is deprecated: validate addresses through your backend and rotate the key if you see abuse.',
  samples: {
    positives: ['MAILGUN_PUBLIC_KEY=pubkey-{{hex:32}}', '$.fn.mailgun_validator({api_key:"pubkey-{{hex:32}}"})'],
    negatives: ['pubkey-{{hex:20}}', 'pubkey-<public-key>'],
  },
};
