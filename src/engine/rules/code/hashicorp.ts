/** HashiCorp: Terraform Cloud / Enterprise API tokens and Vault tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const terraformCloudApiToken: Rule = {
  id: 'terraform-cloud-api-token',
  title: 'Terraform Cloud / HCP Terraform API token',
  provider: 'HashiCorp',
  category: 'ci-cd',
  keywords: ['.atlasv1.'],
  pattern: /(?<![A-Za-z0-9_])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Terraform Cloud (HCP Terraform) token reads workspace state — which holds every output and often plaintext secrets — and can queue plans and applies that change your infrastructure.',
  remediation:
    'Revoke the token in HCP Terraform (User settings → Tokens, or the team/organization token page), review the audit trail and recent runs, and use short-lived workload identity tokens in CI.',
  samples: {
    positives: [
      'credentials "app.terraform.io" { token = "{{alnum:14}}.atlasv1.{{base64url:67}}" }',
      'TFE_TOKEN={{alnum:14}}.atlasv1.{{alnum:67}}',
    ],
    negatives: ['{{alnum:14}}.atlasv1.{{alnum:30}}', 'xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '<token>.atlasv1.<secret>'],
  },
};

const VAULT_REMEDIATION =
  'Revoke the token (`vault token revoke`, or revoke its lease/accessor), check Vault\'s audit device for what it read, rotate the secrets it could reach, and give clients short-lived tokens through an auth method (AppRole, OIDC, Kubernetes) on the server side only.';

export const vaultServiceToken: Rule = {
  id: 'hashicorp-vault-service-token',
  title: 'HashiCorp Vault service token',
  provider: 'HashiCorp',
  category: 'ci-cd',
  keywords: ['hvs.'],
  pattern: /(?<![A-Za-z0-9_.])hvs\.[A-Za-z0-9_-]{24,250}(?![A-Za-z0-9_-])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Vault service token reads every secret its policies allow — database passwords, cloud credentials, signing keys — until it expires; a root token reads everything.',
  remediation: VAULT_REMEDIATION,
  samples: {
    positives: ['VAULT_TOKEN=hvs.{{alnum:24}}', 'headers:{"X-Vault-Token":"hvs.CAESI{{base64url:90}}"}'],
    negatives: ['hvs.{{alnum:10}}', 'hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'this.hvs.{{alnum:24}}'],
  },
};

export const vaultBatchToken: Rule = {
  id: 'hashicorp-vault-batch-token',
  title: 'HashiCorp Vault batch token',
  provider: 'HashiCorp',
  category: 'ci-cd',
  keywords: ['hvb.'],
  pattern: /(?<![A-Za-z0-9_.])hvb\.[A-Za-z0-9_-]{100,400}(?![A-Za-z0-9_-])/,
  maxLength: 450,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Vault batch token is an encrypted, non-renewable token: until its TTL ends it reads every secret its policies allow, and it cannot be revoked individually.',
  remediation: VAULT_REMEDIATION,
  samples: {
    positives: ['VAULT_TOKEN=hvb.AAAAAQ{{base64url:140}}', '{"auth":{"client_token":"hvb.AAAAAQ{{base64url:200}}"}}'],
    negatives: ['hvb.{{alnum:40}}', 'hvb.<token>'],
  },
};

export const vaultRecoveryToken: Rule = {
  id: 'hashicorp-vault-recovery-token',
  title: 'HashiCorp Vault recovery token',
  provider: 'HashiCorp',
  category: 'ci-cd',
  keywords: ['hvr.'],
  pattern: /(?<![A-Za-z0-9_.])hvr\.[A-Za-z0-9_-]{24,250}(?![A-Za-z0-9_-])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Vault recovery token operates Vault in recovery mode, with direct access to raw storage.',
  remediation: VAULT_REMEDIATION,
  samples: {
    positives: ['VAULT_TOKEN=hvr.{{alnum:24}}', 'token: "hvr.{{alnum:30}}"'],
    negatives: ['hvr.{{alnum:10}}', 'hvr.xxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
