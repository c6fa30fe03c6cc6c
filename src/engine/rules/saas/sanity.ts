/** Sanity API tokens (`sk…`), named by context. Project ids and datasets are public. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const sanityApiToken: Rule = {
  id: 'sanity-api-token',
  title: 'Sanity API token',
  provider: 'Sanity',
  category: 'saas',
  keywords: ['sanity', 'projectid'],
  pattern:
    /(?:sanity[_-]?(?:studio[_-]?)?(?:api[_-]?|auth[_-]?|write[_-]?|read[_-]?|editor[_-]?|viewer[_-]?|preview[_-]?)?(?:token|key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|projectId\\?["'`]?\s{0,3}:\s{0,3}\\?["'`][a-z0-9]{8}\\?["'`][\s\S]{0,200}?token\\?["'`]?\s{0,3}:\s{0,3}\\?["'`])(?<secret>sk[A-Za-z0-9]{60,200})(?![A-Za-z0-9_-])/i,
  minEntropy: 4.0,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Sanity API token reads private datasets and drafts, and with editor or deploy rights writes and deletes documents in the project.',
  remediation: 'Delete the token under API → Tokens in sanity.io/manage and keep tokens in server-side code (previews through a server route).',
  samples: {
    positives: ['SANITY_API_TOKEN=sk{{alnum:180}}', 'createClient({projectId:"{{alnumlower:8}}",dataset:"production",useCdn:!1,token:"sk{{alnum:100}}"})'],
    negatives: ['createClient({projectId:"{{alnumlower:8}}",dataset:"production",token:t})', 'SANITY_API_TOKEN=sk{{alnum:20}}'],
  },
};
