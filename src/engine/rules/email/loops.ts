/** Loops: API keys (32 hex, identified by a Loops name or API host). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const loopsApiKey: Rule = {
  id: 'loops-api-key',
  title: 'Loops API key',
  provider: 'Loops',
  category: 'email',
  // Not the bare word `loops`.
  keywords: ['loops.so', 'loops_api_key', 'loops_key', 'loopsclient', 'loops-api-key'],
  pattern:
    /(?:loops[_-]?(?:api[_-]?)?key["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?|LoopsClient\(\s{0,3}["'`]|Bearer\s)(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Loops API key adds and edits contacts, sends transactional email and fires events that trigger your email loops.',
  remediation: 'Revoke the key in Loops (Settings > API) and call the API from your backend.',
  samples: {
    positives: ['const loops=new LoopsClient("{{hex:32}}");', 'LOOPS_API_KEY={{hex:32}}', 'fetch("https://app.loops.so/api/v1/contacts/create",{headers:{Authorization:"Bearer {{hex:32}}"}})'],
    negatives: ['LOOPS_API_KEY={{hex:31}}', 'const loops=new LoopsClient(process.env.LOOPS_API_KEY);'],
  },
};
