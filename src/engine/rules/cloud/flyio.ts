/** Fly.io: org/deploy tokens (`fo1_`) and macaroon tokens (`FlyV1 fm2_…`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Revoke the token (`fly tokens revoke` or the dashboard\'s Tokens page), review the organization\'s activity, and keep deploy tokens in CI secrets, scoped to one app with `fly tokens create deploy`.';

export const flyioAccessToken: Rule = {
  id: 'flyio-access-token',
  title: 'Fly.io access token',
  provider: 'Fly.io',
  category: 'cloud',
  keywords: ['fo1_'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Fly.io access token manages the organization\'s apps: deploys, secrets, machines and volumes.',
  remediation: REMEDIATION,
  samples: {
    positives: ['FLY_API_TOKEN=fo1_{{base64url:43}}', 'Authorization: Bearer fo1_{{alnum:43}}'],
    negatives: ['fo1_{{alnum:30}}', 'authenticity_token=7SWa-Fo1_{{alnum:43}}', 'fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const flyioMacaroonToken: Rule = {
  id: 'flyio-macaroon-token',
  title: 'Fly.io macaroon token',
  provider: 'Fly.io',
  category: 'cloud',
  keywords: ['fm2_', 'fm1a_', 'fm1r_'],
  pattern: /(?<![A-Za-z0-9_+/-])(?<secret>fm(?:2|1[ar])_[A-Za-z0-9+/]{100,2000}={0,3})(?![A-Za-z0-9+/=])/,
  maxLength: 2100,
  minEntropy: 4.5,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Fly.io macaroon token (`FlyV1 fm2_…`) carries the permissions of the org or app it was minted for: deploys, secrets and machines.',
  remediation: REMEDIATION,
  samples: {
    positives: ['FLY_API_TOKEN="FlyV1 fm2_{{base64:180}}=="', '"Authorization": "FlyV1 fm1r_{{base64:240}}"'],
    negatives: ['fm2_{{base64:60}}', 'https://cdn.example/img/z5wgRfm2_{{base64url:120}}.jpg'],
  },
};
