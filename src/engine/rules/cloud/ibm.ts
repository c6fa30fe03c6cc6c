/** IBM Cloud: IAM API keys (44 characters, exchanged for bearer tokens at iam.cloud.ibm.com). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const ibmCloudApiKey: Rule = {
  id: 'ibm-cloud-api-key',
  title: 'IBM Cloud API key',
  provider: 'IBM Cloud',
  category: 'cloud',
  keywords: ['iam.cloud.ibm.com', 'ibmcloud', 'ibm_cloud', 'ibm-cloud', 'ibm_api', 'ibmapikey', 'bluemix'],
  // The value alone is an unremarkable 44-character string: it needs an IBM name or the IAM endpoint nearby.
  pattern:
    /(?:ibm[_-]?(?:cloud[_-]?)?api[_-]?key|bluemix[_-]?api[_-]?key|\bapikey|\bapi_key)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9_-]{44})(?![A-Za-z0-9_-])/i,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An IBM Cloud API key is exchanged at iam.cloud.ibm.com for bearer tokens with every access policy of its user or service ID, across the whole account.',
  remediation:
    'Delete the key in IBM Cloud console > Manage > Access (IAM) > API keys, review Activity Tracker events, and call IBM Cloud from your backend with a service ID restricted to what it needs.',
  samples: {
    positives: [
      'fetch("https://iam.cloud.ibm.com/identity/token",{body:"grant_type=urn:ibm:params:oauth:grant-type:apikey&apikey={{base64url:44}}"})',
      'IBM_CLOUD_API_KEY={{alnum:44}}',
    ],
    negatives: ['IBM_CLOUD_API_KEY={{alnum:43}}', 'IBM_CLOUD_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ibmcloud login --apikey @key.json'],
  },
};
