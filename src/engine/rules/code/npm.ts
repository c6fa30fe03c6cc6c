/** npm registry credentials: checksummed access tokens and legacy `.npmrc` auth tokens. */
import type { Rule, SampleGenerator } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';
import { npmTokenChecksum, validateNpmToken } from '../../validators/npm.ts';

export function fakeNpmToken(gen: SampleGenerator): string {
  const random = gen.alnum(30);
  return `npm_${random}${npmTokenChecksum(random)}`;
}

const REMEDIATION =
  'Revoke the token on npmjs.com (Access Tokens, or `npm token revoke`), check the packages it can publish for unexpected versions, and publish from CI with granular, short-lived tokens or trusted publishing (OIDC). Never bundle .npmrc credentials into an app.';

export const npmAccessToken: Rule = {
  id: 'npm-access-token',
  title: 'npm access token',
  provider: 'npm',
  category: 'package-registry',
  keywords: ['npm_'],
  pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/,
  validate: validateNpmToken,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An npm access token can publish new versions of every package its owner maintains (unless it is read-only): a direct route to a supply-chain attack on everyone who installs them.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      (gen) => `//registry.npmjs.org/:_authToken=${fakeNpmToken(gen)}`,
      (gen) => `{"NPM_TOKEN":"${fakeNpmToken(gen)}"}`,
    ],
    negatives: [
      (gen) => {
        const token = fakeNpmToken(gen);
        return token.slice(0, -1) + (token.endsWith('a') ? 'b' : 'a');
      },
      'npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'process.env.npm_{{lower:36}}',
      'npm_config_registry_{{alnum:36}}',
    ],
  },
};

export const npmLegacyAuthToken: Rule = {
  id: 'npm-legacy-auth-token',
  title: 'npm registry auth token (.npmrc)',
  provider: 'npm',
  category: 'package-registry',
  keywords: ['_authtoken'],
  // Legacy npm tokens are UUIDs; private registries (GitHub Packages, Artifactory, Nexus…) put
  // their own tokens in the same setting. Prefixed npm_ tokens are left to npm-access-token.
  pattern:
    /:_authToken\s{0,4}=\s{0,4}["']?(?<secret>(?!npm_)(?![$<{])[A-Za-z0-9_.+/=-]{20,200})(?![A-Za-z0-9_.+/=-])/,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An `_authToken` line from an .npmrc file authenticates to a package registry: it can install private packages and often publish new versions of them.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      '//registry.npmjs.org/:_authToken={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}',
      '"//npm.pkg.github.com/:_authToken=ghp_{{alnum:36}}\\n"',
    ],
    negatives: [
      '//registry.npmjs.org/:_authToken=${NPM_TOKEN}',
      '//registry.npmjs.org/:_authToken=<your-token>',
      '//registry.npmjs.org/:_authToken=00000000-0000-0000-0000-000000000000',
      'always-auth=true _authToken is not set',
    ],
  },
};
