/** Hetzner Cloud: project API tokens (64 alphanumerics, identified by their name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const hetznerCloudApiToken: Rule = {
  id: 'hetzner-cloud-api-token',
  title: 'Hetzner Cloud API token',
  provider: 'Hetzner',
  category: 'cloud',
  keywords: ['hetzner', 'hcloud'],
  pattern: /(?:hetzner|hcloud)[\w.-]{0,20}(?:token|api[_-]?key|key)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{64})(?![A-Za-z0-9])/i,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Hetzner Cloud API token controls every server, volume, network and firewall in its project (read-write tokens can delete them all).',
  remediation: 'Delete the token in the Hetzner Cloud console (project > Security > API tokens) and keep tokens in CI or server-side secrets.',
  samples: {
    positives: ['HCLOUD_TOKEN={{alnum:64}}', 'const hetznerApiKey="{{alnum:64}}";'],
    negatives: ['HCLOUD_TOKEN={{alnum:63}}', 'HCLOUD_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
