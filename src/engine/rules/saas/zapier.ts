/** Zapier catch-hook URLs: the path is the credential. Anyone with it can trigger the workflow with any data. */
import type { Rule } from '../../types.ts';
import { isPlaceholder } from '../../validators/placeholder.ts';

export const zapierWebhookUrl: Rule = {
  id: 'zapier-webhook-url',
  title: 'Zapier webhook URL',
  provider: 'Zapier',
  category: 'saas',
  keywords: ['hooks.zapier.com'],
  pattern: /(?<secret>https?:\/\/hooks\.zapier\.com\/hooks\/catch\/\d{3,12}\/[a-z0-9]{5,12}\/?)(?![A-Za-z0-9])/,
  maxLength: 120,
  // The hook id is the random part; the account id is a plain number.
  validate: (url) => (isPlaceholder(url.replace(/\/$/, '').split('/').pop() ?? '') ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Zapier catch-hook URL triggers the Zap with whatever data is posted to it: spam, fake sign-ups or orders flowing into the connected apps (CRMs, email, spreadsheets).',
  remediation: 'Turn the Zap off or replace its trigger to get a new URL, and post to Zapier from your server after validating the data.',
  samples: {
    positives: ['fetch("https://hooks.zapier.com/hooks/catch/{{digits:7}}/{{alnumlower:7}}/",{method:"POST",body:d})', 'ZAPIER_WEBHOOK=https://hooks.zapier.com/hooks/catch/{{digits:6}}/{{alnumlower:6}}'],
    negatives: ['https://hooks.zapier.com/hooks/catch/123/', 'https://zapier.com/hooks/catch/{{digits:7}}/{{alnumlower:7}}/'],
  },
};
