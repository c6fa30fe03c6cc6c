/**
 * Smaller CI/CD services: Travis CI, Octopus Deploy, Harness, JetBrains TeamCity, Codecov, Prefect.
 * Unprefixed formats (Travis, Codecov) match only next to a setting that names the service.
 */
import { decodeBase64Text } from '../../decode.ts';
import type { Rule, ValidationResult } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

/** `<name>…token = "value"` / `name_token: value`, for services whose tokens have no prefix. */
function assignment(name: string, value: string, suffix = '(?:TOKEN|KEY|[Tt]oken|[Kk]ey)'): RegExp {
  return new RegExp(
    String.raw`${name}[\w.-]{0,20}?${suffix}\w{0,10}["'\x60]?\s{0,4}(?:[:=]|=>|:=)\s{0,4}["'\x60]?(?<secret>${value})(?![A-Za-z0-9_-])`,
  );
}

export const travisCiApiToken: Rule = {
  id: 'travis-ci-api-token',
  title: 'Travis CI API token',
  provider: 'Travis CI',
  category: 'ci-cd',
  keywords: ['travis'],
  pattern: assignment('(?:TRAVIS|[Tt]ravis)', '[A-Za-z0-9_-]{22}'),
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Travis CI API token acts as its user: trigger builds, read logs, and change the environment variables of every repository they administer.',
  remediation: 'Regenerate the token in Travis CI (Settings → API authentication) and call the Travis API from your backend or CI only.',
  samples: {
    positives: ['TRAVIS_API_TOKEN={{alnum:22}}', '{travisToken:"{{alnum:22}}"}'],
    negatives: ['TRAVIS_API_TOKEN={{alnum:16}}', 'TRAVIS_TOKEN=xxxxxxxxxxxxxxxxxxxxxx', 'travisBuildId="{{alnum:22}}"'],
  },
};

export const octopusDeployApiKey: Rule = {
  id: 'octopus-deploy-api-key',
  title: 'Octopus Deploy API key',
  provider: 'Octopus Deploy',
  category: 'ci-cd',
  // `API-` alone is far too common: the rule runs only near a mention of Octopus.
  keywords: ['octopus'],
  pattern: /(?<![A-Za-z0-9_-])API-[A-Z0-9]{25,32}(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'An Octopus Deploy API key acts as its user or service account: create releases and deploy them to the environments it may reach, including production.',
  remediation:
    'Revoke the key in Octopus (Profile → My API keys, or the service account\'s API keys), review the audit log for deployments, and keep keys in CI secrets.',
  samples: {
    positives: ['OCTOPUS_URL=https://acme.octopus.app\nOCTOPUS_API_KEY=API-{{alnumupper:27}}', 'octopusClient({server:"https://deploy.example.com",apiKey:"API-{{alnumupper:26}}"})'],
    negatives: ['OCTOPUS_API_KEY=API-{{alnumupper:10}}', 'octopus docs: API-XXXXXXXXXXXXXXXXXXXXXXXXXX', 'API-{{alnumupper:27}}'],
  },
};

export const harnessAccessToken: Rule = {
  id: 'harness-access-token',
  title: 'Harness personal or service account token',
  provider: 'Harness',
  category: 'ci-cd',
  keywords: ['pat.', 'sat.'],
  pattern: /(?<![A-Za-z0-9_.])(?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20}(?![A-Za-z0-9_.-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Harness token (pat. for a user, sat. for a service account) calls the Harness API with its owner\'s role bindings: run pipelines and deployments, read connectors and secrets references.',
  remediation: 'Delete the token in Harness (My Profile → My API Keys, or Access Control → Service Accounts) and keep it in CI secrets.',
  samples: {
    positives: ['HARNESS_API_KEY=pat.{{base64url:22}}.{{alnum:24}}.{{alnum:20}}', 'headers:{"x-api-key":"sat.{{alnum:22}}.{{alnum:24}}.{{alnum:20}}"}'],
    negatives: ['compat.{{alnum:22}}.{{alnum:24}}.{{alnum:20}}', 'pat.{{alnum:22}}.{{alnum:24}}', 'pat.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxx'],
  },
};

/** TeamCity tokens: `{"typ": "TCV2"}` header, a base64url id, then base64 of a UUID. */
function validateTeamcityToken(token: string): ValidationResult {
  const secret = decodeBase64Text(token.split('.')[2] ?? '');
  if (!secret || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(secret)) return { verdict: 'invalid' };
  return { verdict: 'valid', details: { tokenType: 'TeamCity access token' } };
}

const uuid = (gen: { hex(length: number): string }) => `${gen.hex(8)}-${gen.hex(4)}-${gen.hex(4)}-${gen.hex(4)}-${gen.hex(12)}`;

export const teamcityAccessToken: Rule = {
  id: 'teamcity-access-token',
  title: 'JetBrains TeamCity access token',
  provider: 'JetBrains',
  category: 'ci-cd',
  keywords: ['eyj0exaioiaivenwmij9'],
  pattern: /(?<![A-Za-z0-9_-])eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_+/-]{20,80}\.[A-Za-z0-9_+/=-]{40,80}(?![A-Za-z0-9_+/=-])/,
  validate: validateTeamcityToken,
  severity: 'high',
  exposure: 'secret',
  description:
    'A TeamCity access token acts as its user on the TeamCity server: run builds, read build logs, artifacts and parameters, and, for administrators, change build configurations.',
  remediation: 'Delete the token in TeamCity (Profile → Access Tokens), review the audit log, and keep tokens in CI secrets.',
  samples: {
    positives: [
      (gen) => `TEAMCITY_TOKEN=eyJ0eXAiOiAiVENWMiJ9.${btoa(gen.alnum(27)).replace(/=+$/, '')}.${btoa(uuid(gen))}`,
      (gen) => `headers:{Authorization:"Bearer eyJ0eXAiOiAiVENWMiJ9.${btoa(gen.alnum(27)).replace(/=+$/, '')}.${btoa(uuid(gen))}"}`,
    ],
    negatives: ['eyJ0eXAiOiAiVENWMiJ9.{{alnum:36}}.{{alnum:48}}', 'TC_TOKEN="eyJ0eXAiOiAiVENWMiJ9..."', 'eyJ0eXAiOiAiVENWMiJ9.{{alnum:36}}'],
  },
};

export const codecovUploadToken: Rule = {
  id: 'codecov-upload-token',
  title: 'Codecov upload token',
  provider: 'Codecov',
  category: 'ci-cd',
  keywords: ['codecov'],
  pattern: assignment('(?:CODECOV|[Cc]odecov)', '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'),
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'secret',
  description:
    'A Codecov upload token uploads coverage reports for a repository (or every repository of an organization, for global tokens): an attacker can falsify coverage and status checks.',
  remediation: 'Regenerate the token in Codecov (repository or organization settings) and keep it in CI secrets.',
  samples: {
    positives: ['CODECOV_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'codecov_token: "{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"'],
    negatives: ['CODECOV_TOKEN=${{ secrets.CODECOV_TOKEN }}', 'codecovRepoId="{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"', 'CODECOV_TOKEN=00000000-0000-0000-0000-000000000000'],
  },
};

export const prefectApiKey: Rule = {
  id: 'prefect-api-key',
  title: 'Prefect Cloud API key',
  provider: 'Prefect',
  category: 'ci-cd',
  keywords: ['pnu_'],
  pattern: /(?<![A-Za-z0-9_])pnu_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Prefect Cloud API key acts as its user in their workspaces: run and change flows and deployments, and read blocks, which often hold cloud and database credentials.',
  remediation: 'Delete the key in Prefect Cloud (Profile → API keys) and use a service account key kept in CI or worker secrets.',
  samples: {
    positives: ['PREFECT_API_KEY=pnu_{{alnum:36}}', 'prefect cloud login --key "pnu_{{alnum:36}}"'],
    negatives: ['pnu_{{alnum:20}}', 'xpnu_{{alnum:36}}', 'pnu_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
