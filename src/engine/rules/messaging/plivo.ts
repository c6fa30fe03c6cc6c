/** Plivo: Auth IDs (identifiers) and auth tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const plivoAuthId: Rule = {
  id: 'plivo-auth-id',
  title: 'Plivo Auth ID',
  provider: 'Plivo',
  category: 'messaging',
  keywords: ['plivo'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>[MS]A[A-Z0-9]{18})(?![A-Za-z0-9_])/,
  minEntropy: 3.2,
  validate: rejectPlaceholders((secret) => (/[0-9]/.test(secret) ? { verdict: 'unknown' } : { verdict: 'invalid' })),
  severity: 'low',
  exposure: 'identifier',
  description: 'A Plivo Auth ID names the account (or subaccount); its auth token, the actual credential, usually sits next to it.',
  remediation: 'Nothing to rotate for the ID itself; make sure the auth token is not in the page.',
  samples: {
    positives: ['const client=new plivo.Client("MA{{alnumupper:16}}4Z","{{alnum:40}}");', 'PLIVO_AUTH_ID=SA{{alnumupper:17}}9'],
    negatives: ['PLIVO_AUTH_ID=MA{{alnumupper:10}}', 'PLIVO_AUTH_ID=MAABCDEFGHIJKLMNOPQR'],
  },
};

export const plivoAuthToken: Rule = {
  id: 'plivo-auth-token',
  title: 'Plivo auth token',
  provider: 'Plivo',
  category: 'messaging',
  keywords: ['plivo'],
  pattern: /(?:auth[_-]?token["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?|plivo\.(?:Rest)?Client\(\s{0,3}["'`][MS]A[A-Z0-9]{18}["'`]\s{0,3},\s{0,3}["'`])(?<secret>[A-Za-z0-9_-]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Plivo auth token, with the Auth ID, sends SMS and places calls on your bill and reads message and call logs.',
  remediation: 'Rotate the auth token in the Plivo console (Account > Overview / Subaccounts) and call Plivo from your backend.',
  samples: {
    positives: ['const client=new plivo.Client("MA{{alnumupper:16}}4Z","{{alnum:40}}");', 'PLIVO_AUTH_TOKEN={{base64url:40}}'],
    negatives: ['PLIVO_AUTH_TOKEN={{alnum:30}}', 'const c={authToken:"{{alnum:40}}"};'],
  },
};
