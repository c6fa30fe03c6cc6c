/** Amazon Web Services: access key ids and secret access keys (paired by the engine when near). */
import type { Rule } from '../../types.ts';
import { validateAwsAccessKeyId, validateAwsSecretAccessKey } from '../../validators/aws.ts';

const REMEDIATION =
  'Deactivate and delete this access key in IAM now, check CloudTrail for its use, and never ship AWS credentials to the browser: call AWS from your backend, or give the browser short-lived, narrowly scoped credentials (Cognito identity pools, pre-signed URLs).';

export const awsAccessKeyId: Rule = {
  id: 'aws-access-key-id',
  title: 'AWS access key ID',
  provider: 'AWS',
  category: 'cloud',
  keywords: ['akia', 'asia'],
  pattern: /(?<![A-Za-z0-9])(?<secret>(?:AKIA|ASIA)[A-Z2-7]{16})(?![A-Za-z0-9])/,
  validate: validateAwsAccessKeyId,
  severity: 'medium',
  exposure: 'identifier',
  description:
    'An AWS access key ID names an IAM credential. On its own it cannot sign requests, but its secret access key is rarely far away, and the ID reveals the AWS account.',
  remediation: REMEDIATION,
  samples: {
    positives: ['const cfg={region:"us-east-1",accessKeyId:"AKIA{{base32:16}}"};', 'AWS_ACCESS_KEY_ID=ASIA{{base32:16}}'],
    negatives: ['AKIA{{base32:15}}', 'XAKIA{{base32:16}}', 'AKIA{{base32:16}}0', 'akia{{lower:16}}'],
  },
};

export const awsSecretAccessKey: Rule = {
  id: 'aws-secret-access-key',
  title: 'AWS secret access key',
  provider: 'AWS',
  category: 'cloud',
  keywords: ['secretaccesskey', 'secret_access_key', 'aws_secret', 'awssecret', 'secret-access-key'],
  // The 40-character value needs its name nearby: on its own it is indistinguishable from a hash.
  pattern:
    /(?:secret_?access_?key|secret-access-key|aws_?secret(?:_?key)?)["'`]{0,1}\s{0,4}(?:[:=]|=>|:=)\s{0,4}["'`]{0,1}(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])/i,
  minEntropy: 3.5,
  validate: validateAwsSecretAccessKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An AWS secret access key signs API requests with every permission of its IAM identity. Anyone who loads this page can copy it.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      'secretAccessKey:"{{base64:40}}"',
      'AWS_SECRET_ACCESS_KEY={{alnum:40}}',
      '"aws_secret_key": "{{alnum:20}}/{{alnum:19}}"',
    ],
    negatives: ['secretAccessKey:"{{alnum:39}}"', 'secretAccessKey: process.env.AWS_SECRET_ACCESS_KEY', 'secretAccessKey:"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"'],
  },
};
