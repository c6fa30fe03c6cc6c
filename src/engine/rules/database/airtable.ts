/** Airtable: personal access tokens (`pat…`) and legacy API keys (`key…`, deprecated since 2024). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete the token at airtable.com/create/tokens (legacy keys: regenerate on the account page), and call Airtable from a backend that enforces who may read or write which records.';

export const airtablePersonalAccessToken: Rule = {
  id: 'airtable-personal-access-token',
  title: 'Airtable personal access token',
  provider: 'Airtable',
  category: 'database',
  keywords: ['pat'],
  pattern: /(?<![A-Za-z0-9_])(?<secret>pat[A-Za-z0-9]{14}\.[a-f0-9]{64})(?![A-Za-z0-9_])/,
  maxLength: 90,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Airtable personal access token reads and writes the bases it was granted (often all of the owner’s workspaces), including schema changes when it has those scopes.',
  remediation: REMEDIATION,
  samples: {
    positives: ['new Airtable({apiKey:"pat{{alnum:14}}.{{hex:64}}"})', 'AIRTABLE_TOKEN=pat{{alnum:14}}.{{hex:64}}'],
    negatives: ['pat{{alnum:14}}.{{hex:63}}', 'xpat{{alnum:14}}.{{hex:64}}', 'pat{{alnum:14}}.{{upper:64}}'],
  },
};

export const airtableLegacyApiKey: Rule = {
  id: 'airtable-legacy-api-key',
  title: 'Airtable legacy API key',
  provider: 'Airtable',
  category: 'database',
  keywords: ['airtable'],
  pattern:
    /airtable[\w$.]{0,40}(?:\(\{\s{0,3}|[_-]?(?:api[_-]?)?)?(?:api[_-]?)?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>key[A-Za-z0-9]{14})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'An Airtable legacy API key carries all of its owner’s permissions on every base. Airtable retired these keys in 2024, so this one may be dead, but if it still works it is a full account credential.',
  remediation: REMEDIATION,
  samples: {
    positives: ['AIRTABLE_API_KEY=key{{alnum:14}}', 'new Airtable({apiKey:"key{{alnum:14}}"}).base("app{{alnum:14}}")'],
    negatives: ['AIRTABLE_API_KEY=key{{alnum:10}}', 'apiKey:"key{{alnum:14}}"', 'AIRTABLE_API_KEY=keyxxxxxxxxxxxxxx'],
  },
};
