/** Secrets managers and infrastructure-as-code services: Doppler, 1Password, Pulumi, Infracost. */
import { decodeBase64Text } from '../../decode.ts';
import type { Rule, SampleGenerator, ValidationResult } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const DOPPLER_REMEDIATION =
  'Revoke the token in the Doppler dashboard (the project config\'s Access tab, Team → Service Accounts, or your personal tokens), rotate the secrets it could read, and let your backend or CI fetch secrets: never the browser.';

interface DopplerSpec {
  kind: string;
  id: string;
  title: string;
  severity: Rule['severity'];
  description: string;
  /** Service tokens may carry the config name: `dp.st.prd.…`. */
  scoped?: boolean;
}

function doppler(spec: DopplerSpec): Rule {
  const scope = spec.scoped ? '(?:[a-z0-9_-]{2,35}\\.)?' : '';
  return {
    id: spec.id,
    title: spec.title,
    provider: 'Doppler',
    category: 'ci-cd',
    keywords: [`dp.${spec.kind}.`],
    pattern: new RegExp(`(?<![A-Za-z0-9_.])dp\\.${spec.kind}\\.${scope}[A-Za-z0-9]{40,44}(?![A-Za-z0-9_])`),
    minEntropy: 4,
    validate: rejectPlaceholders(),
    severity: spec.severity,
    exposure: 'secret',
    description: spec.description,
    remediation: DOPPLER_REMEDIATION,
    samples: {
      positives: [
        `DOPPLER_TOKEN=dp.${spec.kind}.{{alnum:43}}`,
        `headers:{Authorization:"Bearer dp.${spec.kind}.${spec.scoped ? 'prd.' : ''}{{alnum:43}}"}`,
      ],
      negatives: [`dp.${spec.kind}.{{alnum:20}}`, `dp.${spec.kind}.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`, `dp.${spec.kind}.<token>`],
    },
  };
}

export const dopplerPersonalToken = doppler({
  kind: 'pt',
  id: 'doppler-personal-token',
  title: 'Doppler personal token',
  severity: 'critical',
  description: 'A Doppler personal token acts as its user on every project and config they can reach: it reads and changes all their secrets.',
});
export const dopplerServiceToken = doppler({
  kind: 'st',
  id: 'doppler-service-token',
  title: 'Doppler service token',
  severity: 'critical',
  scoped: true,
  description: 'A Doppler service token reads every secret of one config (often production): database URLs, API keys, signing keys.',
});
export const dopplerServiceAccountToken = doppler({
  kind: 'sa',
  id: 'doppler-service-account-token',
  title: 'Doppler service account token',
  severity: 'critical',
  description: 'A Doppler service account token acts with the service account\'s workplace role: it reads (and may change) the secrets of the projects it was granted.',
});
export const dopplerCliToken = doppler({
  kind: 'ct',
  id: 'doppler-cli-token',
  title: 'Doppler CLI token',
  severity: 'critical',
  description: 'A Doppler CLI token is a logged-in user session: it reads and changes every secret that user can reach.',
});
export const dopplerScimToken = doppler({
  kind: 'scim',
  id: 'doppler-scim-token',
  title: 'Doppler SCIM token',
  severity: 'high',
  description: 'A Doppler SCIM token provisions users and groups in the workplace: an attacker can add themselves and gain access to secrets.',
});
export const dopplerAuditToken = doppler({
  kind: 'audit',
  id: 'doppler-audit-token',
  title: 'Doppler audit token',
  severity: 'medium',
  description: 'A Doppler audit token reads the workplace\'s audit data: who accessed which secrets and when, a map for a targeted attack.',
});

/** Service-account tokens are `ops_` + base64 of a JSON document describing the account. */
function validateOnePasswordToken(token: string): ValidationResult {
  const json = decodeBase64Text(token.slice(4));
  if (!json) return { verdict: 'invalid' };
  try {
    const value: unknown = JSON.parse(json);
    if (value === null || typeof value !== 'object') return { verdict: 'invalid' };
    const record = value as Record<string, unknown>;
    if (!('secretKey' in record || 'muk' in record || 'srpX' in record || 'signInAddress' in record)) return { verdict: 'invalid' };
    const details: Record<string, string> = { tokenType: 'service account token' };
    if (typeof record.signInAddress === 'string') details.account = record.signInAddress.slice(0, 120);
    return { verdict: 'valid', details };
  } catch {
    return { verdict: 'invalid' };
  }
}

function fakeOnePasswordPayload(gen: SampleGenerator): string {
  const doc = {
    signInAddress: 'example.1password.com',
    userAuth: { method: 'SRPg-4096', alg: 'PBES2g-HS256', iterations: 650000, salt: gen.base64url(22) },
    email: `${gen.alnum(12).toLowerCase()}@1passwordserviceaccounts.com`,
    srpX: gen.hex(64),
    muk: { alg: 'A256GCM', ext: true, k: gen.base64url(43), key_ops: ['encrypt', 'decrypt'], kty: 'oct', kid: 'mp' },
    secretKey: `A3-${gen.expand('{{alnumupper:6}}-{{alnumupper:6}}-{{alnumupper:5}}-{{alnumupper:5}}-{{alnumupper:5}}-{{alnumupper:5}}')}`,
    deviceUuid: gen.alnum(26).toLowerCase(),
  };
  return btoa(JSON.stringify(doc)).replace(/=+$/, '');
}

export const onePasswordServiceAccountToken: Rule = {
  id: '1password-service-account-token',
  title: '1Password service account token',
  provider: '1Password',
  category: 'ci-cd',
  keywords: ['ops_eyj'],
  pattern: /(?<![A-Za-z0-9_])ops_eyJ[A-Za-z0-9+/_-]{250,4000}={0,3}(?![A-Za-z0-9+/_=-])/,
  maxLength: 4100,
  validate: validateOnePasswordToken,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A 1Password service account token carries everything needed to sign in as the service account and decrypt the vaults it was granted: every password, key and document in them.',
  remediation:
    'Revoke the service account\'s token in 1Password (Developer → Service Accounts), rotate the items in its vaults, and keep the token in server-side or CI secret storage.',
  samples: {
    positives: [(gen) => `OP_SERVICE_ACCOUNT_TOKEN=ops_${fakeOnePasswordPayload(gen)}`, (gen) => `{"token":"ops_${fakeOnePasswordPayload(gen)}"}`],
    negatives: ['ops_eyJ{{base64:300}}', 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6...', 'ops_eyJxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const pulumiAccessToken: Rule = {
  id: 'pulumi-access-token',
  title: 'Pulumi access token',
  provider: 'Pulumi',
  category: 'ci-cd',
  keywords: ['pul-'],
  pattern: /(?<![A-Za-z0-9_-])pul-[a-f0-9]{40}(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Pulumi access token reads stack state (with every output and often decrypted secrets) and runs updates that change your cloud infrastructure.',
  remediation:
    'Delete the token in Pulumi Cloud (Personal access tokens, or the organization/team token page), review the audit log and recent updates, and use OIDC-issued short-lived tokens in CI.',
  samples: {
    positives: ['PULUMI_ACCESS_TOKEN=pul-{{hex:40}}', 'pulumi login --token "pul-{{hex:40}}"'],
    negatives: ['pul-{{hex:30}}', 'pul-{{upper:40}}', 'xpul-{{hex:40}}'],
  },
};

export const infracostApiKey: Rule = {
  id: 'infracost-api-key',
  title: 'Infracost API key',
  provider: 'Infracost',
  category: 'ci-cd',
  keywords: ['ico-'],
  pattern: /(?<![A-Za-z0-9_-])ico-[A-Za-z0-9]{32}(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'secret',
  description:
    'An Infracost API key calls the pricing API and, with Infracost Cloud, uploads cost estimates to the organization\'s dashboard, which describes your infrastructure.',
  remediation: 'Rotate the key in Infracost Cloud (Org settings → API key) and keep it in CI secrets.',
  samples: {
    positives: ['INFRACOST_API_KEY=ico-{{alnum:32}}', 'infracost configure set api_key "ico-{{alnum:32}}"'],
    negatives: ['ico-{{alnum:20}}', 'favico-{{alnum:32}}', 'ico-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
