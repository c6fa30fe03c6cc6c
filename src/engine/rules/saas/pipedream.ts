/** Pipedream HTTP trigger endpoints. Anyone with it can trigger the workflow with any data. */
import type { Rule } from '../../types.ts';
import { isPlaceholder } from '../../validators/placeholder.ts';

export const pipedreamWebhookUrl: Rule = {
  id: 'pipedream-webhook-url',
  title: 'Pipedream HTTP endpoint',
  provider: 'Pipedream',
  category: 'saas',
  keywords: ['.m.pipedream.net'],
  pattern: /(?<secret>https?:\/\/eo[a-z0-9]{10,40}\.m\.pipedream\.net)(?![A-Za-z0-9.-])/,
  maxLength: 80,
  minEntropy: 3.0,
  validate: (url) => (isPlaceholder(/\/\/(eo[a-z0-9]{10,40})\./.exec(url)?.[1] ?? '') ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'medium',
  exposure: 'secret',
  description: 'A Pipedream HTTP endpoint runs its workflow for every request sent to it; without auth configured anyone can feed it data.',
  remediation: 'Add authorization to the HTTP trigger (or rotate the endpoint) and call it from your server.',
  samples: {
    positives: ['fetch("https://eo{{alnumlower:14}}.m.pipedream.net",{method:"POST"})', 'PIPEDREAM_URL=https://eo{{alnumlower:20}}.m.pipedream.net'],
    negatives: ['https://pipedream.com/docs', 'https://eo.m.pipedream.net'],
  },
};
