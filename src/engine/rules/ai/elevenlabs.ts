/** ElevenLabs: API keys (`sk_` + 48 hex, or legacy 32 hex sent as `xi-api-key`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const elevenLabsApiKey: Rule = {
  id: 'elevenlabs-api-key',
  title: 'ElevenLabs API key',
  provider: 'ElevenLabs',
  category: 'ai',
  keywords: ['elevenlabs', 'xi-api-key', 'xi_api_key'],
  // `sk_` + 48 hex near an ElevenLabs name; a bare 32-hex legacy key only right after `xi-api-key`.
  pattern:
    /(?:(?<![A-Za-z0-9_])(?=sk_)|xi[-_]api[-_]key["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?)(?<secret>sk_[a-f0-9]{48}|[a-f0-9]{32})(?![A-Za-z0-9_])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'An ElevenLabs API key generates speech and clones voices on your character quota, and reads your voices and history.',
  remediation:
    'Delete the key in ElevenLabs (Developers > API keys), restrict new keys\' permissions and credit limits, and use single-use tokens or signed URLs for browser sessions.',
  samples: {
    positives: ['const client=new ElevenLabsClient({apiKey:"sk_{{hex:48}}"});', 'headers:{"xi-api-key":"{{hex:32}}"}'],
    negatives: ['const client=new ElevenLabsClient({apiKey:process.env.KEY});', 'elevenlabs voice_id="{{hex:32}}"', 'const k="sk_{{hex:48}}";'],
  },
};
