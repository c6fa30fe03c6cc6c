/** Box: OAuth client secrets and developer tokens, named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const boxClientSecret: Rule = {
  id: 'box-client-secret',
  title: 'Box client secret or developer token',
  provider: 'Box',
  category: 'saas',
  keywords: ['box_client_secret', 'boxclientsecret', 'box-client-secret', 'box_developer_token', 'boxdevelopertoken', 'box_dev_token'],
  pattern:
    /box[_-]?(?:client[_-]?secret|dev(?:eloper)?[_-]?token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Box client secret authenticates as the application (with client-credentials grants, as its service account with access to enterprise content); a developer token acts as the developer for an hour.',
  remediation: 'Reset the client secret in the Box Developer Console, revoke developer tokens, and call Box from your server.',
  samples: {
    positives: ['BOX_CLIENT_SECRET={{alnum:32}}', '{boxDeveloperToken:"{{alnum:32}}"}'],
    negatives: ['BOX_CLIENT_SECRET=<secret>', 'BOX_CLIENT_ID={{alnum:32}}'],
  },
};
