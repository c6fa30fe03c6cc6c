/** Tencent Cloud: SecretId (`AKID…`) and SecretKey. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Disable and delete the key pair in the CAM console (Access management > API keys), review CloudAudit logs, and sign requests on your backend; give the browser STS temporary keys or pre-signed COS URLs.';

export const tencentCloudSecretId: Rule = {
  id: 'tencent-cloud-secret-id',
  title: 'Tencent Cloud SecretId',
  provider: 'Tencent Cloud',
  category: 'cloud',
  keywords: ['akid'],
  pattern: /(?<![A-Za-z0-9])(?<secret>AKID[A-Za-z0-9]{32})(?![A-Za-z0-9])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'identifier',
  description:
    'A Tencent Cloud SecretId names an API key pair. On its own it cannot sign requests, but its SecretKey is usually nearby, and together they act with every CAM permission of the owner.',
  remediation: REMEDIATION,
  samples: {
    positives: ['const cos=new COS({SecretId:"AKID{{alnum:32}}",SecretKey:k});', 'TENCENTCLOUD_SECRET_ID=AKID{{alnum:32}}'],
    negatives: ['SecretId:"AKID{{alnum:31}}"', 'SecretId:"AKIDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', 'SecretId:"AKID{{alnum:33}}"'],
  },
};

export const tencentCloudSecretKey: Rule = {
  id: 'tencent-cloud-secret-key',
  title: 'Tencent Cloud SecretKey',
  provider: 'Tencent Cloud',
  category: 'cloud',
  // The name `SecretKey` is everywhere; only count it next to a SecretId or a Tencent name.
  keywords: ['akid', 'tencent', 'qcloud'],
  pattern: /secret[_-]?key["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`](?<secret>[A-Za-z0-9]{32})["'`]/i,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Tencent Cloud SecretKey signs API requests (COS, CVM, SMS…) as its owner; with its SecretId it is a complete credential.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      'const cos=new COS({SecretId:"AKID{{alnum:32}}",SecretKey:"{{alnum:32}}"});',
      'TENCENTCLOUD_SECRET_ID=x\nTENCENTCLOUD_SECRET_KEY="{{alnum:32}}"',
    ],
    negatives: ['stripe={secretKey:"{{alnum:32}}"}', 'new COS({SecretId:"AKID{{alnum:32}}",SecretKey:"{{alnum:31}}"})', 'new COS({SecretId:id,SecretKey:"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})'],
  },
};
