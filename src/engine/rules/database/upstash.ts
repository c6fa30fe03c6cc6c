/** Upstash: Redis REST tokens (also Vercel KV's `KV_REST_API_TOKEN`) and QStash tokens and signing keys. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';
import { matchedText } from '../../validators/assigned-value.ts';

export const upstashRedisRestToken: Rule = {
  id: 'upstash-redis-rest-token',
  title: 'Upstash Redis REST token',
  provider: 'Upstash',
  category: 'database',
  keywords: ['upstash_redis_rest', 'upstashredisrest', 'upstash-redis-rest', 'kv_rest_api', 'kvrestapi'],
  pattern:
    /(?:upstash[_-]?redis[_-]?rest[_-]?(?:read[_-]?only[_-]?)?token|kv[_-]?rest[_-]?api[_-]?(?:read[_-]?only[_-]?)?token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_-]{40,200}={0,2})(?![A-Za-z0-9_=-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders((_secret, context) =>
    /read[_-]?only/.test(matchedText(context))
      ? { verdict: 'unknown', severity: 'high', note: 'This is a read-only token: it reads every key of the database but cannot write.' }
      : { verdict: 'unknown' },
  ),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Upstash Redis REST token runs any Redis command over HTTPS against the database: reading, overwriting and flushing every key (sessions, caches, rate-limit state).',
  remediation:
    'Reset the password/token on the database’s page in the Upstash console (or rotate the Vercel KV store credentials) and call Redis only from server code or edge functions.',
  samples: {
    positives: ['UPSTASH_REDIS_REST_TOKEN="A{{base64url:59}}="', '{url:"https://x.upstash.io",token:void 0,KV_REST_API_READ_ONLY_TOKEN:"A{{alnum:60}}"}'],
    negatives: ['UPSTASH_REDIS_REST_TOKEN=', 'UPSTASH_REDIS_REST_TOKEN=${TOKEN}', 'UPSTASH_REDIS_REST_URL=https://{{lower:10}}.upstash.io'],
  },
};

export const upstashQstashToken: Rule = {
  id: 'upstash-qstash-token',
  title: 'Upstash QStash token',
  provider: 'Upstash',
  category: 'database',
  keywords: ['qstash_token', 'qstashtoken', 'qstash-token'],
  pattern: /qstash[_-]?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9+/_-]{40,400}={0,2})(?![A-Za-z0-9+/_=-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A QStash token publishes messages and schedules that QStash delivers to your endpoints, and manages topics and queues: with it anyone can make your backend receive arbitrary signed calls.',
  remediation: 'Roll the token in the QStash tab of the Upstash console and publish messages only from server code.',
  samples: {
    positives: ['QSTASH_TOKEN=eyJVc2VySUQiOi{{base64:60}}=', 'new Client({qstashToken:"{{base64url:64}}"})'],
    negatives: ['QSTASH_TOKEN=<your token>', 'qstashToken:e.token', 'QSTASH_URL=https://qstash.upstash.io'],
  },
};

export const upstashQstashSigningKey: Rule = {
  id: 'upstash-qstash-signing-key',
  title: 'Upstash QStash signing key',
  provider: 'Upstash',
  category: 'database',
  keywords: ['qstash_current_signing_key', 'qstash_next_signing_key', 'currentsigningkey', 'nextsigningkey'],
  pattern:
    /(?:qstash[_-]?(?:current|next)[_-]?signing[_-]?key|(?:current|next)SigningKey)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>sig_[A-Za-z0-9]{20,64})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'QStash signing keys verify that webhook calls really come from QStash. Whoever holds them can forge signed requests that your endpoints will accept as genuine.',
  remediation: 'Roll the signing keys in the QStash console and keep signature verification on the server.',
  samples: {
    positives: ['QSTASH_CURRENT_SIGNING_KEY=sig_{{alnum:28}}', 'new Receiver({currentSigningKey:"sig_{{alnum:28}}",nextSigningKey:k})'],
    negatives: ['QSTASH_CURRENT_SIGNING_KEY=sig_xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'currentSigningKey:"{{alnum:28}}"'],
  },
};
