/** Vonage (Nexmo): API secrets (identified by a Vonage/Nexmo name nearby). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const vonageApiSecret: Rule = {
  id: 'vonage-api-secret',
  title: 'Vonage (Nexmo) API secret',
  provider: 'Vonage',
  category: 'messaging',
  keywords: ['vonage', 'nexmo'],
  pattern: /(?:api[_-]?secret|secret)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{16})(?![A-Za-z0-9_])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders((secret) => (/[0-9]/.test(secret) && /[A-Za-z]/.test(secret) ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Vonage API secret, with the API key, sends SMS and makes calls on your bill, reads message records, and manages numbers and applications.',
  remediation: 'Rotate the secret in the Vonage API Dashboard (Settings > API secrets) and call Vonage from your backend.',
  samples: {
    positives: ['const vonage=new Vonage({apiKey:"{{hex:8}}",apiSecret:"{{alnum:14}}7a"});', 'NEXMO_API_KEY={{hex:8}}\nNEXMO_API_SECRET={{alnum:15}}3'],
    negatives: ['VONAGE_API_SECRET={{alnum:10}}', 'const vonage=new Vonage({apiKey:k,apiSecret:s});'],
  },
};
