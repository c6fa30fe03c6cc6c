/** Intercom: access tokens (base64 of `tok:…`). The Messenger `app_id` is public and not reported. */
import { decodeBase64Bytes } from '../../decode.ts';
import type { Rule, SampleGenerator, ValidationResult } from '../../types.ts';

function validateIntercomToken(secret: string): ValidationResult {
  const bytes = decodeBase64Bytes(secret.replace(/=+$/, ''));
  if (!bytes) return { verdict: 'invalid' };
  const text = String.fromCharCode(...bytes);
  if (!/^tok:[0-9a-f-]{16,40}:[0-9]{1,2}:[0-9]{1,2}$/.test(text) && !/^tok:[\x21-\x7e]{16,60}$/.test(text)) return { verdict: 'invalid' };
  return { verdict: 'valid' };
}

function fakeToken(gen: SampleGenerator): string {
  return btoa(`tok:${gen.hex(8)}_${gen.hex(4)}_${gen.hex(4)}_${gen.hex(4)}_${gen.hex(12)}:1:0`);
}

export const intercomAccessToken: Rule = {
  id: 'intercom-access-token',
  title: 'Intercom access token',
  provider: 'Intercom',
  category: 'messaging',
  keywords: ['dg9ro'],
  pattern: /(?<![A-Za-z0-9+/])(?<secret>dG9rO[A-Za-z0-9+/]{40,90}={0,2})(?![A-Za-z0-9+/=])/,
  minEntropy: 4,
  validate: validateIntercomToken,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Intercom access token calls the REST API for the workspace: reading and exporting every contact, company and conversation, and sending messages as your team.',
  remediation:
    'Regenerate the token in the Intercom Developer Hub (your app > Authentication) and call the API from your backend; the Messenger needs only the public app_id.',
  samples: {
    positives: [(gen) => `INTERCOM_ACCESS_TOKEN=${fakeToken(gen)}`, (gen) => `headers:{Authorization:"Bearer ${fakeToken(gen)}"}`],
    negatives: [(gen) => `INTERCOM_ACCESS_TOKEN=dG9rO${gen.alnum(55)}=`, 'window.intercomSettings={app_id:"abc12345"}'],
  },
};
