/** Buildkite API access tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const buildkiteApiAccessToken: Rule = {
  id: 'buildkite-api-access-token',
  title: 'Buildkite API access token',
  provider: 'Buildkite',
  category: 'ci-cd',
  keywords: ['bkua_'],
  pattern: /(?<![A-Za-z0-9_])bkua_[a-f0-9]{40}(?![A-Za-z0-9_])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Buildkite API access token acts as its user within its scopes and organizations: read build logs and artifacts, create builds, and change pipelines that run on your agents.',
  remediation:
    'Revoke the token in Buildkite (Personal settings → API access tokens), review the organization\'s audit log, and call the Buildkite API from your backend or CI only.',
  samples: {
    positives: ['BUILDKITE_API_TOKEN=bkua_{{hex:40}}', 'fetch(url,{headers:{Authorization:"Bearer bkua_{{hex:40}}"}})'],
    negatives: ['bkua_{{hex:30}}', 'bkua_{{upper:40}}', 'bkua_0000000000000000000000000000000000000000'],
  },
};
