/** Stability AI: API keys (`sk-` + 48, identified by a Stability name or API host). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const stabilityApiKey: Rule = {
  id: 'stability-api-key',
  title: 'Stability AI API key',
  provider: 'Stability AI',
  category: 'ai',
  keywords: ['stability.ai', 'stability_api_key', 'stability_key', 'stabilityai', 'stability-api-key'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-[A-Za-z0-9]{48})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  // Legacy OpenAI user keys are `sk-` + 48 too, but carry the `T3BlbkFJ` marker.
  validate: rejectPlaceholders((secret) => (secret.includes('T3BlbkFJ') ? { verdict: 'invalid' } : { verdict: 'unknown' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Stability AI API key generates images on your credits; anyone who copies it from the page can use it.',
  remediation: 'Delete the key at https://platform.stability.ai/account/keys and call the API from your backend.',
  samples: {
    positives: ['fetch("https://api.stability.ai/v2beta/stable-image/generate/core",{headers:{Authorization:"Bearer sk-{{alnum:48}}"}})', 'STABILITY_API_KEY=sk-{{alnum:48}}'],
    negatives: ['STABILITY_API_KEY=sk-{{alnum:30}}', 'STABILITY_API_KEY=sk-{{alnum:20}}T3BlbkFJ{{alnum:20}}', 'const k="sk-{{alnum:48}}";'],
  },
};
