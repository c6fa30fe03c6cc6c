/** Twitter / X: app-only bearer tokens (`AAAA…`) and consumer / access-token secrets named by context. */
import type { Rule } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

export const twitterBearerToken: Rule = {
  id: 'twitter-bearer-token',
  title: 'X (Twitter) app bearer token',
  provider: 'X (Twitter)',
  category: 'saas',
  keywords: ['aaaaaaaaaaaaaaaaaaaaa'],
  pattern: /(?<![A-Za-z0-9+/%_-])(?<secret>A{21,22}[A-Za-z0-9%]{60,140})(?![A-Za-z0-9+/%=_-])/,
  maxLength: 200,
  // The run of A's is part of the format: judge the rest, which must be random and URL-encoded-ish.
  validate: (secret) => {
    const rest = secret.replace(/^A{21,22}/, '').replace(/A{4,}/g, 'A');
    if (isPlaceholder(rest) || !/[0-9]/.test(rest) || !/[a-z]/.test(rest) || !/[B-Z]/.test(rest)) return { verdict: 'invalid' };
    return { verdict: 'unknown' };
  },
  severity: 'critical',
  exposure: 'secret',
  description: 'An X app-only bearer token calls the API as your app: reading public data against your quota and rate limits, and it does not expire until you regenerate it.',
  remediation: 'Regenerate the bearer token in the X developer portal (Keys and tokens) and call the API from your server.',
  samples: {
    positives: ['TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA{{alnum:10}}AAAAA{{alnum:20}}%2B{{alnum:10}}%3D{{alnum:40}}', 'headers:{Authorization:"Bearer AAAAAAAAAAAAAAAAAAAAAA{{alnum:90}}"}'],
    negatives: ['AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'x/AAAAAAAAAAAAAAAAAAAAA{{base64:100}}+{{base64:20}}', 'AAAAAAAAAAAAAAAAAAAAA{{alnum:20}}'],
  },
};

export const twitterApiSecret: Rule = {
  id: 'twitter-api-secret',
  title: 'X (Twitter) consumer or access token secret',
  provider: 'X (Twitter)',
  category: 'saas',
  keywords: ['twitter', 'consumer_secret', 'consumersecret', 'consumer-secret', 'access_token_secret', 'accesstokensecret'],
  pattern:
    /(?:(?:twitter|x)[_-]?api[_-]?secret(?:[_-]?key)?|(?:twitter[_-]?|x[_-]?)?(?:consumer[_-]?secret|access[_-]?token[_-]?secret))\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9]{45}|[A-Za-z0-9]{50})(?![A-Za-z0-9_-])/i,
  minEntropy: 4.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An X API consumer secret (or access token secret) signs OAuth 1.0a requests: with the matching key it acts as your app, or as the user who authorized it, posting and reading DMs.',
  remediation: 'Regenerate the keys in the X developer portal and sign requests on your server.',
  samples: {
    positives: ['TWITTER_CONSUMER_SECRET={{alnum:50}}', '{consumer_secret:"{{alnum:50}}",access_token_secret:"{{alnum:45}}"}'],
    negatives: ['TWITTER_CONSUMER_KEY={{alnum:25}}', 'consumer_secret:"{{alnum:30}}"'],
  },
};
