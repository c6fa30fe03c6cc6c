/** Logz.io shipping and API tokens, named by context or by the listener URL. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const logzioToken: Rule = {
  id: 'logzio-token',
  title: 'Logz.io token',
  provider: 'Logz.io',
  category: 'observability',
  keywords: ['logz.io', 'logzio', 'logz_io'],
  pattern:
    /(?:listener(?:-[a-z]{2,4})?\.logz\.io(?::\d{2,5})?\/?[^\s"'`]{0,40}[?&]token=|logz[_.-]?io[_-]?(?:shipping[_-]?|api[_-]?|logs[_-]?|metrics[_-]?)?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?)(?<secret>[A-Za-z]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'secret',
  description:
    'A Logz.io shipping token writes logs and metrics into the account (an API token, a UUID, also reads and manages it). From a browser anyone can inject or flood log data with it.',
  remediation:
    'Rotate the token in Logz.io (Settings → Manage tokens) and ship browser logs through your own endpoint, which adds the token server-side.',
  samples: {
    positives: ['fetch("https://listener.logz.io:8071/?token={{chars:abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ:32}}&type=browser",{method:"POST"})', 'LOGZIO_API_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['https://listener.logz.io:8071/?token=<token>', 'LOGZIO_TOKEN={{lower:10}}'],
  },
};
