/** Spotify client secrets, named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const spotifyClientSecret: Rule = {
  id: 'spotify-client-secret',
  title: 'Spotify client secret',
  provider: 'Spotify',
  category: 'saas',
  keywords: ['spotify'],
  pattern: /spotify[_-]?(?:client[_-]?|app[_-]?|api[_-]?)?secret\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Spotify client secret authenticates as the app: client-credentials tokens against your quota, and code exchanges that yield users’ access and refresh tokens.',
  remediation: 'Rotate the secret in the Spotify developer dashboard and use the PKCE flow in the browser.',
  samples: {
    positives: ['SPOTIFY_CLIENT_SECRET={{hex:32}}', '{spotifyClientSecret:"{{hex:32}}"}'],
    negatives: ['SPOTIFY_CLIENT_ID={{hex:32}}', 'SPOTIFY_CLIENT_SECRET={{hex:16}}'],
  },
};
