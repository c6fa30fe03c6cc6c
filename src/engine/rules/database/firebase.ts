/**
 * Firebase Realtime Database legacy secrets. The Firebase web `apiKey` (AIza…) is public by design and
 * belongs to the Google rules in cloud/.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const firebaseDatabaseSecret: Rule = {
  id: 'firebase-database-secret',
  title: 'Firebase Realtime Database secret',
  provider: 'Firebase',
  category: 'database',
  keywords: ['databasesecret', 'database_secret', 'database-secret', 'firebase_secret', 'firebasesecret', 'firebase-secret', 'firebase_auth_secret', 'firebase_db_secret'],
  pattern:
    /(?:database[_-]?secret|firebase[_-]?(?:auth[_-]?|db[_-]?|database[_-]?)?secret)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9]{40})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Realtime Database legacy secret authenticates as an administrator: requests made with it ignore every security rule and can read or overwrite the whole database.',
  remediation:
    'Delete the secret under Project settings → Service accounts → Database secrets, migrate servers to the Admin SDK with a service account, and let browsers use Firebase Authentication with security rules.',
  samples: {
    positives: ['{databaseURL:"https://app.firebaseio.com",databaseSecret:"{{alnum:40}}"}', 'FIREBASE_SECRET={{alnum:40}}', '"firebase_db_secret": "{{alnum:40}}"'],
    negatives: ['databaseSecret:"{{alnum:39}}"', 'databaseSecret:process.env.FIREBASE_DATABASE_SECRET', 'FIREBASE_SECRET=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'secret:"{{alnum:40}}"'],
  },
};
