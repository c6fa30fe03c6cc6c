/** Azure DevOps personal access tokens: the 84-character annotated format and the legacy 52-character one. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Revoke the token in Azure DevOps (User settings → Personal access tokens; organization admins can revoke any user\'s PATs), review the audit log, and prefer Microsoft Entra tokens or service connections with workload identity over PATs. Never ship PATs to the browser.';

export const azureDevopsPersonalAccessToken: Rule = {
  id: 'azure-devops-personal-access-token',
  title: 'Azure DevOps personal access token',
  provider: 'Azure DevOps',
  category: 'source-control',
  keywords: ['jqqj'],
  // 52 random characters, the Microsoft annotated-key signature JQQJ, 20 characters of metadata,
  // the provider signature AZDO and 4 more characters: 84 in total.
  pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ[A-Za-z0-9]{20}AZDO[A-Za-z0-9]{4}(?![A-Za-z0-9])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Azure DevOps personal access token acts as its user within its scopes: read and push code in Azure Repos, queue pipelines, read pipeline secrets and feeds.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      'AZURE_DEVOPS_EXT_PAT={{alnum:52}}JQQJ99{{alnum:18}}AZDO{{alnum:4}}',
      'git clone https://pat:{{alnum:52}}JQQJ{{alnum:20}}AZDO{{alnum:4}}@dev.azure.com/org/project/_git/repo',
    ],
    negatives: ['{{alnum:52}}JQQJ{{alnum:20}}AZSE{{alnum:4}}', '{{alnum:40}}JQQJ{{alnum:20}}AZDO{{alnum:4}}', '{{alnum:52}}JQQJ{{alnum:20}}AZDO{{alnum:8}}'],
  },
};

export const azureDevopsLegacyPersonalAccessToken: Rule = {
  id: 'azure-devops-legacy-personal-access-token',
  title: 'Azure DevOps personal access token (legacy format)',
  provider: 'Azure DevOps',
  category: 'source-control',
  keywords: ['dev.azure.com', 'visualstudio.com', 'azure_devops', 'azuredevops', 'azure-devops', 'azdo', 'ado_pat', 'vsts'],
  // 52 lower-case base32 characters: only with Azure DevOps context (a URL credential or a named setting).
  pattern: new RegExp(
    String.raw`(?:(?:[Aa]zure[_-]?[Dd]ev[Oo]ps|AZURE[_-]?DEVOPS|[Aa]zdo|AZDO|ADO|ado|VSTS|vsts)[\w.-]{0,20}?(?:pat|PAT|Pat|token|TOKEN|Token)\w{0,10}["'\x60]?\s{0,4}(?:[:=]|=>|:=)\s{0,4}["'\x60]?|https?:\/\/[^\s:@/]{1,64}:(?=[a-z2-7]{52}@(?:dev\.azure\.com|[a-z0-9-]{1,64}\.visualstudio\.com)))(?<secret>[a-z2-7]{52})(?![A-Za-z0-9])`,
  ),
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A legacy Azure DevOps personal access token acts as its user within its scopes: Azure Repos, Pipelines, Artifacts and their secrets.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      'AZURE_DEVOPS_PAT="{{chars:abcdefghijklmnopqrstuvwxyz234567:52}}"',
      'https://build:{{chars:abcdefghijklmnopqrstuvwxyz234567:52}}@dev.azure.com/acme/_git/web',
    ],
    negatives: [
      'AZURE_DEVOPS_PAT="{{chars:abcdefghijklmnopqrstuvwxyz234567:40}}"',
      'https://build:{{chars:abcdefghijklmnopqrstuvwxyz234567:52}}@github.com/acme/web',
      '{{chars:abcdefghijklmnopqrstuvwxyz234567:52}}',
    ],
  },
};
