/**
 * Firebase Cloud Messaging server keys. The Firebase web `apiKey` is handled by `google-api-key` (public
 * by design); Realtime Database secrets live with the database rules.
 */
import type { Rule } from '../../types.ts';

export const firebaseCloudMessagingServerKey: Rule = {
  id: 'firebase-cloud-messaging-server-key',
  title: 'Firebase Cloud Messaging server key',
  provider: 'Firebase',
  category: 'cloud',
  keywords: [':apa91b'],
  // Server keys start with AAAA; device registration tokens share the `:APA91b` part but not the prefix.
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An FCM server key sends push notifications to every device of the app through the legacy FCM API. Google shut the legacy API down in 2024, but a leaked key still shows server credentials reaching the browser.',
  remediation:
    'Delete the key in Firebase console > Project settings > Cloud Messaging, migrate to the HTTP v1 API with a server-side service account, and send pushes only from your backend.',
  samples: {
    positives: ['{"Authorization":"key=AAAA{{base64url:7}}:APA91b{{base64url:134}}"}', 'FCM_SERVER_KEY=AAAA{{alnum:7}}:APA91b{{base64url:134}}'],
    negatives: [
      // A device registration token: same tail, random 11-character instance id in front.
      'token:"f{{alnum:10}}:APA91b{{base64url:134}}"',
      'key=AAAA{{alnum:7}}:APA91b{{base64url:100}}',
    ],
  },
};
