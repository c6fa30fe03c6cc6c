/** Dynatrace API and platform tokens: `dt0c01.<24>.<64>` and related prefixes. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const dynatraceToken: Rule = {
  id: 'dynatrace-token',
  title: 'Dynatrace access token',
  provider: 'Dynatrace',
  category: 'observability',
  keywords: ['dt0c0', 'dt0s0', 'dt0s1', 'dt0a0'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>dt0[a-z]\d{2}\.[A-Z0-9]{24}\.[A-Z0-9]{64})(?![A-Za-z0-9_])/,
  maxLength: 100,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Dynatrace token authenticates to the environment API with its scopes: reading entities, logs and traces, ingesting data, or changing configuration and installing agents.',
  remediation: 'Revoke the token under Access tokens in Dynatrace, create one with the narrowest scopes, and keep it on the server or in CI.',
  samples: {
    positives: ['headers:{Authorization:"Api-Token dt0c01.{{alnumupper:24}}.{{alnumupper:64}}"}', 'DT_API_TOKEN=dt0s16.{{alnumupper:24}}.{{alnumupper:64}}'],
    negatives: ['dt0c01.{{alnumupper:24}}.{{alnumupper:40}}', 'dt0c01.XXXXXXXXXXXXXXXXXXXXXXXX.{{alnumupper:64}}'],
  },
};
