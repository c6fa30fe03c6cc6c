/** DigitalOcean: personal access tokens and OAuth access/refresh tokens (`do?_v1_` + 64 hex). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete the token in the DigitalOcean control panel (API > Tokens, or revoke the OAuth authorization), check the account\'s security history, and call the DigitalOcean API only from your backend with a custom-scoped token.';

export const digitalOceanPersonalAccessToken: Rule = {
  id: 'digitalocean-personal-access-token',
  title: 'DigitalOcean personal access token',
  provider: 'DigitalOcean',
  category: 'cloud',
  keywords: ['dop_v1_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dop_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A DigitalOcean personal access token drives the API as its owner: with write scope it creates and destroys droplets, databases, Spaces keys and DNS records across the team.',
  remediation: REMEDIATION,
  samples: {
    positives: ['DIGITALOCEAN_TOKEN=dop_v1_{{hex:64}}', 'headers:{Authorization:"Bearer dop_v1_{{hex:64}}"}'],
    negatives: ['dop_v1_{{hex:63}}', 'dop_v1_{{HEX:64}}', 'DIGITALOCEAN_TOKEN=dop_v1_0000000000000000000000000000000000000000000000000000000000000000'],
  },
};

export const digitalOceanOAuthAccessToken: Rule = {
  id: 'digitalocean-oauth-access-token',
  title: 'DigitalOcean OAuth access token',
  provider: 'DigitalOcean',
  category: 'cloud',
  keywords: ['doo_v1_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>doo_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A DigitalOcean OAuth access token calls the API on behalf of the user who authorized your app, with the granted scopes, until it expires (30 days by default).',
  remediation: REMEDIATION,
  samples: {
    positives: ['{"access_token":"doo_v1_{{hex:64}}","token_type":"bearer"}', 'Authorization: Bearer doo_v1_{{hex:64}}'],
    negatives: ['doo_v1_{{hex:60}}', 'xdoo_v1_{{hex:64}}'],
  },
};

export const digitalOceanOAuthRefreshToken: Rule = {
  id: 'digitalocean-oauth-refresh-token',
  title: 'DigitalOcean OAuth refresh token',
  provider: 'DigitalOcean',
  category: 'cloud',
  keywords: ['dor_v1_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dor_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A DigitalOcean OAuth refresh token mints new access tokens for the authorizing user: a long-lived credential that belongs on your server.',
  remediation: REMEDIATION,
  samples: {
    positives: ['{"refresh_token":"dor_v1_{{hex:64}}"}', 'DO_REFRESH_TOKEN=dor_v1_{{hex:64}}'],
    negatives: ['dor_v1_{{hex:63}}', 'dor_v1_{{alnum:64}}'],
  },
};
