/** Deepgram: API keys (40 hex, identified by a Deepgram name or the `Token` scheme to its API). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const deepgramApiKey: Rule = {
  id: 'deepgram-api-key',
  title: 'Deepgram API key',
  provider: 'Deepgram',
  category: 'ai',
  keywords: ['deepgram'],
  pattern:
    /(?:deepgram[\w-]{0,20}(?:api[_-]?)?(?:key|token)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?|\bToken\s|createClient\(\s{0,3}["'`]|\bapiKey["'`]?\s{0,3}:\s{0,3}["'`])(?<secret>[a-f0-9]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Deepgram API key transcribes and synthesizes speech on your project\'s balance and, with admin scopes, manages keys and members.',
  remediation: 'Delete the key in the Deepgram console, and give browsers short-lived temporary keys or tokens from your backend.',
  samples: {
    positives: ['const deepgram=createClient("{{hex:40}}");', 'DEEPGRAM_API_KEY={{hex:40}}', 'new WebSocket("wss://api.deepgram.com/v1/listen",["token","{{hex:40}}"]); headers:{Authorization:"Token {{hex:40}}"}'],
    negatives: ['DEEPGRAM_API_KEY={{hex:39}}', 'const c=createClient("{{hex:40}}");'],
  },
};
