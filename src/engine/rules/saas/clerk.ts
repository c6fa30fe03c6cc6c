/**
 * Clerk publishable keys: `pk_live_` / `pk_test_` + base64 of the Frontend API host and `$` (public by
 * design). Clerk secret keys share Stripe's `sk_live_` shape and are reported by the Stripe rule.
 */
import { decodeBase64Bytes } from '../../decode.ts';
import type { Rule, ValidationResult } from '../../types.ts';
import { isExampleHost } from '../../validators/assigned-value.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function validatePublishableKey(key: string): ValidationResult {
  const body = key.replace(/^pk_(?:live|test)_/, '');
  const bytes = decodeBase64Bytes(body.replace(/=+$/, ''));
  if (!bytes) return { verdict: 'invalid' };
  let host: string;
  try {
    host = utf8.decode(bytes);
  } catch {
    return { verdict: 'invalid' };
  }
  if (!/^[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63}){1,6}\$$/.test(host)) return { verdict: 'invalid' };
  const frontendApi = host.slice(0, -1);
  const details = { frontendApi };
  if (isExampleHost(frontendApi)) return { verdict: 'valid', exposure: 'example', details };
  return key.startsWith('pk_test_') ? { verdict: 'valid', exposure: 'test', details } : { verdict: 'valid', details };
}

export const clerkPublishableKey: Rule = {
  id: 'clerk-publishable-key',
  title: 'Clerk publishable key',
  provider: 'Clerk',
  category: 'saas',
  keywords: ['pk_live_', 'pk_test_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pk_(?:live|test)_[A-Za-z0-9+/]{16,160}={0,2})(?![A-Za-z0-9+/=_])/,
  maxLength: 180,
  validate: validatePublishableKey,
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Clerk publishable key only names the instance’s Frontend API (decoded offline) and is meant for the browser. Security rests on Clerk’s session handling and on your backend verifying session tokens.',
  remediation:
    'No rotation needed. Make sure the Clerk secret key (`sk_live_…`, also reported as a Stripe-format secret key) is never in front-end code, and restrict allowed origins in the Clerk dashboard.',
  samples: {
    positives: [
      // Keys whose host length is not a multiple of three keep their base64 padding.
      (gen) => `<ClerkProvider publishableKey="pk_live_${btoa(`clerk.${gen.alnum(9).toLowerCase()}.app$`)}">`,
      (gen) => `NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY=pk_test_${btoa(`${gen.alnum(11).toLowerCase()}.clerk.accounts.dev$`)}`,
    ],
    negatives: ['pk_live_{{alnum:24}}', (gen) => `pk_live_${btoa(`not a host ${gen.alnum(8)}`)}`],
  },
};
