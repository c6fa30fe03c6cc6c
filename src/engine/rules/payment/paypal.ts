/** PayPal REST apps: client secrets (server-only) and client IDs (public by design, in the JS SDK URL). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const paypalClientSecret: Rule = {
  id: 'paypal-client-secret',
  title: 'PayPal REST client secret',
  provider: 'PayPal',
  category: 'payment',
  keywords: ['paypal'],
  pattern:
    /paypal[\w-]{0,20}(?:client[_-]?)?secret["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{60,90})(?![A-Za-z0-9_-])/i,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A PayPal REST client secret, with its client ID, obtains OAuth tokens for the app: it captures and refunds payments, creates payouts and reads transactions.',
  remediation:
    'Rotate the secret in the PayPal Developer Dashboard (Apps & Credentials > your app > Secret key), keep it on the server, and let the JS SDK use only the client ID.',
  samples: {
    positives: ['PAYPAL_CLIENT_SECRET=E{{base64url:79}}', 'const paypalSecret="E{{alnum:79}}";'],
    negatives: ['PAYPAL_CLIENT_SECRET=E{{alnum:40}}', 'PAYPAL_CLIENT_ID=A{{alnum:79}}', 'PAYPAL_CLIENT_SECRET=<your-client-secret>'],
  },
};

export const paypalClientId: Rule = {
  id: 'paypal-client-id',
  title: 'PayPal client ID',
  provider: 'PayPal',
  category: 'payment',
  keywords: ['paypal.com/sdk/js'],
  pattern: /paypal\.com\/sdk\/js\?(?:[^\s"'`<>]{0,300}&(?:amp;)?)?client-id=(?<secret>[A-Za-z0-9_-]{40,100})(?![A-Za-z0-9_-])/,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A PayPal client ID is public by design: the JavaScript SDK loads with it. It is safe as long as the client secret stays on the server and orders are captured and verified server-side.',
  remediation: 'Nothing to hide; keep the client secret and order capture on your backend.',
  samples: {
    positives: ['<script src="https://www.paypal.com/sdk/js?client-id=A{{base64url:79}}&currency=USD"></script>', 'loadScript("https://www.paypal.com/sdk/js?currency=EUR&client-id=A{{alnum:79}}")'],
    negatives: ['https://www.paypal.com/sdk/js?client-id=sb&currency=USD', 'https://www.paypal.com/sdk/js?client-id=YOUR_CLIENT_ID'],
  },
};
