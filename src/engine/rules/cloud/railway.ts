/** Railway: account, team and project tokens (UUIDs, identified by their name). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const railwayApiToken: Rule = {
  id: 'railway-api-token',
  title: 'Railway API token',
  provider: 'Railway',
  category: 'cloud',
  keywords: ['railway', 'project-access-token'],
  pattern:
    /(?:railway[_-]?(?:api[_-]?|project[_-]?|team[_-]?|account[_-]?)?token|project-access-token)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Railway token drives the Railway API: an account or team token reaches every project, a project token can deploy and read the environment\'s variables with their secrets.',
  remediation: 'Delete the token in Railway (Account settings > Tokens, or the project\'s Settings > Tokens) and keep it in CI secrets only.',
  samples: {
    positives: ['RAILWAY_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'headers:{"Project-Access-Token":"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}'],
    negatives: ['RAILWAY_PROJECT_ID={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'RAILWAY_TOKEN=00000000-0000-0000-0000-000000000000'],
  },
};
