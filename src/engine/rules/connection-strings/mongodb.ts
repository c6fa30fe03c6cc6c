/** MongoDB connection URLs (`mongodb://`, `mongodb+srv://`) with a password. */
import type { Rule } from '../../types.ts';
import { credentialUrlPattern, validateUrlCredentials } from '../../validators/connection-string.ts';

export const mongodbConnectionString: Rule = {
  id: 'mongodb-connection-string',
  title: 'MongoDB connection string with password',
  provider: 'MongoDB',
  category: 'connection-string',
  keywords: ['mongodb'],
  pattern: credentialUrlPattern('mongodb(?:\\+srv)?'),
  maxLength: 420,
  validate: validateUrlCredentials,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A MongoDB URL with a password logs in as that database user: with Atlas’ common readWriteAnyDatabase role that is every collection of the cluster, from anywhere the IP access list allows.',
  remediation:
    'Change the database user’s password in Atlas (Database Access) or on the server, tighten the IP access list, and keep the URL in server-side configuration only.',
  samples: {
    positives: ['MONGODB_URI=mongodb+srv://{{lower:8}}:{{alnum:16}}@cluster0.{{alnumlower:5}}.mongodb.net/app?retryWrites=true&w=majority', 'mongoose.connect("mongodb://admin:{{base64url:20}}@10.1.2.3:27017,10.1.2.4:27017/prod?replicaSet=rs0")'],
    negatives: ['mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/test', 'mongodb://localhost:27017/app', 'mongodb+srv://user:${MONGO_PASSWORD}@cluster0.abcde.mongodb.net'],
  },
};
