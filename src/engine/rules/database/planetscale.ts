/** PlanetScale: service tokens, database passwords and OAuth tokens, all with `pscale_` prefixes. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Revoke it in the PlanetScale dashboard (organization Settings → Service tokens, or the branch’s Passwords page), and connect to PlanetScale only from servers; browsers should reach the database through your API.';

export const planetscaleServiceToken: Rule = {
  id: 'planetscale-service-token',
  title: 'PlanetScale service token',
  provider: 'PlanetScale',
  category: 'database',
  keywords: ['pscale_tkn_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_tkn_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/,
  maxLength: 80,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A PlanetScale service token acts on the organization’s API with the permissions it was granted: creating branches and passwords, deploy requests, even deleting databases.',
  remediation: REMEDIATION,
  samples: {
    positives: ['PLANETSCALE_SERVICE_TOKEN=pscale_tkn_{{base64url:43}}', '{"token":"pscale_tkn_{{alnum:32}}"}'],
    negatives: ['pscale_tkn_{{alnum:20}}', 'pscale_tkn_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pscale_tkn_<your-token-here-please-fill-it-in>'],
  },
};

export const planetscalePassword: Rule = {
  id: 'planetscale-password',
  title: 'PlanetScale database password',
  provider: 'PlanetScale',
  category: 'database',
  keywords: ['pscale_pw_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_pw_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/,
  maxLength: 80,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A PlanetScale password connects straight to a database branch with its role (often read-write or admin): anyone holding it can read or change all of the data.',
  remediation: REMEDIATION,
  samples: {
    positives: ['DATABASE_URL="mysql://{{lower:12}}:pscale_pw_{{base64url:43}}@aws.connect.psdb.cloud/app?sslaccept=strict"', 'password:"pscale_pw_{{alnum:40}}"'],
    negatives: ['pscale_pw_{{alnum:12}}', 'pscale_pw_********************************', 'pscale_pw_0000000000000000000000000000000000'],
  },
};

export const planetscaleOauthToken: Rule = {
  id: 'planetscale-oauth-token',
  title: 'PlanetScale OAuth token',
  provider: 'PlanetScale',
  category: 'database',
  keywords: ['pscale_oauth_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pscale_oauth_[A-Za-z0-9_=.-]{32,64})(?![A-Za-z0-9_=.-])/,
  maxLength: 80,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A PlanetScale OAuth token lets a third-party application act on a user’s PlanetScale organization within the granted scopes until it expires or is revoked.',
  remediation: REMEDIATION,
  samples: {
    positives: ['{"access_token":"pscale_oauth_{{base64url:43}}","token_type":"Bearer"}', 'PSCALE_OAUTH=pscale_oauth_{{alnum:32}}'],
    negatives: ['pscale_oauth_{{alnum:16}}', 'pscale_oauth_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
