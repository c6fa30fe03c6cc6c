/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { atlassianApiToken, bitbucketAccessToken, bitbucketAppPassword } from './atlassian.ts';
import { azureDevopsLegacyPersonalAccessToken, azureDevopsPersonalAccessToken } from './azure-devops.ts';
import { buildkiteApiAccessToken } from './buildkite.ts';
import { codecovUploadToken, harnessAccessToken, octopusDeployApiKey, prefectApiKey, teamcityAccessToken, travisCiApiToken } from './ci.ts';
import { circleciPersonalApiToken, circleciProjectApiToken } from './circleci.ts';
import { linearApiKey, postmanApiKey } from './collaboration.ts';
import { fastlyApiToken } from './fastly.ts';
import {
  githubFineGrainedToken,
  githubOauthAccessToken,
  githubPersonalAccessToken,
  githubRefreshToken,
  githubServerToServerToken,
  githubUserToServerToken,
} from './github.ts';
import {
  gitlabAgentToken,
  gitlabCiJobToken,
  gitlabDeployToken,
  gitlabFeatureFlagClientToken,
  gitlabFeedToken,
  gitlabIncomingMailToken,
  gitlabOauthApplicationSecret,
  gitlabPersonalAccessToken,
  gitlabPipelineTriggerToken,
  gitlabRunnerAuthenticationToken,
  gitlabRunnerRegistrationToken,
  gitlabScimToken,
} from './gitlab.ts';
import { terraformCloudApiToken, vaultBatchToken, vaultRecoveryToken, vaultServiceToken } from './hashicorp.ts';
import { npmAccessToken, npmLegacyAuthToken } from './npm.ts';
import { pypiApiToken, pypiTestApiToken } from './pypi.ts';
import {
  cratesIoApiToken,
  clojarsDeployToken,
  dockerHubOrganizationAccessToken,
  dockerHubPersonalAccessToken,
  jfrogApiKey,
  jfrogReferenceToken,
  nugetApiKey,
  rubygemsApiKey,
} from './registries.ts';
import {
  dopplerAuditToken,
  dopplerCliToken,
  dopplerPersonalToken,
  dopplerScimToken,
  dopplerServiceAccountToken,
  dopplerServiceToken,
  infracostApiKey,
  onePasswordServiceAccountToken,
  pulumiAccessToken,
} from './secrets-managers.ts';
import { snykAccessToken, snykApiToken } from './snyk.ts';
import { sonarGlobalAnalysisToken, sonarProjectAnalysisToken, sonarUserToken } from './sonar.ts';
import { sourcegraphAccessToken } from './sourcegraph.ts';

export const codeRules: readonly Rule[] = [
  // Source control
  githubPersonalAccessToken,
  githubOauthAccessToken,
  githubUserToServerToken,
  githubServerToServerToken,
  githubRefreshToken,
  githubFineGrainedToken,
  gitlabPersonalAccessToken,
  gitlabDeployToken,
  gitlabRunnerAuthenticationToken,
  gitlabRunnerRegistrationToken,
  gitlabPipelineTriggerToken,
  gitlabOauthApplicationSecret,
  gitlabScimToken,
  gitlabCiJobToken,
  gitlabIncomingMailToken,
  gitlabAgentToken,
  gitlabFeatureFlagClientToken,
  gitlabFeedToken,
  atlassianApiToken,
  bitbucketAppPassword,
  bitbucketAccessToken,
  azureDevopsPersonalAccessToken,
  azureDevopsLegacyPersonalAccessToken,
  sourcegraphAccessToken,
  // Package registries
  npmAccessToken,
  npmLegacyAuthToken,
  pypiApiToken,
  pypiTestApiToken,
  rubygemsApiKey,
  nugetApiKey,
  cratesIoApiToken,
  clojarsDeployToken,
  dockerHubPersonalAccessToken,
  dockerHubOrganizationAccessToken,
  jfrogApiKey,
  jfrogReferenceToken,
  // CI/CD, infrastructure as code, secrets managers
  terraformCloudApiToken,
  vaultServiceToken,
  vaultBatchToken,
  vaultRecoveryToken,
  pulumiAccessToken,
  dopplerPersonalToken,
  dopplerServiceToken,
  dopplerServiceAccountToken,
  dopplerCliToken,
  dopplerScimToken,
  dopplerAuditToken,
  onePasswordServiceAccountToken,
  infracostApiKey,
  circleciPersonalApiToken,
  circleciProjectApiToken,
  buildkiteApiAccessToken,
  sonarUserToken,
  sonarProjectAnalysisToken,
  sonarGlobalAnalysisToken,
  snykAccessToken,
  snykApiToken,
  travisCiApiToken,
  octopusDeployApiKey,
  harnessAccessToken,
  teamcityAccessToken,
  codecovUploadToken,
  prefectApiKey,
  // Developer SaaS and CDN
  linearApiKey,
  postmanApiKey,
  fastlyApiToken,
];
