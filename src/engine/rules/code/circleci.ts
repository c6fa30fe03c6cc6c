/** CircleCI personal and project API tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete the token in CircleCI (User settings → Personal API tokens, or Project settings → API permissions), rotate the project\'s environment variables and contexts it could reach, and call the CircleCI API from your backend only.';

export const circleciPersonalApiToken: Rule = {
  id: 'circleci-personal-api-token',
  title: 'CircleCI personal API token',
  provider: 'CircleCI',
  category: 'ci-cd',
  keywords: ['ccipat_'],
  pattern: /(?<![A-Za-z0-9_])CCIPAT_[A-Za-z0-9]{22}_[a-f0-9]{40}(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A CircleCI personal API token acts as its user on every project they follow: trigger pipelines, read build output and artifacts, add SSH keys and manage environment variables.',
  remediation: REMEDIATION,
  samples: {
    positives: ['CIRCLE_TOKEN=CCIPAT_{{alnum:22}}_{{hex:40}}', 'headers:{"Circle-Token":"CCIPAT_{{alnum:22}}_{{hex:40}}"}'],
    negatives: ['CCIPAT_{{alnum:22}}_{{hex:30}}', 'CCIPAT_<token>', 'CCIPAT_{{alnum:22}}{{hex:40}}'],
  },
};

export const circleciProjectApiToken: Rule = {
  id: 'circleci-project-api-token',
  title: 'CircleCI project API token',
  provider: 'CircleCI',
  category: 'ci-cd',
  keywords: ['cciprj_'],
  pattern: /(?<![A-Za-z0-9_])CCIPRJ_[A-Za-z0-9]{22}_[a-f0-9]{40}(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A CircleCI project API token acts on one project: with "Admin" or "Read Only" scope it reads build logs and artifacts; with admin scope it also changes the project\'s settings.',
  remediation: REMEDIATION,
  samples: {
    positives: ['CIRCLECI_PROJECT_TOKEN=CCIPRJ_{{alnum:22}}_{{hex:40}}', '"token": "CCIPRJ_{{alnum:22}}_{{hex:40}}"'],
    negatives: ['CCIPRJ_{{alnum:10}}_{{hex:40}}', 'CCIPRJ_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
