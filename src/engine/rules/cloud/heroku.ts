/** Heroku: API keys / OAuth tokens, in the prefixed `HRKU-` format and the legacy UUID format. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Revoke the token (Heroku Dashboard > Account settings > API key > Regenerate, or `heroku authorizations:revoke`), review the account\'s activity, and use the Platform API only from your backend or CI with a narrowly scoped authorization.';

export const herokuApiKey: Rule = {
  id: 'heroku-api-key',
  title: 'Heroku API key',
  provider: 'Heroku',
  category: 'cloud',
  keywords: ['hrku-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>HRKU-[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Heroku API key (or OAuth authorization) controls every app its user can access: config vars with their database URLs and secrets, deploys, add-ons and collaborators.',
  remediation: REMEDIATION,
  samples: {
    positives: ['HEROKU_API_KEY=HRKU-AA{{base64url:58}}', 'headers:{Authorization:"Bearer HRKU-AA{{alnum:58}}"}'],
    negatives: ['HRKU-AA{{alnum:40}}', 'HRKU-AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const herokuLegacyApiKey: Rule = {
  id: 'heroku-legacy-api-key',
  title: 'Heroku API key (legacy format)',
  provider: 'Heroku',
  category: 'cloud',
  keywords: ['heroku'],
  // A bare UUID is anything; only a Heroku-named credential counts.
  pattern:
    /heroku[\w.-]{0,20}(?:api[_-]?key|token|auth|key)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'Legacy Heroku API keys are UUIDs with the same power as the new format: full control of the user\'s apps, config vars and add-ons.',
  remediation: REMEDIATION,
  samples: {
    positives: ['HEROKU_API_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'const herokuToken="{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}";'],
    negatives: [
      'HEROKU_APP_ID={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      'HEROKU_API_KEY=12345678-1234-1234-1234-123456789012',
      'const id="{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}";',
    ],
  },
};
