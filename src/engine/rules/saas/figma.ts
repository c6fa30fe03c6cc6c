/** Figma personal access tokens (`figd_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const figmaPersonalAccessToken: Rule = {
  id: 'figma-personal-access-token',
  title: 'Figma personal access token',
  provider: 'Figma',
  category: 'saas',
  keywords: ['figd_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>figd_[A-Za-z0-9_-]{38,48})(?![A-Za-z0-9_-])/,
  maxLength: 60,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Figma personal access token reads (and with write scopes, changes) every file its user can open, including unreleased designs, comments and dev resources.',
  remediation: 'Revoke the token under Settings → Security → Personal access tokens in Figma and fetch design data at build time or on the server.',
  samples: {
    positives: ['headers:{"X-Figma-Token":"figd_{{base64url:40}}"}', 'FIGMA_TOKEN=figd_{{alnum:40}}'],
    negatives: ['figd_{{alnum:20}}', 'figd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
