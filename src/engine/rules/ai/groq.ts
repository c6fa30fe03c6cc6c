/** Groq: API keys (`gsk_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const groqApiKey: Rule = {
  id: 'groq-api-key',
  title: 'Groq API key',
  provider: 'Groq',
  category: 'ai',
  keywords: ['gsk_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>gsk_[A-Za-z0-9]{52})(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Groq API key runs models on your organization\'s quota and bill; anyone who copies it from the page can use it.',
  remediation: 'Delete the key at https://console.groq.com/keys and call Groq from your backend.',
  samples: {
    positives: ['const groq=new Groq({apiKey:"gsk_{{alnum:52}}",dangerouslyAllowBrowser:true});', 'GROQ_API_KEY=gsk_{{alnum:52}}'],
    negatives: ['gsk_{{alnum:30}}', 'gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
