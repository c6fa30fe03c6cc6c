/** DeepSeek: API keys (`sk-` + 32 hex, identified by a DeepSeek name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const deepseekApiKey: Rule = {
  id: 'deepseek-api-key',
  title: 'DeepSeek API key',
  provider: 'DeepSeek',
  category: 'ai',
  // `sk-` + 32 hex is not unique to DeepSeek: it needs the name or the API host nearby.
  keywords: ['deepseek'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>sk-[a-f0-9]{32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A DeepSeek API key spends your account balance on DeepSeek models; anyone who copies it from the page can use it.',
  remediation: 'Delete the key at https://platform.deepseek.com/api_keys and call the API from your backend.',
  samples: {
    positives: ['new OpenAI({baseURL:"https://api.deepseek.com",apiKey:"sk-{{hex:32}}"})', 'DEEPSEEK_API_KEY=sk-{{hex:32}}'],
    negatives: ['DEEPSEEK_API_KEY=sk-{{hex:31}}', 'const k="sk-{{hex:32}}";', 'DEEPSEEK_API_KEY=sk-{{alnum:48}}'],
  },
};
