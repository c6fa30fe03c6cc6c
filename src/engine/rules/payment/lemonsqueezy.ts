/** Lemon Squeezy: API keys (JWTs, identified by a Lemon Squeezy name). */
import type { Rule, SampleGenerator } from '../../types.ts';

function fakeJwt(gen: SampleGenerator): string {
  const encode = (value: unknown) => btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ typ: 'JWT', alg: 'RS256' })}.${encode({ aud: gen.hex(8), jti: gen.hex(40), sub: gen.digits(6) })}.${gen.base64url(342)}`;
}

export const lemonSqueezyApiKey: Rule = {
  id: 'lemonsqueezy-api-key',
  title: 'Lemon Squeezy API key',
  provider: 'Lemon Squeezy',
  category: 'payment',
  keywords: ['lemonsqueezy', 'lemon_squeezy', 'lemon-squeezy'],
  pattern:
    /lemon[_-]?squeezy[\w-]{0,24}["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>eyJ[A-Za-z0-9_-]{10,1000}\.eyJ[A-Za-z0-9_-]{10,3000}\.[A-Za-z0-9_-]{20,1400})(?![A-Za-z0-9_.-])/i,
  maxLength: 5500,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Lemon Squeezy API key (a long-lived JWT) manages the store: products, orders, customers, subscriptions and license keys, in live or test mode.',
  remediation: 'Delete the key in Lemon Squeezy (Settings > API), and call the API from your server only; checkout links and Lemon.js need no key.',
  samples: {
    positives: [(gen) => `LEMONSQUEEZY_API_KEY=${fakeJwt(gen)}`, (gen) => `const lemonSqueezyKey="${fakeJwt(gen)}";`],
    negatives: [(gen) => `const token="${fakeJwt(gen)}";`, 'LEMONSQUEEZY_API_KEY=eyJ0eXAiOiJKV1QifQ'],
  },
};
