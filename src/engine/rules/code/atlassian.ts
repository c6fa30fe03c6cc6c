/** Atlassian: account API tokens (Jira, Confluence, Bitbucket), Bitbucket app passwords and access tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const atlassianApiToken: Rule = {
  id: 'atlassian-api-token',
  title: 'Atlassian API token',
  provider: 'Atlassian',
  category: 'source-control',
  keywords: ['atatt3'],
  // ATATT3 + base64url body + '=' + 8 upper-case hex characters (192 characters in total today).
  pattern: /(?<![A-Za-z0-9_-])ATATT3[A-Za-z0-9_-]{150,250}=[0-9A-F]{8}(?![A-Za-z0-9_=-])/,
  maxLength: 400,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Atlassian API token, used with its owner\'s email, acts as that person on Jira, Confluence and Bitbucket Cloud: every issue, page and repository they can see or change.',
  remediation:
    'Revoke it at id.atlassian.com → Security → API tokens, review the audit log, and call Atlassian APIs from your backend (or use OAuth 2.0 with scoped, per-user tokens) instead of embedding a token in the page.',
  samples: {
    positives: [
      'const jira = new JiraClient({ email: "ops@example.com", apiToken: "ATATT3xFfGF0{{base64url:170}}={{HEX:8}}" });',
      'JIRA_API_TOKEN=ATATT3xFfGF0{{base64url:170}}={{HEX:8}}',
    ],
    negatives: [
      'ATATT3xFfGF0{{base64url:40}}={{HEX:8}}',
      'ATATT3xFfGF0{{base64url:170}}',
      'ATATT3xFfGF0xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx=ABCDEF01',
      'token starts with ATATT3',
    ],
  },
};

export const bitbucketAppPassword: Rule = {
  id: 'bitbucket-app-password',
  title: 'Bitbucket app password',
  provider: 'Bitbucket',
  category: 'source-control',
  keywords: ['atbb'],
  pattern: /(?<![A-Za-z0-9_-])ATBB[A-Za-z0-9_=.-]{32}(?![A-Za-z0-9_=.-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Bitbucket app password, used with its owner\'s username, reads and writes every repository the user can reach, within the scopes chosen when it was created.',
  remediation:
    'Revoke it in Bitbucket → Personal settings → App passwords, check the repositories\' audit logs, and move Bitbucket API calls to your backend or CI.',
  samples: {
    positives: ['git clone https://deploy:ATBB{{alnum:32}}@bitbucket.org/team/repo.git', 'BITBUCKET_APP_PASSWORD="ATBB{{alnum:24}}{{HEX:8}}"'],
    negatives: ['ATBB{{alnum:20}}', 'ATBBxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'XATBB{{alnum:32}}', 'ATBB{{alnum:40}}'],
  },
};

export const bitbucketAccessToken: Rule = {
  id: 'bitbucket-access-token',
  title: 'Bitbucket repository/project/workspace access token',
  provider: 'Bitbucket',
  category: 'source-control',
  keywords: ['atctt3'],
  pattern: /(?<![A-Za-z0-9_-])ATCTT3xFfGN0[A-Za-z0-9_-]{80,250}=[0-9A-F]{8}(?![A-Za-z0-9_=-])/,
  maxLength: 400,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Bitbucket access token is bound to one repository, project or workspace and acts with the permissions it was given, often repository write and pull-request access.',
  remediation:
    'Revoke it in the repository, project or workspace settings → Access tokens, review recent pushes, and keep it in CI secrets rather than front-end code.',
  samples: {
    positives: ['headers:{Authorization:"Bearer ATCTT3xFfGN0{{base64url:180}}={{HEX:8}}"}', 'BITBUCKET_TOKEN=ATCTT3xFfGN0{{base64url:120}}={{HEX:8}}'],
    negatives: ['ATCTT3xFfGN0{{base64url:30}}={{HEX:8}}', 'ATCTT3xFfGN0{{base64url:180}}', 'ATCTT3xFfGN0<token>'],
  },
};
