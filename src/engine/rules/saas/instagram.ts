/** Instagram user access tokens (`IGQV…`, `IGAA…`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const instagramAccessToken: Rule = {
  id: 'instagram-access-token',
  title: 'Instagram access token',
  provider: 'Meta',
  category: 'saas',
  keywords: ['igqv', 'igaa'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>IG(?:QV|AA)[A-Za-z0-9_-]{100,400})(?![A-Za-z0-9_-])/,
  maxLength: 420,
  minEntropy: 4.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'An Instagram user access token reads the account’s profile and media (and with Instagram Login permissions, publishes content and reads comments and messages). Long-lived tokens last 60 days and can be refreshed.',
  remediation: 'Have the account owner remove the app (or reset the app secret) to revoke it, and fetch Instagram data on the server, caching what the page needs.',
  samples: {
    positives: ['fetch("https://graph.instagram.com/me/media?fields=id,caption&access_token=IGQV{{base64url:180}}")', 'INSTAGRAM_TOKEN=IGAA{{alnum:150}}'],
    negatives: ['IGQV{{alnum:40}}', 'xIGQV{{alnum:180}}'],
  },
};
