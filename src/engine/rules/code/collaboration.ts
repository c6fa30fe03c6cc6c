/** Developer collaboration tools: Linear API keys and Postman API keys. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const linearApiKey: Rule = {
  id: 'linear-api-key',
  title: 'Linear API key',
  provider: 'Linear',
  category: 'saas',
  keywords: ['lin_api_'],
  pattern: /(?<![A-Za-z0-9_])lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Linear personal API key acts as its user in the workspace: read every issue, project and comment they can see (roadmaps, security bugs) and create or change them.',
  remediation: 'Revoke the key in Linear (Settings → Security & access → Personal API keys) and call the Linear API from your backend or use OAuth.',
  samples: {
    positives: ['LINEAR_API_KEY=lin_api_{{alnum:40}}', 'new LinearClient({apiKey:"lin_api_{{alnum:40}}"})'],
    negatives: ['lin_api_{{alnum:30}}', 'lin_api_<key>', 'lin_api_{{alnum:40}}_x'],
  },
};

export const postmanApiKey: Rule = {
  id: 'postman-api-key',
  title: 'Postman API key',
  provider: 'Postman',
  category: 'saas',
  keywords: ['pmak-'],
  pattern: /(?<![A-Za-z0-9_-])PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Postman API key reads and changes its user\'s workspaces: collections, and environments that often hold other API keys and passwords in clear text.',
  remediation: 'Revoke the key in Postman (Settings → API keys), rotate the secrets stored in its environments, and keep the key in CI secrets.',
  samples: {
    positives: ['POSTMAN_API_KEY=PMAK-{{hex:24}}-{{hex:34}}', 'headers:{"X-Api-Key":"PMAK-{{hex:24}}-{{hex:34}}"}'],
    negatives: ['PMAK-{{hex:24}}-{{hex:20}}', 'PMAK-{{hex:24}}', 'PMAK-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
