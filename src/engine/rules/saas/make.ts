/** Make (formerly Integromat) webhook URLs: the path is the credential. Anyone with it can trigger the workflow with any data. */
import type { Rule } from '../../types.ts';
import { isPlaceholder } from '../../validators/placeholder.ts';

export const makeWebhookUrl: Rule = {
  id: 'make-webhook-url',
  title: 'Make (Integromat) webhook URL',
  provider: 'Make',
  category: 'saas',
  keywords: ['make.com', 'integromat.com'],
  pattern: /(?<secret>https?:\/\/hook\.(?:[a-z]{2}\d\.)?(?:make|integromat)\.com\/[a-z0-9]{32})(?![A-Za-z0-9])/,
  maxLength: 80,
  minEntropy: 3.0,
  validate: (url) => (isPlaceholder(url.split('/').pop() ?? '') ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'high',
  exposure: 'secret',
  description: 'A Make webhook URL starts the scenario with whatever data is sent to it, feeding forged records into every module downstream.',
  remediation: 'Regenerate the webhook address in the scenario (or restrict it by IP / API key header) and call it from your server.',
  samples: {
    positives: ['fetch("https://hook.eu1.make.com/{{alnumlower:32}}",{method:"POST"})', 'https://hook.integromat.com/{{alnumlower:32}}'],
    negatives: ['https://www.make.com/en/help', 'https://hook.eu1.make.com/{{alnumlower:10}}'],
  },
};
