/** Coinbase: Developer Platform (CDP) API key names and secrets, and Coinbase Commerce API keys. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const CDP_REMEDIATION =
  'Delete the API key in the Coinbase Developer Platform portal (API keys), review the account\'s activity, and sign CDP requests only on your server.';

export const coinbaseCdpApiKeyName: Rule = {
  id: 'coinbase-cdp-api-key-name',
  title: 'Coinbase CDP API key name',
  provider: 'Coinbase',
  category: 'payment',
  keywords: ['/apikeys/'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>organizations\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/apiKeys\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'identifier',
  description:
    'A Coinbase Developer Platform API key name identifies a key and its organization. It cannot sign requests alone, but its private key is usually stored right next to it.',
  remediation: CDP_REMEDIATION,
  samples: {
    positives: ['{"name":"organizations/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}/apiKeys/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}', 'CDP_API_KEY_NAME=organizations/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}/apiKeys/{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['organizations/{org_id}/apiKeys/{key_id}', 'organizations/{{hex:8}}/apiKeys/{{hex:8}}'],
  },
};

export const coinbaseCdpApiKeySecret: Rule = {
  id: 'coinbase-cdp-api-key-secret',
  title: 'Coinbase CDP API key secret',
  provider: 'Coinbase',
  category: 'payment',
  keywords: ['coinbase', 'cdp_api_key', 'cdp-api-key', '/apikeys/'],
  // Ed25519 key secrets: 64 bytes, base64. ECDSA secrets are PEM blocks (the private-key rules).
  pattern:
    /(?:api[_-]?key[_-]?secret|private[_-]?key|privateKey|secret)["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`](?<secret>[A-Za-z0-9+/]{86}==)["'`]/i,
  minEntropy: 4.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Coinbase Developer Platform API key secret signs API requests: depending on the key\'s permissions it can trade, transfer funds and manage wallets.',
  remediation: CDP_REMEDIATION,
  samples: {
    positives: ['const cdp={apiKeyName:"organizations/x/apiKeys/y",apiKeySecret:"{{base64:86}}=="};', 'CDP_API_KEY_ID=abc\nCDP_API_KEY_SECRET="{{base64:86}}=="'],
    negatives: ['const cdp={apiKeySecret:"{{base64:86}}=="};', 'CDP_API_KEY_SECRET="{{base64:40}}=="'],
  },
};

export const coinbaseCommerceApiKey: Rule = {
  id: 'coinbase-commerce-api-key',
  title: 'Coinbase Commerce API key',
  provider: 'Coinbase',
  category: 'payment',
  keywords: ['x-cc-api-key', 'coinbase_commerce', 'coinbasecommerce', 'commerce.coinbase.com', 'coinbase-commerce'],
  pattern: /(?:x-cc-api-key|api[_-]?key)["'`]?\s{0,3}(?:[:=,]|=>)\s{0,3}["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9-])/i,
  minEntropy: 3.2,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Coinbase Commerce API key creates charges and checkouts and reads the merchant\'s payments and customer data.',
  remediation: 'Revoke the key in Coinbase Commerce (Settings > Security > API keys) and create charges from your server only.',
  samples: {
    positives: ['headers:{"X-CC-Api-Key":"{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}","X-CC-Version":"2018-03-22"}', 'COINBASE_COMMERCE_API_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['headers:{"X-CC-Api-Key":process.env.CC_KEY}', 'COINBASE_COMMERCE_API_KEY=00000000-0000-0000-0000-000000000000'],
  },
};
