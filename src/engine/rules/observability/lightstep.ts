/** Lightstep (ServiceNow Cloud Observability) access tokens, named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const lightstepAccessToken: Rule = {
  id: 'lightstep-access-token',
  title: 'Lightstep access token',
  provider: 'Lightstep',
  category: 'observability',
  keywords: ['lightstep'],
  pattern:
    /lightstep[_-]?(?:access[_-]?|api[_-]?)?(?:token|key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9+/]{80,200}={0,2}|[a-f0-9]{32})(?![A-Za-z0-9+/=_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'secret',
  description:
    'A Lightstep access token reports spans and metrics to the project (API keys also read and manage it). From the page anyone can inject telemetry or, with an API key, read traces that may contain request data.',
  remediation: 'Revoke it in Project settings → Access tokens and send browser telemetry through your own OpenTelemetry collector, which adds the token.',
  samples: {
    positives: ['LIGHTSTEP_ACCESS_TOKEN={{base64:84}}', '{"lightstep-access-token":"{{hex:32}}"}'],
    negatives: ['LIGHTSTEP_ACCESS_TOKEN=<token>', 'LIGHTSTEP_ACCESS_TOKEN={{alnum:20}}'],
  },
};
