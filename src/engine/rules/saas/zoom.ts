/** Zoom: OAuth client secrets, Meeting SDK secrets and webhook secret tokens, named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const zoomClientSecret: Rule = {
  id: 'zoom-client-secret',
  title: 'Zoom client or SDK secret',
  provider: 'Zoom',
  category: 'saas',
  keywords: ['zoom_client_secret', 'zoomclientsecret', 'zoom_sdk_secret', 'zoomsdksecret', 'zoom_api_secret', 'zoomapisecret', 'zoom_secret', 'zoom_webhook_secret', 'zoom-client-secret', 'zoom_meeting_sdk_secret'],
  pattern:
    /zoom[_-]?(?:meeting[_-]?|video[_-]?)?(?:client|sdk|api|jwt|webhook(?:[_-]?secret)?|oauth)?[_-]?secret(?:[_-]?(?:key|token))?\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_-]{22,40})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Zoom client or SDK secret signs Meeting SDK JWTs and authenticates the app’s OAuth flows: with it anyone can join meetings as your app, start them as a host, or read account data.',
  remediation: 'Regenerate the secret in the Zoom App Marketplace (Manage → your app → App credentials) and generate SDK signatures on your server.',
  samples: {
    positives: ['ZOOM_CLIENT_SECRET={{alnum:32}}', 'const cfg={zoomSdkSecret:"{{alnum:36}}",sdkKey:k}'],
    negatives: ['ZOOM_CLIENT_SECRET=<secret>', 'ZOOM_CLIENT_ID={{alnum:22}}'],
  },
};
