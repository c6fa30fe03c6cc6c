/** LangSmith (LangChain): personal access tokens (`lsv2_pt_`) and service keys (`lsv2_sk_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const langsmithApiKey: Rule = {
  id: 'langsmith-api-key',
  title: 'LangSmith API key',
  provider: 'LangSmith',
  category: 'ai',
  keywords: ['lsv2_pt_', 'lsv2_sk_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9_])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('lsv2_sk_')
      ? { verdict: 'unknown', title: 'LangSmith service key', details: { keyType: 'service key' } }
      : { verdict: 'unknown', title: 'LangSmith personal access token', details: { keyType: 'personal access token' } },
  ),
  severity: 'critical',
  exposure: 'secret',
  description: 'A LangSmith key reads and writes the workspace\'s traces, which hold full prompts, model outputs and often user data, plus datasets and prompts.',
  remediation: 'Delete the key in LangSmith (Settings > API keys) and send traces from your backend only.',
  samples: {
    positives: ['LANGSMITH_API_KEY=lsv2_pt_{{hex:32}}_{{hex:10}}', 'LANGCHAIN_API_KEY="lsv2_sk_{{hex:32}}_{{hex:10}}"'],
    negatives: ['LANGCHAIN_API_KEY=ls__{{hex:32}}', 'lsv2_xx_{{hex:32}}_{{hex:10}}'],
  },
};
