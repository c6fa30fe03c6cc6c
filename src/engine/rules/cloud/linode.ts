/** Akamai Connected Cloud (Linode): personal access tokens (64 hex, identified by their name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const linodePersonalAccessToken: Rule = {
  id: 'linode-personal-access-token',
  title: 'Linode personal access token',
  provider: 'Linode',
  category: 'cloud',
  keywords: ['linode'],
  pattern: /linode[\w.-]{0,20}(?:token|api[_-]?key|pat)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[a-f0-9]{64})(?![A-Za-z0-9])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Linode personal access token manages the account\'s Linodes, volumes, NodeBalancers, DNS and object storage keys, within its scopes.',
  remediation: 'Revoke the token in Cloud Manager (My Profile > API Tokens) and use a narrowly scoped, expiring token from your backend or CI.',
  samples: {
    positives: ['LINODE_TOKEN={{hex:64}}', 'const cfg={linodeToken:"{{hex:64}}"};'],
    negatives: ['LINODE_TOKEN={{hex:63}}', 'LINODE_INSTANCE_HASH={{hex:64}}'],
  },
};
