/** Convex deploy and admin keys: `prod:<deployment>|<key>` and friends. */
import type { Rule } from '../../types.ts';
import { isPlaceholder } from '../../validators/placeholder.ts';

export const convexDeployKey: Rule = {
  id: 'convex-deploy-key',
  title: 'Convex deploy key',
  provider: 'Convex',
  category: 'database',
  keywords: ['convex_deploy_key', 'convexdeploykey', 'convex_admin_key', 'convexadminkey', 'convex_self_hosted_admin_key', 'adminkey'],
  pattern:
    /(?:convex[_-]?(?:self[_-]?hosted[_-]?)?(?:deploy|admin)[_-]?key|adminKey)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>(?:prod|dev|preview|project)(?::[a-z0-9-]{2,64}){1,2}\|[A-Za-z0-9+/=_-]{40,400})(?![A-Za-z0-9+/=_-])/i,
  minEntropy: 3.5,
  // Deployment names are words (`happy-otter-123`): judge the key after `|`.
  validate: (key) => (isPlaceholder(key.slice(key.indexOf('|') + 1)) ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Convex deploy or admin key pushes functions and schema to the deployment and calls internal functions as an administrator, bypassing every auth check written in your functions.',
  remediation:
    'Regenerate the deploy key in the Convex dashboard (Project settings → Deploy keys) and keep it in CI secrets; browsers only need the deployment URL.',
  samples: {
    positives: ['CONVEX_DEPLOY_KEY=prod:{{lower:6}}-{{lower:5}}-{{digits:3}}|eyJ2MiI6{{base64:80}}', '{adminKey:"dev:{{lower:6}}-{{lower:6}}-{{digits:3}}|{{base64url:64}}"}'],
    negatives: ['CONVEX_DEPLOY_KEY=prod:{{lower:6}}-{{lower:5}}-{{digits:3}}', 'CONVEX_URL=https://{{lower:6}}-{{lower:5}}-{{digits:3}}.convex.cloud', 'adminKey:"{{alnum:40}}"'],
  },
};
