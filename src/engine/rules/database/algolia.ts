/**
 * Algolia: admin (write) API keys are secrets; search-only keys are made to be shipped to browsers.
 * Both are 32 hex characters, so the name they are assigned to decides.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const algoliaAdminApiKey: Rule = {
  id: 'algolia-admin-api-key',
  title: 'Algolia admin API key',
  provider: 'Algolia',
  category: 'database',
  keywords: ['adminapikey', 'admin_api_key', 'admin-api-key', 'algolia_admin', 'algoliaadmin', 'algolia_write', 'algoliawrite'],
  pattern:
    /(?:(?:algolia[_-]?)?admin[_-]?api[_-]?key|algolia[_-]?(?:admin|write)[_-]?(?:api[_-]?)?key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An Algolia admin (or write) API key can add, replace and delete records, change index settings and create new API keys for the application.',
  remediation:
    'Regenerate the admin key in the Algolia dashboard (Settings → API Keys), keep indexing on the server, and give browsers only a search-only key or secured API keys restricted to the indices they need.',
  samples: {
    positives: ['ALGOLIA_ADMIN_API_KEY={{hex:32}}', '{appId:"{{upper:10}}",adminApiKey:"{{hex:32}}"}', 'ALGOLIA_WRITE_API_KEY="{{hex:32}}"'],
    negatives: ['ALGOLIA_API_KEY="{{hex:32}}"', 'searchApiKey:"{{hex:32}}"', 'ALGOLIA_ADMIN_API_KEY={{hex:31}}', 'adminApiKey:"00000000000000000000000000000000"'],
  },
};

export const algoliaSearchApiKey: Rule = {
  id: 'algolia-search-api-key',
  title: 'Algolia search API key',
  provider: 'Algolia',
  category: 'database',
  keywords: ['searchapikey', 'search_api_key', 'search-api-key', 'search_only', 'searchonly', 'x-algolia-api-key', 'algoliasearch', 'appid', 'app_id', 'algolia_api_key', 'algoliaapikey'],
  pattern:
    /(?:(?:search[_-]?only[_-]?|algolia[_-]?search[_-]?|search[_-]?|algolia[_-]?)api[_-]?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|x-algolia-api-key\\?["'`]?\s{0,3}[:=]\s{0,3}\\?["'`]?|algoliasearch\(\s{0,3}["'`][A-Z0-9]{10}["'`]\s{0,3},\s{0,3}["'`]|app_?id\\?["'`]?\s{0,3}[:=]\s{0,3}\\?["'`][A-Z0-9]{10}\\?["'`]\s{0,3},\s{0,3}\\?["'`]?api_?key\\?["'`]?\s{0,3}[:=]\s{0,3}\\?["'`])(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'An Algolia search-only key is meant for browsers (InstantSearch, DocSearch). It is safe while it really has only the `search` ACL, is limited to the indices meant to be public, and has a rate limit; if this value is in fact the admin key, anyone can rewrite the indices.',
  remediation:
    'Confirm in Settings → API Keys that this key has only the search ACL; for per-user data use secured API keys generated on the server with filters and an expiry.',
  samples: {
    positives: [
      'docsearch({appId:"{{upper:10}}",apiKey:"{{hex:32}}",indexName:"docs"})',
      'const c=algoliasearch("{{upper:10}}","{{hex:32}}")',
      'https://{{upper:10}}-dsn.algolia.net/1/indexes/*/queries?x-algolia-api-key={{hex:32}}&x-algolia-application-id={{upper:10}}',
      'NEXT_PUBLIC_ALGOLIA_SEARCH_API_KEY={{hex:32}}',
      'ALGOLIA_API_KEY="{{hex:32}}"',
    ],
    negatives: ['searchApiKey:"{{hex:20}}"', 'algoliasearch(appId,apiKey)', 'searchApiKey:"00000000000000000000000000000000"'],
  },
};
