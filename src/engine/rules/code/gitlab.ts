/**
 * GitLab tokens (docs: "GitLab token overview", token prefixes). Legacy tokens are a prefix and 20
 * random characters; routable tokens (every new PAT since 2025) embed a routing payload, a version,
 * the payload length and a CRC-32 that is verified offline.
 */
import type { Rule, SampleGenerator } from '../../types.ts';
import { gitlabRoutableChecksum, validateGitLabToken } from '../../validators/gitlab.ts';

/** A routable token with correct length field and checksum (samples only). */
export function fakeGitLabRoutableToken(gen: SampleGenerator, prefix = 'glpat-', versioned = true): string {
  const routing = `o:${gen.chars('0123456789abcdefghijklmnopqrstuvwxyz', 4)}\nu:${gen.chars('0123456789abcdefghijklmnopqrstuvwxyz', 5)}`;
  let binary = routing;
  for (const char of gen.hex(32).match(/../g)!) binary += String.fromCharCode(parseInt(char, 16));
  binary += String.fromCharCode(16);
  const payload = btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  const head = `${prefix}${payload}.${versioned ? '01.' : ''}${payload.length.toString(36).padStart(2, '0')}`;
  return head + gitlabRoutableChecksum(head);
}

const REVOKE =
  'Revoke it in GitLab (User settings → Access tokens, the project\'s or group\'s token settings, or the runner/deploy settings), check the audit events for its use, and never ship GitLab tokens to the browser: call the GitLab API from your backend.';

const BODY20 = '[A-Za-z0-9_-]{20}';

interface GitLabSpec {
  id: string;
  title: string;
  prefix: string;
  body?: string;
  bodyTemplate?: string;
  severity: Rule['severity'];
  description: string;
  routable?: boolean;
}

function gitlabRule(spec: GitLabSpec): Rule {
  const body = spec.body ?? BODY20;
  const routable = spec.routable ? `|${spec.prefix === 'glrt-' ? '(?:t\\d_)?' : ''}[A-Za-z0-9_-]{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9}` : '';
  const template = spec.bodyTemplate ?? '{{alnum:20}}';
  const positives: Rule['samples']['positives'] = [
    `const gitlab = new Gitlab({ token: "${spec.prefix}${template}" });`,
    `curl --header "PRIVATE-TOKEN: ${spec.prefix}${template}" https://gitlab.example.com/api/v4/projects`,
    `Use the token ${spec.prefix}${template}.`,
  ];
  const negatives: Rule['samples']['negatives'] = [
    `${spec.prefix}xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.slice(0, spec.prefix.length + 20),
    `${spec.prefix}<your-token>`,
    `x${spec.prefix}${template}`,
    `${spec.prefix}${'{{alnum:12}}'}`,
  ];
  if (spec.routable) {
    positives.push((gen) => `GITLAB_TOKEN=${fakeGitLabRoutableToken(gen, spec.prefix === 'glrt-' ? 'glrt-t1_' : spec.prefix)}`);
    positives.push((gen) => `{"token":"${fakeGitLabRoutableToken(gen, spec.prefix, false)}"}`);
    negatives.push((gen) => {
      const token = fakeGitLabRoutableToken(gen, spec.prefix);
      return token.slice(0, -1) + (token.endsWith('0') ? '1' : '0');
    });
  }
  return {
    id: spec.id,
    title: spec.title,
    provider: 'GitLab',
    category: 'source-control',
    keywords: [spec.prefix.toLowerCase()],
    pattern: new RegExp(`(?<![A-Za-z0-9_-])${spec.prefix.replace(/[.-]/g, '\\$&')}(?:${body}${routable})(?![A-Za-z0-9_-])`),
    minEntropy: 3,
    validate: validateGitLabToken,
    severity: spec.severity,
    exposure: 'secret',
    description: spec.description,
    remediation: REVOKE,
    samples: { positives, negatives },
  };
}

export const gitlabPersonalAccessToken = gitlabRule({
  id: 'gitlab-personal-access-token',
  title: 'GitLab personal, project or group access token',
  prefix: 'glpat-',
  severity: 'critical',
  routable: true,
  description:
    'A GitLab personal (or project/group) access token acts as its owner within its scopes, typically api or read/write_repository: read private code, push commits, change CI/CD variables.',
});

export const gitlabDeployToken = gitlabRule({
  id: 'gitlab-deploy-token',
  title: 'GitLab deploy token',
  prefix: 'gldt-',
  severity: 'high',
  description:
    'A GitLab deploy token clones the project\'s repository and can read (often also write) its package and container registries: private source code and images, and a way to poison them.',
});

export const gitlabRunnerAuthenticationToken = gitlabRule({
  id: 'gitlab-runner-authentication-token',
  title: 'GitLab runner authentication token',
  prefix: 'glrt-',
  severity: 'high',
  routable: true,
  description:
    'A GitLab runner authentication token lets anyone register a machine as this runner and receive its CI jobs, with their source code, CI/CD variables and deploy credentials.',
});

export const gitlabRunnerRegistrationToken: Rule = {
  ...gitlabRule({
    id: 'gitlab-runner-registration-token',
    title: 'GitLab runner registration token (legacy)',
    prefix: 'GR1348941',
    severity: 'high',
    description:
      'A legacy GitLab runner registration token lets anyone attach their own runner to the project, group or instance and receive its CI jobs and the secrets those jobs use.',
  }),
  pattern: /(?<![A-Za-z0-9_-])GR1348941[A-Za-z0-9_-]{20}(?![A-Za-z0-9_-])/,
  keywords: ['gr1348941'],
};

export const gitlabPipelineTriggerToken = gitlabRule({
  id: 'gitlab-pipeline-trigger-token',
  title: 'GitLab pipeline trigger token',
  prefix: 'glptt-',
  body: '[0-9a-f]{40}',
  bodyTemplate: '{{hex:40}}',
  severity: 'high',
  description:
    'A GitLab pipeline trigger token starts pipelines on any branch with caller-chosen variables: a way to run or redirect deployment jobs and spend CI minutes.',
});

export const gitlabOauthApplicationSecret = gitlabRule({
  id: 'gitlab-oauth-application-secret',
  title: 'GitLab OAuth application secret',
  prefix: 'gloas-',
  body: '[A-Za-z0-9_-]{64}',
  bodyTemplate: '{{alnum:64}}',
  severity: 'high',
  description:
    'A GitLab OAuth application secret lets anyone impersonate the application in OAuth flows and exchange stolen authorization codes for user tokens.',
});

export const gitlabScimToken = gitlabRule({
  id: 'gitlab-scim-token',
  title: 'GitLab SCIM token',
  prefix: 'glsoat-',
  severity: 'high',
  description:
    'A GitLab SCIM token provisions and deprovisions the group\'s users through the SCIM API: an attacker could add accounts to your organization or lock people out.',
});

export const gitlabCiJobToken = gitlabRule({
  id: 'gitlab-ci-job-token',
  title: 'GitLab CI/CD job token',
  prefix: 'glcbt-',
  body: '[0-9a-zA-Z]{1,5}_[A-Za-z0-9_-]{20}',
  bodyTemplate: '{{alnum:2}}_{{alnum:20}}',
  severity: 'high',
  description:
    'A GitLab CI/CD job token acts for the running job (and its user) on the project and allowed projects: registries, packages, repository reads. It expires with the job, which may still be running.',
});

export const gitlabIncomingMailToken = gitlabRule({
  id: 'gitlab-incoming-mail-token',
  title: 'GitLab incoming email token',
  prefix: 'glimt-',
  body: '[A-Za-z0-9_-]{25}',
  bodyTemplate: '{{alnum:25}}',
  severity: 'medium',
  description: 'A GitLab incoming email token lets anyone create issues and merge requests by email as its user.',
});

export const gitlabAgentToken = gitlabRule({
  id: 'gitlab-kubernetes-agent-token',
  title: 'GitLab agent for Kubernetes token',
  prefix: 'glagent-',
  body: '[A-Za-z0-9_-]{50}',
  bodyTemplate: '{{alnum:50}}',
  severity: 'high',
  description:
    'A GitLab agent for Kubernetes token authenticates a cluster agent: an impostor can receive the manifests and CI tunnel traffic meant for your cluster.',
});

export const gitlabFeatureFlagClientToken = gitlabRule({
  id: 'gitlab-feature-flag-client-token',
  title: 'GitLab feature flags client token',
  prefix: 'glffct-',
  severity: 'medium',
  description:
    'A GitLab feature flags client token reads the project\'s feature flag definitions and user lists, which may name unreleased features and the users in each rollout.',
});

export const gitlabFeedToken = gitlabRule({
  id: 'gitlab-feed-token',
  title: 'GitLab feed token',
  prefix: 'glft-',
  severity: 'medium',
  description:
    'A GitLab feed token reads the user\'s private RSS/Atom feeds and calendars: titles of confidential issues and merge requests in private projects.',
});
