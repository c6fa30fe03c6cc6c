/** AssemblyAI: API keys (32 hex, identified by an AssemblyAI name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const assemblyAiApiKey: Rule = {
  id: 'assemblyai-api-key',
  title: 'AssemblyAI API key',
  provider: 'AssemblyAI',
  category: 'ai',
  keywords: ['assemblyai'],
  pattern:
    /(?:assembly[_-]?ai[\w-]{0,20}(?:api[_-]?)?(?:key|token)|\bapiKey|\bauthorization)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'An AssemblyAI API key transcribes audio on your account\'s bill and reads past transcripts, which often hold personal data.',
  remediation: 'Rotate the key in the AssemblyAI dashboard, and give browsers temporary streaming tokens from your backend instead.',
  samples: {
    positives: ['const client=new AssemblyAI({apiKey:"{{hex:32}}"});', 'ASSEMBLYAI_API_KEY={{hex:32}}'],
    negatives: ['ASSEMBLYAI_API_KEY={{hex:31}}', 'const c={apiKey:"{{hex:32}}"};'],
  },
};
