/** Alibaba Cloud (Aliyun): AccessKey ID (`LTAI…`) and AccessKey secret. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Disable and delete the AccessKey pair in the RAM console, check ActionTrail for its use, and call Alibaba Cloud from your backend; give the browser STS temporary credentials or signed OSS URLs instead.';

export const alibabaAccessKeyId: Rule = {
  id: 'alibaba-access-key-id',
  title: 'Alibaba Cloud AccessKey ID',
  provider: 'Alibaba Cloud',
  category: 'cloud',
  keywords: ['ltai'],
  pattern: /(?<![A-Za-z0-9])(?<secret>LTAI[A-Za-z0-9]{12,20})(?![A-Za-z0-9])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'identifier',
  description:
    'An Alibaba Cloud AccessKey ID names a RAM credential. It cannot sign requests alone, but its AccessKey secret usually sits next to it, and together they act with every permission of the RAM user.',
  remediation: REMEDIATION,
  samples: {
    positives: ['const oss=new OSS({region:"oss-cn-hangzhou",accessKeyId:"LTAI{{alnum:20}}"});', 'ALIBABA_CLOUD_ACCESS_KEY_ID=LTAI{{alnum:16}}'],
    negatives: ['accessKeyId:"LTAI{{alnum:8}}"', 'accessKeyId:"XLTAI{{alnum:16}}"', 'accessKeyId:"LTAIxxxxxxxxxxxxxxxx"'],
  },
};

export const alibabaAccessKeySecret: Rule = {
  id: 'alibaba-access-key-secret',
  title: 'Alibaba Cloud AccessKey secret',
  provider: 'Alibaba Cloud',
  category: 'cloud',
  keywords: ['accesskeysecret', 'access_key_secret', 'access-key-secret'],
  pattern: /access[_-]?key[_-]?secret["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{30})(?![A-Za-z0-9])/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Alibaba Cloud AccessKey secret signs API requests as its RAM user: OSS buckets, ECS instances and everything else the user may touch.',
  remediation: REMEDIATION,
  samples: {
    positives: ['new OSS({accessKeyId:"LTAI{{alnum:20}}",accessKeySecret:"{{alnum:30}}",bucket:"demo"})', 'ALIBABA_CLOUD_ACCESS_KEY_SECRET={{alnum:30}}'],
    negatives: ['accessKeySecret:"{{alnum:29}}"', 'accessKeySecret: process.env.OSS_SECRET', 'accessKeySecret:"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'],
  },
};
