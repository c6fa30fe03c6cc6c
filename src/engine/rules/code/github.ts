/**
 * GitHub tokens. Classic tokens carry a CRC-32 checksum that is verified offline: a match with a
 * wrong checksum is a typo or an invented value and is dropped.
 */
import type { Rule, SampleGenerator } from '../../types.ts';
import { githubTokenChecksum, validateGitHubFineGrainedToken, validateGitHubToken } from '../../validators/github.ts';

/** A token with a correct checksum (samples only). */
export function fakeGitHubToken(gen: SampleGenerator, prefix: string): string {
  const random = gen.alnum(30);
  return `${prefix}_${random}${githubTokenChecksum(random)}`;
}

/** Same token with its checksum broken. */
function badChecksum(gen: SampleGenerator, prefix: string): string {
  const token = fakeGitHubToken(gen, prefix);
  const last = token.at(-1) === 'A' ? 'B' : 'A';
  return token.slice(0, -1) + last;
}

const REVOKE =
  'Revoke it now (Settings → Developer settings, or the organization\'s credential review; GitHub also accepts reports through its secret scanning partner program), audit the security log for its use, and never ship GitHub tokens to the browser: call the GitHub API from your backend, or use a GitHub App with a server-side installation token.';

function classic(prefix: string, id: string, title: string, severity: Rule['severity'], description: string, extra: Partial<Rule> = {}): Rule {
  return {
    id,
    title,
    provider: 'GitHub',
    category: 'source-control',
    keywords: [`${prefix}_`],
    pattern: new RegExp(`(?<![A-Za-z0-9_])${prefix}_[A-Za-z0-9]{36}(?![A-Za-z0-9_])`),
    validate: validateGitHubToken,
    severity,
    exposure: 'secret',
    description,
    remediation: REVOKE,
    samples: {
      positives: [
        (gen) => `const octokit=new Octokit({auth:"${fakeGitHubToken(gen, prefix)}"});`,
        (gen) => `fetch("https://api.github.com/user",{headers:{Authorization:"token ${fakeGitHubToken(gen, prefix)}"}})`,
        (gen) => `GITHUB_TOKEN=${fakeGitHubToken(gen, prefix)}`,
      ],
      negatives: [
        (gen) => badChecksum(gen, prefix),
        `${prefix}_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`,
        (gen) => `${fakeGitHubToken(gen, prefix)}0`,
        (gen) => `my${fakeGitHubToken(gen, prefix)}`,
        `${prefix}_{{alnum:30}}`,
      ],
    },
    ...extra,
  };
}

export const githubPersonalAccessToken = classic(
  'ghp',
  'github-personal-access-token',
  'GitHub personal access token (classic)',
  'critical',
  'A classic GitHub personal access token acts as its user on every repository and organization the user can reach, within its scopes (often repo, workflow, write:packages): read private code, push commits, change workflows.',
);

export const githubOauthAccessToken = classic(
  'gho',
  'github-oauth-access-token',
  'GitHub OAuth access token',
  'critical',
  'A GitHub OAuth access token acts as the user who authorized the OAuth app, with the scopes they granted, until it is revoked; in a web page anyone can replay it.',
);

export const githubUserToServerToken = classic(
  'ghu',
  'github-user-to-server-token',
  'GitHub App user-to-server token',
  'high',
  'A GitHub App user access token acts as the signed-in user within the app\'s permissions. It usually expires after 8 hours, which limits but does not remove the damage: read and write access to the user\'s repositories the app is installed on.',
);

export const githubServerToServerToken = classic(
  'ghs',
  'github-installation-token',
  'GitHub App installation token',
  'high',
  'A GitHub App installation token (also the GITHUB_TOKEN of Actions runs) acts as the app on every repository of the installation. It expires after an hour, but that hour is enough to push code or read secrets it can reach.',
);

export const githubRefreshToken = classic(
  'ghr',
  'github-refresh-token',
  'GitHub App refresh token',
  'critical',
  'A GitHub App refresh token mints new user access tokens for about six months: leaking it leaks the user\'s access for that long, not just for one token\'s lifetime.',
  {
    // Refresh tokens have been issued with 36- and 76-character bodies.
    pattern: /(?<![A-Za-z0-9_])ghr_(?:[A-Za-z0-9]{76}|[A-Za-z0-9]{36})(?![A-Za-z0-9_])/,
    minEntropy: 3.5,
  },
);

export const githubFineGrainedToken: Rule = {
  id: 'github-fine-grained-token',
  title: 'GitHub fine-grained personal access token',
  provider: 'GitHub',
  category: 'source-control',
  keywords: ['github_pat_'],
  pattern: /(?<![A-Za-z0-9_])github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: validateGitHubFineGrainedToken,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A fine-grained GitHub personal access token acts as its user on the repositories and permissions it was granted (contents, workflows, secrets…). Scoped does not mean harmless: write access to one repository is enough for a supply-chain attack.',
  remediation: REVOKE,
  samples: {
    positives: [
      'const token = "github_pat_{{alnum:22}}_{{alnum:59}}";',
      'curl -H "Authorization: Bearer github_pat_{{alnum:22}}_{{alnum:59}}" https://api.github.com/repos',
    ],
    negatives: [
      'github_pat_{{alnum:22}}_{{alnum:58}}',
      'github_pat_xxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'github_pat_{{alnum:22}}{{alnum:60}}',
      'Create a token: github_pat_<your-token>',
    ],
  },
};
