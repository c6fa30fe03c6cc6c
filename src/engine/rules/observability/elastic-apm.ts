/** Elastic APM server credentials (secret token or API key). The RUM agent needs neither. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const elasticApmSecretToken: Rule = {
  id: 'elastic-apm-secret-token',
  title: 'Elastic APM secret token',
  provider: 'Elastic',
  category: 'observability',
  keywords: ['apm_secret_token', 'apmsecrettoken', 'apm-secret-token', 'apm_api_key', 'apmapikey', 'elastic_apm'],
  pattern:
    /(?:elastic[_-]?)?apm[_-]?(?:server[_-]?)?(?:secret[_-]?token|api[_-]?key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9+/_-]{16,128}={0,2})(?![A-Za-z0-9+/=_-])/i,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'The APM secret token (or APM API key) authorizes server agents to send data to APM Server, and may allow agent configuration. The browser RUM agent never needs it, so in a page it only helps others forge or flood APM data.',
  remediation: 'Change `apm-server.auth.secret_token` (or invalidate the API key) and remove it from front-end configuration; RUM uses anonymous auth with allowed origins.',
  samples: {
    positives: ['ELASTIC_APM_SECRET_TOKEN={{alnum:24}}', '{apmSecretToken:"{{base64url:32}}"}'],
    negatives: ['ELASTIC_APM_SECRET_TOKEN=<secret>', 'apmSecretToken:e.token', 'ELASTIC_APM_SERVER_URL=https://apm.{{lower:6}}.com'],
  },
};
