/** Stytch project secrets (`secret-live-…`, `secret-test-…`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const stytchProjectSecret: Rule = {
  id: 'stytch-project-secret',
  title: 'Stytch project secret',
  provider: 'Stytch',
  category: 'saas',
  keywords: ['secret-live-', 'secret-test-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>secret-(?:live|test)-[A-Za-z0-9_=-]{36,48})(?![A-Za-z0-9_=-])/,
  maxLength: 70,
  minEntropy: 3.5,
  validate: rejectPlaceholders((secret) => (secret.startsWith('secret-test-') ? { verdict: 'unknown', exposure: 'test' } : { verdict: 'unknown' })),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Stytch project secret calls the backend API for the project: authenticating any user, minting sessions, reading and deleting users.',
  remediation: 'Rotate the secret in the Stytch dashboard (API keys) and keep it on the server; the frontend SDK uses the public token.',
  samples: {
    positives: ['STYTCH_SECRET=secret-live-{{base64url:36}}', 'new stytch.Client({project_id:"project-live-{{hex:8}}",secret:"secret-test-{{alnum:36}}"})'],
    negatives: ['secret-live-{{alnum:10}}', 'public-token-live-{{hex:8}}-{{hex:4}}'],
  },
};
