/** Salesforce: OAuth access tokens / session ids (`00D…!…`) and connected-app consumer secrets. */
import type { Rule } from '../../types.ts';
import { isPlaceholder, rejectPlaceholders } from '../../validators/placeholder.ts';

export const salesforceAccessToken: Rule = {
  id: 'salesforce-access-token',
  title: 'Salesforce access token',
  provider: 'Salesforce',
  category: 'saas',
  keywords: ['00d'],
  pattern: /(?<![A-Za-z0-9])(?<secret>00D[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?![A-Za-z0-9_.]{80,140})(?![A-Za-z0-9_.])/,
  maxLength: 170,
  minEntropy: 4.0,
  // Org ids are structured (`00D5e000000…`): judge the session part after `!`.
  validate: (token) => (isPlaceholder(token.slice(token.indexOf('!') + 1)) ? { verdict: 'invalid' } : { verdict: 'unknown' }),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Salesforce access token (session id) acts as its user on the org’s APIs until the session expires: reading and changing every record the user can see.',
  remediation:
    'Revoke the session (Setup → Session Management, or the OAuth token’s connected app usage), and keep Salesforce API calls on the server; a browser app should use its own short-lived session.',
  samples: {
    positives: ['headers:{Authorization:"Bearer 00D{{alnum:15}}!{{alnum:96}}"}', 'SF_ACCESS_TOKEN=00D{{alnum:12}}!AQ{{alnum:96}}', 'sid=00D5e000000{{alnum:4}}!AR{{base64url:100}}'],
    negatives: ['00D{{alnum:15}}!short', '00D{{alnum:15}}', 'x00D{{alnum:15}}!AQ{{alnum:96}}'],
  },
};

export const salesforceConsumerSecret: Rule = {
  id: 'salesforce-consumer-secret',
  title: 'Salesforce connected app consumer secret',
  provider: 'Salesforce',
  category: 'saas',
  keywords: ['salesforce', 'sfdc', 'sf_client_secret', 'sf_consumer_secret', 'sfclientsecret', 'sfconsumersecret', 'sf-client-secret', 'sf-consumer-secret'],
  pattern:
    /(?:salesforce|sfdc|sf)[_-]?(?:oauth[_-]?)?(?:consumer|client)[_-]?secret\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-F0-9]{64}|[0-9]{19})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A connected app consumer secret authenticates as the app in Salesforce OAuth flows; with a user’s credentials or a refresh token it yields API access to the org.',
  remediation: 'Rotate the consumer secret in the connected app (App Manager → Manage Consumer Details) and use PKCE for browser apps instead of a secret.',
  samples: {
    positives: ['SALESFORCE_CLIENT_SECRET={{HEX:64}}', '{sfConsumerSecret:"{{HEX:64}}"}'],
    negatives: ['SALESFORCE_CLIENT_SECRET={{HEX:20}}', 'SALESFORCE_CLIENT_ID=3MVG9{{alnum:80}}'],
  },
};
