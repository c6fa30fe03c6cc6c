/** Hasura GraphQL Engine admin secrets: full access to every table, bypassing permissions. */
import type { Rule } from '../../types.ts';
import { isCodeLike } from '../../validators/assigned-value.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const hasuraAdminSecret: Rule = {
  id: 'hasura-admin-secret',
  title: 'Hasura admin secret',
  provider: 'Hasura',
  category: 'database',
  keywords: ['x-hasura-admin-secret', 'hasura_graphql_admin_secret', 'hasuraadminsecret', 'hasura_admin_secret', 'hasura-admin-secret'],
  pattern:
    /(?:x-hasura-admin-secret|hasura[_-]?(?:graphql[_-]?)?admin[_-]?secret)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_~!@#%^*+=.,:-]{8,128})(?![A-Za-z0-9_~!@#%^*+=.,:-])/i,
  minEntropy: 2.5,
  validate: rejectPlaceholders((secret) => (isCodeLike(secret) ? { verdict: 'invalid' } : { verdict: 'unknown' })),
  severity: 'critical',
  exposure: 'secret',
  description:
    'The Hasura admin secret skips every permission rule: with it, anyone can query and mutate all tables, run SQL through the metadata API and change the schema.',
  remediation:
    'Change HASURA_GRAPHQL_ADMIN_SECRET now, never send it from the browser, and authenticate users with JWT or webhook auth mode so Hasura’s role permissions apply.',
  samples: {
    positives: [
      'fetch(u,{headers:{"x-hasura-admin-secret":"{{alnum:24}}"}})',
      'HASURA_GRAPHQL_ADMIN_SECRET={{alnum:32}}',
      'X-Hasura-Admin-Secret: {{base64url:20}}',
    ],
    negatives: ['"x-hasura-admin-secret":e.adminSecret', 'HASURA_GRAPHQL_ADMIN_SECRET=myadminsecretkey', 'x-hasura-admin-secret: <admin-secret>', '"x-hasura-role":"{{alnum:24}}"'],
  },
};
