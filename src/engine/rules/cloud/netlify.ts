/** Netlify: personal access tokens (`nfp_`) and legacy unprefixed tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete the token in Netlify (User settings > Applications > Personal access tokens), review the team audit log, and keep deploy tokens in CI secrets with an expiry.';

export const netlifyAccessToken: Rule = {
  id: 'netlify-access-token',
  title: 'Netlify personal access token',
  provider: 'Netlify',
  category: 'cloud',
  keywords: ['nfp_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>nfp_[A-Za-z0-9]{36,40})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Netlify personal access token acts as its user on every site and team they belong to: deploys, environment variables with their secrets, forms data and DNS.',
  remediation: REMEDIATION,
  samples: {
    positives: ['NETLIFY_AUTH_TOKEN=nfp_{{alnum:36}}', 'fetch("https://api.netlify.com/api/v1/sites",{headers:{Authorization:"Bearer nfp_{{alnum:36}}"}})'],
    negatives: ['nfp_{{alnum:20}}', 'nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'snfp_{{alnum:36}}'],
  },
};

export const netlifyLegacyAccessToken: Rule = {
  id: 'netlify-legacy-access-token',
  title: 'Netlify access token (legacy format)',
  provider: 'Netlify',
  category: 'cloud',
  keywords: ['netlify'],
  pattern:
    /netlify[_-]?(?:auth[_-]?|access[_-]?|api[_-]?)?token["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/i,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Netlify access token in the older, unprefixed format: the same full access to the user\'s sites and teams.',
  remediation: REMEDIATION,
  samples: {
    positives: ['NETLIFY_AUTH_TOKEN={{base64url:43}}', 'const netlifyToken="{{alnum:43}}";'],
    negatives: ['NETLIFY_AUTH_TOKEN={{alnum:42}}', 'NETLIFY_SITE_ID={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
  },
};
