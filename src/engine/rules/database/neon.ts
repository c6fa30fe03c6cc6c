/** Neon serverless Postgres: API keys (`napi_`). Connection strings are in connection-strings/. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const neonApiKey: Rule = {
  id: 'neon-api-key',
  title: 'Neon API key',
  provider: 'Neon',
  category: 'database',
  keywords: ['napi_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>napi_[a-z0-9]{56,72})(?![A-Za-z0-9_])/,
  maxLength: 90,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Neon API key manages every project its owner (or organization) can reach: it can read connection strings and role passwords, create branches, and delete projects.',
  remediation:
    'Revoke the key under Account settings → API keys in the Neon console and keep it in server-side or CI secrets; the browser should talk to your API, never to the Neon API.',
  samples: {
    positives: ['NEON_API_KEY=napi_{{alnumlower:64}}', 'headers:{Authorization:`Bearer napi_{{alnumlower:64}}`}'],
    negatives: ['napi_{{alnumlower:30}}', 'napi_{{upper:64}}', 'node_napi_{{alnumlower:64}}'],
  },
};
