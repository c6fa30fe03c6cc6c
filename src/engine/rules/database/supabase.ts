/**
 * Supabase: personal access tokens (`sbp_`) and the 2025 API keys (`sb_secret_` / `sb_publishable_`).
 * Legacy anon and service_role keys are JWTs, handled (and told apart by their `role` claim) by the jwt rule.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const supabasePersonalAccessToken: Rule = {
  id: 'supabase-personal-access-token',
  title: 'Supabase personal access token',
  provider: 'Supabase',
  category: 'database',
  keywords: ['sbp_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sbp_(?:oauth_)?[a-f0-9]{40})(?![A-Za-z0-9_])/,
  maxLength: 64,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Supabase personal access token drives the Management API as its owner: it can read every project’s keys and settings, run SQL, and delete projects in every organization the user belongs to.',
  remediation:
    'Revoke the token under Account → Access Tokens in the Supabase dashboard, and keep management tokens in CI or server-side secrets only; the browser should only ever hold the publishable (or anon) key.',
  samples: {
    positives: ['SUPABASE_ACCESS_TOKEN=sbp_{{hex:40}}', '{"token":"sbp_{{hex:40}}"}', 'fetch(u,{headers:{Authorization:"Bearer sbp_{{hex:40}}"}})'],
    negatives: ['sbp_{{hex:39}}', 'xsbp_{{hex:40}}', 'sbp_{{hex:40}}a', 'sbp_0000000000000000000000000000000000000000', 'sbp_{{upper:40}}'],
  },
};

export const supabaseSecretKey: Rule = {
  id: 'supabase-secret-key',
  title: 'Supabase secret API key',
  provider: 'Supabase',
  category: 'database',
  keywords: ['sb_secret_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sb_secret_[A-Za-z0-9_-]{31,48})(?![A-Za-z0-9_-])/,
  maxLength: 70,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Supabase secret key (`sb_secret_…`) has the `service_role` privileges: it bypasses row-level security and reads and writes every table and storage bucket of the project.',
  remediation:
    'Delete this secret key under Project Settings → API Keys and create a new one for your servers; browsers must use the publishable key with row-level security policies on every exposed table.',
  samples: {
    positives: ['const s=createClient(u,"sb_secret_{{base64url:31}}")', 'SUPABASE_SECRET_KEY=sb_secret_{{alnum:22}}_{{alnum:8}}'],
    negatives: ['sb_secret_{{alnum:20}}', 'sb_secret_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'sb_secret_your_secret_key_here_abcdefgh', 'sb_publishable_{{alnum:31}}'],
  },
};

export const supabasePublishableKey: Rule = {
  id: 'supabase-publishable-key',
  title: 'Supabase publishable key',
  provider: 'Supabase',
  category: 'database',
  keywords: ['sb_publishable_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>sb_publishable_[A-Za-z0-9_-]{20,48})(?![A-Za-z0-9_-])/,
  maxLength: 70,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Supabase publishable key is meant to be shipped to browsers, like the legacy anon key. It is safe only while every table, view and storage bucket reachable through the Data API has row-level security enabled with policies that limit what the anon and authenticated roles can do.',
  remediation:
    'No rotation needed. Check in the Supabase dashboard (Security Advisor) that RLS is enabled on every exposed table and that no policy grants more than intended to anonymous users.',
  samples: {
    positives: ['createClient("https://{{lower:20}}.supabase.co","sb_publishable_{{base64url:31}}")', 'NEXT_PUBLIC_SUPABASE_PUBLISHABLE_KEY=sb_publishable_{{alnum:24}}'],
    negatives: ['sb_publishable_{{alnum:10}}', 'sb_publishable_xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'my_sb_publishable_{{alnum:24}}'],
  },
};
