/** Hugging Face: user access tokens (`hf_`) and legacy organization API tokens (`api_org_`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const huggingFaceAccessToken: Rule = {
  id: 'huggingface-access-token',
  title: 'Hugging Face access token',
  provider: 'Hugging Face',
  category: 'ai',
  keywords: ['hf_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>hf_[A-Za-z]{34})(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Hugging Face token acts as its user: it runs paid Inference Endpoints and providers on your bill and, with write or fine-grained scopes, reads private models and datasets or pushes to them.',
  remediation:
    'Invalidate the token at https://huggingface.co/settings/tokens, use fine-grained read-only tokens, and proxy inference through your backend.',
  samples: {
    positives: ['const hf=new HfInference("hf_{{chars:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:34}}");', 'HF_TOKEN=hf_{{chars:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:34}}'],
    negatives: ['hf_{{chars:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:20}}', 'hf_{{alnum:34}}0', 'HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'const leaf=shf_{{chars:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:34}};'],
  },
};

export const huggingFaceOrgToken: Rule = {
  id: 'huggingface-org-token',
  title: 'Hugging Face organization API token',
  provider: 'Hugging Face',
  category: 'ai',
  keywords: ['api_org_'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>api_org_[A-Za-z]{34})(?![A-Za-z0-9_])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A legacy Hugging Face organization API token acts for the whole organization: private models, datasets and billed inference.',
  remediation: 'Revoke it in the organization settings on huggingface.co and move to fine-grained user tokens used server-side.',
  samples: {
    positives: ['HF_ORG_TOKEN=api_org_{{chars:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:34}}', 'Authorization: Bearer api_org_{{chars:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:34}}'],
    negatives: ['api_org_{{chars:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz:20}}', 'api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
