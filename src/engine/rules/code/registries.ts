/** Package registries other than npm and PyPI: RubyGems, NuGet, crates.io, Clojars, Docker Hub, JFrog. */
import { decodeBase64Text } from '../../decode.ts';
import type { Rule, SampleGenerator, ValidationResult } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const PUBLISH =
  'Anyone holding it can publish or overwrite packages under your name: a supply-chain attack on every consumer.';

export const rubygemsApiKey: Rule = {
  id: 'rubygems-api-key',
  title: 'RubyGems API key',
  provider: 'RubyGems',
  category: 'package-registry',
  keywords: ['rubygems_'],
  pattern: /(?<![A-Za-z0-9_])rubygems_[a-f0-9]{48}(?![A-Za-z0-9_])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: `A RubyGems.org API key pushes and yanks gems of its owner within its scopes. ${PUBLISH}`,
  remediation:
    'Delete the key on rubygems.org (Settings → API keys), check recent gem versions, enable MFA for pushes, and release from CI with trusted publishing.',
  samples: {
    positives: ['GEM_HOST_API_KEY=rubygems_{{hex:48}}', '---\n:rubygems_api_key: rubygems_{{hex:48}}'],
    negatives: ['rubygems_{{hex:40}}', 'rubygems_{{upper:48}}', 'my_rubygems_{{hex:48}}'],
  },
};

export const nugetApiKey: Rule = {
  id: 'nuget-api-key',
  title: 'NuGet API key',
  provider: 'NuGet',
  category: 'package-registry',
  keywords: ['oy2'],
  pattern: /(?<![A-Za-z0-9_])oy2[a-z0-9]{43}(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: `A nuget.org API key pushes (and may unlist) packages matching its glob pattern. ${PUBLISH}`,
  remediation:
    'Delete or regenerate the key on nuget.org (API Keys), review recent package versions, and push from CI with trusted publishing or a narrowly scoped, expiring key.',
  samples: {
    positives: ['dotnet nuget push pkg.nupkg --api-key oy2{{alnumlower:43}} --source https://api.nuget.org/v3/index.json', 'NUGET_API_KEY="oy2{{alnumlower:43}}"'],
    negatives: ['oy2{{alnumlower:30}}', 'toy2{{alnumlower:43}}', 'oy2{{alnum:43}}XYZ'],
  },
};

export const cratesIoApiToken: Rule = {
  id: 'crates-io-api-token',
  title: 'crates.io API token',
  provider: 'crates.io',
  category: 'package-registry',
  keywords: ['cio'],
  pattern: /(?<![A-Za-z0-9_])cio[A-Za-z0-9]{32}(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: (secret, context) => {
    // Real tokens mix digits and both cases; identifiers that happen to start with "cio" do not.
    if (!/[0-9]/.test(secret) || !/[A-Z]/.test(secret.slice(3)) || !/[a-z]/.test(secret.slice(3))) return { verdict: 'invalid' };
    return rejectPlaceholders()(secret, context);
  },
  severity: 'critical',
  exposure: 'secret',
  description: `A crates.io API token publishes and yanks crates within its scopes. ${PUBLISH}`,
  remediation:
    'Revoke the token on crates.io (Account Settings → API Tokens), check recent versions of your crates, and publish from CI with trusted publishing or a scoped, expiring token.',
  samples: {
    positives: ['CARGO_REGISTRY_TOKEN=cio{{alnum:28}}aZ9q', '[registry]\ntoken = "cio{{alnum:28}}Qa7z"'],
    negatives: ['cio{{lower:32}}', 'precious{{alnum:32}}', 'cio{{alnum:20}}'],
  },
};

export const clojarsDeployToken: Rule = {
  id: 'clojars-deploy-token',
  title: 'Clojars deploy token',
  provider: 'Clojars',
  category: 'package-registry',
  keywords: ['clojars_'],
  pattern: /(?<![A-Za-z0-9_])CLOJARS_[a-z0-9]{60}(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: `A Clojars deploy token deploys artifacts to the groups its owner can publish to. ${PUBLISH}`,
  remediation: 'Disable the token on clojars.org (Deploy Tokens), check recent artifact versions, and keep deploy tokens in CI secrets.',
  samples: {
    positives: ['CLOJARS_PASSWORD=CLOJARS_{{alnumlower:60}}', ':password "CLOJARS_{{alnumlower:60}}"'],
    negatives: ['CLOJARS_{{alnumlower:40}}', 'CLOJARS_USERNAME', 'CLOJARS_{{upper:60}}'],
  },
};

const DOCKER_REMEDIATION =
  'Delete the token in Docker Hub (Account settings → Personal access tokens, or the organization\'s access tokens), check the repositories\' recent tags for images you did not push, and pull/push from CI with scoped, read-only tokens where possible.';

export const dockerHubPersonalAccessToken: Rule = {
  id: 'docker-hub-personal-access-token',
  title: 'Docker Hub personal access token',
  provider: 'Docker',
  category: 'package-registry',
  keywords: ['dckr_pat_'],
  pattern: /(?<![A-Za-z0-9_])dckr_pat_[A-Za-z0-9_-]{27}(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Docker Hub personal access token logs in as its user: pull private images (and the secrets baked into them) and, with write scope, push poisoned images under trusted tags.',
  remediation: DOCKER_REMEDIATION,
  samples: {
    positives: ['echo dckr_pat_{{base64url:27}} | docker login -u ci --password-stdin', 'DOCKERHUB_TOKEN="dckr_pat_{{alnum:27}}"'],
    negatives: ['dckr_pat_{{alnum:20}}', 'dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx', 'dckr_pat_{{alnum:27}}{{alnum:5}}'],
  },
};

export const dockerHubOrganizationAccessToken: Rule = {
  id: 'docker-hub-organization-access-token',
  title: 'Docker Hub organization access token',
  provider: 'Docker',
  category: 'package-registry',
  keywords: ['dckr_oat_'],
  pattern: /(?<![A-Za-z0-9_])dckr_oat_[A-Za-z0-9_-]{32}(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Docker Hub organization access token acts for the organization on the repositories it was granted: pull private images, and push images if it has write access.',
  remediation: DOCKER_REMEDIATION,
  samples: {
    positives: ['docker login -u acme -p dckr_oat_{{base64url:32}}', '{"registryToken":"dckr_oat_{{alnum:32}}"}'],
    negatives: ['dckr_oat_{{alnum:20}}', 'dckr_oat_...', 'dckr_oat_{{alnum:40}}'],
  },
};

const JFROG_REMEDIATION =
  'Revoke the key or token in JFrog Platform (User profile → API key / Identity tokens, or Administration → Access tokens), review Artifactory\'s access logs, and use short-lived, scoped access tokens from CI (OIDC) instead.';

export const jfrogApiKey: Rule = {
  id: 'jfrog-api-key',
  title: 'JFrog Artifactory API key',
  provider: 'JFrog',
  category: 'package-registry',
  keywords: ['akcp'],
  pattern: /(?<![A-Za-z0-9_])AKCp[A-Za-z0-9]{69}(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A JFrog Artifactory API key acts as its user on the artifact repositories: download private builds and deploy artifacts that your pipelines will trust.',
  remediation: JFROG_REMEDIATION,
  samples: {
    positives: ['curl -H "X-JFrog-Art-Api: AKCp8{{alnum:68}}" https://acme.jfrog.io/artifactory/api/repositories', 'artifactory_api_key=AKCp5{{alnum:68}}'],
    negatives: ['AKCp{{alnum:50}}', 'AKCpxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'XAKCp{{alnum:69}}'],
  },
};

/** Reference tokens are base64 of `reftkn:01:<expiry>:<random>`. */
function validateJfrogReferenceToken(token: string): ValidationResult {
  const decoded = decodeBase64Text(token);
  const match = decoded ? /^reftkn:(\d{2}):(\d{1,12}):([A-Za-z0-9_-]{10,64})$/.exec(decoded) : null;
  if (!match) return { verdict: 'invalid' };
  const expiry = Number(match[2]);
  const details: Record<string, string | number | boolean> = { tokenType: 'reference token' };
  if (expiry > 0) details.expiresAt = new Date(expiry * 1000).toISOString();
  else details.noExpiry = true;
  return { verdict: 'valid', details };
}

export function fakeJfrogReferenceToken(gen: SampleGenerator): string {
  for (let i = 0; ; i++) {
    const token = btoa(`reftkn:01:${gen.digits(10)}:${gen.alnum(27)}`);
    if (/^[A-Za-z0-9]{64}$/.test(token) || i > 50) return token;
  }
}

export const jfrogReferenceToken: Rule = {
  id: 'jfrog-reference-token',
  title: 'JFrog reference token',
  provider: 'JFrog',
  category: 'package-registry',
  keywords: ['cmvmdgtu'],
  pattern: /(?<![A-Za-z0-9_+/])cmVmdGtu[A-Za-z0-9]{56}(?![A-Za-z0-9_+/=])/,
  validate: validateJfrogReferenceToken,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A JFrog reference token is a short handle for an access token: it grants the same repository and platform permissions as the token it stands for.',
  remediation: JFROG_REMEDIATION,
  samples: {
    positives: [(gen) => `JFROG_ACCESS_TOKEN=${fakeJfrogReferenceToken(gen)}`, (gen) => `headers:{Authorization:"Bearer ${fakeJfrogReferenceToken(gen)}"}`],
    negatives: ['cmVmdGtu{{alnum:56}}', 'cmVmdGtu{{alnum:30}}', (gen) => `x${fakeJfrogReferenceToken(gen)}`],
  },
};
