/** PyPI API tokens: macaroons whose base64url body starts with the issuing domain. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete the token in your PyPI account settings (API tokens), check the project\'s release history for versions you did not publish, and publish from CI with trusted publishing (OIDC) instead of long-lived tokens.';

export const pypiApiToken: Rule = {
  id: 'pypi-api-token',
  title: 'PyPI API token',
  provider: 'PyPI',
  category: 'package-registry',
  keywords: ['pypi-ageichlwas5vcmc'],
  // `AgEIcHlwaS5vcmc` is the macaroon header with location "pypi.org".
  pattern: /(?<![A-Za-z0-9_-])pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])/,
  maxLength: 1100,
  minEntropy: 4,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A PyPI API token uploads new releases of the projects it is scoped to (or of every project of its owner): anyone who copies it can publish malware under your package name.',
  remediation: REMEDIATION,
  samples: {
    positives: ['TWINE_PASSWORD=pypi-AgEIcHlwaS5vcmc{{base64url:160}}', 'password = "pypi-AgEIcHlwaS5vcmcCJ{{base64url:200}}"'],
    negatives: ['pypi-AgEIcHlwaS5vcmc{{base64url:20}}', 'pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pypi-{{base64url:160}}'],
  },
};

export const pypiTestApiToken: Rule = {
  id: 'pypi-test-api-token',
  title: 'TestPyPI API token',
  provider: 'PyPI',
  category: 'package-registry',
  keywords: ['pypi-agendgvzdc5wexbplm9yzw'],
  // Location "test.pypi.org": the sandbox index, not the real one.
  pattern: /(?<![A-Za-z0-9_-])pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,1000}(?![A-Za-z0-9_-])/,
  maxLength: 1100,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description:
    'A TestPyPI token publishes to the test index only: low risk, but it shows how release credentials are handled and is often a copy of the production workflow.',
  remediation: REMEDIATION,
  samples: {
    positives: ['TWINE_PASSWORD=pypi-AgENdGVzdC5weXBpLm9yZw{{base64url:160}}', '"password": "pypi-AgENdGVzdC5weXBpLm9yZw{{base64url:120}}"'],
    negatives: ['pypi-AgENdGVzdC5weXBpLm9yZw{{base64url:20}}', 'xpypi-AgENdGVzdC5weXBpLm9yZw{{base64url:120}}'],
  },
};
