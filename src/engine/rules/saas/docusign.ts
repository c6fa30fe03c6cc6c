/** DocuSign integration secret keys (UUIDs), named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const docusignSecretKey: Rule = {
  id: 'docusign-secret-key',
  title: 'DocuSign secret key',
  provider: 'DocuSign',
  category: 'saas',
  keywords: ['docusign'],
  pattern:
    /docusign[_-]?(?:client[_-]?|integration[_-]?|app[_-]?)?secret(?:[_-]?key)?\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A DocuSign secret key authenticates the integration in authorization code grants; with a user’s consent it yields tokens that read and send envelopes with signed documents.',
  remediation: 'Delete the secret in Apps and Keys in DocuSign admin and use PKCE (public authorization code grant) for browser integrations.',
  samples: {
    positives: ['DOCUSIGN_CLIENT_SECRET={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', '{docusignSecretKey:"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}'],
    negatives: ['DOCUSIGN_INTEGRATION_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'DOCUSIGN_SECRET_KEY=<secret>'],
  },
};
