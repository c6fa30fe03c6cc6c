/** Dropbox access tokens: short-lived (`sl.…`) and legacy long-lived ones. */
import type { Rule } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Revoke the token (Dropbox account → Connected apps, or the app console’s generated tokens), and call Dropbox from your server, or let each user authorize with PKCE in their own browser session.';

export const dropboxAccessToken: Rule = {
  id: 'dropbox-access-token',
  title: 'Dropbox short-lived access token',
  provider: 'Dropbox',
  category: 'saas',
  keywords: ['sl.'],
  pattern: /(?<![A-Za-z0-9_.-])(?<secret>sl\.(?:u\.)?[A-Za-z0-9_-]{130,1400})(?![A-Za-z0-9_-])/,
  maxLength: 1420,
  minEntropy: 4.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description: 'A Dropbox access token reads and writes the files of the account (or app folder) that authorized it until it expires, usually within four hours.',
  remediation: REMEDIATION,
  samples: {
    positives: ['new Dropbox({accessToken:"sl.{{base64url:138}}"})', 'DROPBOX_TOKEN=sl.u.{{base64url:600}}'],
    negatives: ['sl.{{base64url:60}}', 'isl.{{base64url:138}}'],
  },
};

export const dropboxLongLivedToken: Rule = {
  id: 'dropbox-long-lived-token',
  title: 'Dropbox long-lived access token',
  provider: 'Dropbox',
  category: 'saas',
  keywords: ['dropbox'],
  pattern: /(?<![A-Za-z0-9+/_-])(?<secret>[A-Za-z0-9]{11}AAAAAAAAAA[A-Za-z0-9_=-]{43})(?![A-Za-z0-9+/_=-])/,
  minEntropy: 3.5,
  // The run of ten A's is part of the format; judge the random parts around it.
  validate: (secret) => (isPlaceholder(`${secret.slice(0, 11)}${secret.slice(21)}`) ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'critical',
  exposure: 'secret',
  description: 'A legacy long-lived Dropbox token never expires: it reads and writes the authorizing account’s files (or app folder) until revoked.',
  remediation: REMEDIATION,
  samples: {
    positives: ['DROPBOX_ACCESS_TOKEN={{alnum:11}}AAAAAAAAAA{{base64url:43}}', 'new Dropbox({accessToken:"{{alnum:11}}AAAAAAAAAA{{alnum:43}}"})'],
    negatives: ['dropbox {{alnum:11}}AAAAAAAAA{{base64url:43}}', 'dropbox {{alnum:11}}AAAAAAAAAA{{base64url:20}}'],
  },
};
