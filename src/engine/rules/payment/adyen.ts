/** Adyen: API keys (`AQE…`, server-only) and client keys (`live_`/`test_`, public by design). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const adyenApiKey: Rule = {
  id: 'adyen-api-key',
  title: 'Adyen API key',
  provider: 'Adyen',
  category: 'payment',
  keywords: ['aqe'],
  // Two base64 segments joined by `-` (a third, short segment may follow), or the dotted form.
  pattern:
    /(?<![A-Za-z0-9/+])(?<secret>AQE[A-Za-z0-9/+]{40,150}={0,2}-[A-Za-z0-9/+]{40,50}={0,2}|AQE[A-Za-z0-9]{5,10}\.[A-Za-z0-9_=-]{50,80})(?![A-Za-z0-9/+=_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Adyen API key authenticates a web-service user of the merchant or company account: it makes payments, refunds and payouts and reads transaction data, within the roles of that user.',
  remediation:
    'Generate a new key for the API credential in the Adyen Customer Area (Developers > API credentials), delete the old one, and keep it on the server; the browser needs only the client key.',
  samples: {
    positives: ['ADYEN_API_KEY=AQE{{base64:90}}==-{{base64:43}}=', 'headers:{"X-API-Key":"AQE{{alnumlower:6}}.{{base64url:60}}"}'],
    negatives: ['AQE{{base64:20}}', 'AQExxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'XAQE{{base64:90}}==-{{base64:43}}='],
  },
};

export const adyenClientKey: Rule = {
  id: 'adyen-client-key',
  title: 'Adyen client key',
  provider: 'Adyen',
  category: 'payment',
  keywords: ['adyen'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>(?:live|test)_[A-Z0-9]{32})(?![A-Za-z0-9_])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('test_') ? { verdict: 'unknown', exposure: 'test', title: 'Adyen test client key' } : { verdict: 'unknown' },
  ),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'An Adyen client key is public by design: Drop-in and Components use it in the browser. It is safe while its allowed origins list only your domains and the API key stays on your server.',
  remediation: 'Nothing to hide; check the client key\'s allowed origins in the Customer Area (Developers > API credentials).',
  samples: {
    positives: ['const checkout=await AdyenCheckout({clientKey:"live_{{alnumupper:32}}",environment:"live"});', 'ADYEN_CLIENT_KEY=test_{{alnumupper:32}}'],
    negatives: ['AdyenCheckout({clientKey:"live_{{alnumupper:20}}"})', 'const m={clientKey:"live_{{alnumupper:32}}"}'],
  },
};
