/** Together AI: API keys (`tgp_v1_` format, or legacy 64 hex identified by a Together name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const togetherApiKey: Rule = {
  id: 'together-api-key',
  title: 'Together AI API key',
  provider: 'Together AI',
  category: 'ai',
  // Not the bare word `together`.
  keywords: ['tgp_v1_', 'together_api_key', 'togetherai', 'together.xyz', 'api.together', 'together_key'],
  pattern:
    /(?:(?<![A-Za-z0-9_])(?=tgp_v1_)|together[_-]?(?:ai[_-]?)?(?:api[_-]?)?key["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?|\bapiKey["'`]?\s{0,3}:\s{0,3}["'`])(?<secret>tgp_v1_[A-Za-z0-9_-]{40,50}|[a-f0-9]{64})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Together AI API key runs inference and fine-tuning on your account\'s credits.',
  remediation: 'Revoke the key in Together AI (Settings > API keys) and call the API from your backend.',
  samples: {
    positives: ['TOGETHER_API_KEY=tgp_v1_{{base64url:43}}', 'const together=new Together({apiKey:"{{hex:64}}"}); // api.together.xyz', 'TOGETHER_API_KEY={{hex:64}}'],
    negatives: ['TOGETHER_API_KEY={{hex:40}}', 'const sha="{{hex:64}}"; // together.xyz'],
  },
};
