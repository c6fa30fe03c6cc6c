/** Vercel: account access tokens, Blob read-write tokens and deployment-protection bypass secrets. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const vercelAccessToken: Rule = {
  id: 'vercel-access-token',
  title: 'Vercel access token',
  provider: 'Vercel',
  category: 'cloud',
  keywords: ['vercel'],
  pattern:
    /vercel[_-]?(?:access[_-]?|api[_-]?|auth[_-]?|cli[_-]?)?token["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{24})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Vercel access token acts as its user (or within its team or project scope): it can read environment variables with their secrets, deploy code and change domains.',
  remediation:
    'Delete the token at https://vercel.com/account/tokens, review the team\'s activity log, and keep tokens in CI secrets, scoped to a single project with an expiry.',
  samples: {
    positives: ['VERCEL_TOKEN={{alnum:24}}', 'const vercelApiToken="{{alnum:24}}";'],
    negatives: ['VERCEL_TOKEN={{alnum:23}}', 'VERCEL_TOKEN=xxxxxxxxxxxxxxxxxxxxxxxx', 'VERCEL_PROJECT_ID=prj_{{alnum:24}}'],
  },
};

export const vercelBlobReadWriteToken: Rule = {
  id: 'vercel-blob-read-write-token',
  title: 'Vercel Blob read-write token',
  provider: 'Vercel',
  category: 'cloud',
  keywords: ['vercel_blob_rw_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>vercel_blob_rw_[A-Za-z0-9]{10,24}_[A-Za-z0-9]{20,40})(?![A-Za-z0-9_])/,
  minEntropy: 3.8,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Vercel Blob read-write token uploads, overwrites and deletes any file in the store: in the browser anyone can host content on your domain or wipe your uploads.',
  remediation:
    'Regenerate the token in the Vercel dashboard (Storage > your Blob store > Settings), keep it server-side, and let browsers upload through client tokens issued by your route handler (`handleUpload`).',
  samples: {
    positives: ['BLOB_READ_WRITE_TOKEN=vercel_blob_rw_{{alnum:16}}_{{alnum:30}}', 'put(name,file,{token:"vercel_blob_rw_{{alnum:16}}_{{alnum:30}}"})'],
    negatives: ['vercel_blob_rw_{{alnum:16}}', 'vercel_blob_rw_<store>_<secret>'],
  },
};

export const vercelProtectionBypassSecret: Rule = {
  id: 'vercel-protection-bypass-secret',
  title: 'Vercel deployment protection bypass secret',
  provider: 'Vercel',
  category: 'cloud',
  keywords: ['x-vercel-protection-bypass', 'vercel_automation_bypass_secret'],
  pattern:
    /(?:x-vercel-protection-bypass|vercel_automation_bypass_secret)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'The protection-bypass secret lets automation reach deployments behind Vercel Deployment Protection (password, SSO or trusted IPs). Anyone who has it can open your protected preview and production deployments.',
  remediation:
    'Regenerate the secret in Project Settings > Deployment Protection > Protection Bypass for Automation and keep it in CI secrets only; never append it to URLs that browsers load.',
  samples: {
    positives: ['https://demo-git-main.vercel.app/?x-vercel-protection-bypass={{alnum:32}}&x-vercel-set-bypass-cookie=true', 'VERCEL_AUTOMATION_BYPASS_SECRET={{alnum:32}}'],
    negatives: ['x-vercel-protection-bypass={{alnum:20}}', 'headers:{"x-vercel-protection-bypass":process.env.BYPASS}'],
  },
};
