/** Shopify app credentials (`shpat_`, `shpca_`, `shppa_`, `shpss_`) and Storefront API tokens (public). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Uninstall/reinstall or rotate the app’s credentials in the Shopify admin (Apps → Develop apps → API credentials) or the Partner dashboard, and call the Admin API only from your server.';

function shopifyToken(id: string, title: string, prefix: string, description: string, severity: Rule['severity']): Rule {
  return {
    id,
    title,
    provider: 'Shopify',
    category: 'saas',
    keywords: [prefix],
    pattern: new RegExp(`(?<![A-Za-z0-9_])(?<secret>${prefix}[a-fA-F0-9]{32})(?![A-Za-z0-9_])`),
    maxLength: 50,
    minEntropy: 3.0,
    validate: rejectPlaceholders(),
    severity,
    exposure: 'secret',
    description,
    remediation: REMEDIATION,
    samples: {
      positives: [`headers:{"X-Shopify-Access-Token":"${prefix}{{hex:32}}"}`, `SHOPIFY_TOKEN=${prefix}{{hex:32}}`],
      negatives: [`${prefix}{{hex:31}}`, `${prefix}{{hex:32}}0`, `x${prefix}{{hex:32}}`],
    },
  };
}

export const shopifyAdminAccessToken = shopifyToken(
  'shopify-admin-access-token',
  'Shopify Admin API access token',
  'shpat_',
  'A Shopify Admin API access token acts on the store with the app’s scopes: orders, customers and their personal data, products, discounts, even store settings.',
  'critical',
);

export const shopifyCustomAppAccessToken = shopifyToken(
  'shopify-custom-app-access-token',
  'Shopify custom app access token',
  'shpca_',
  'A Shopify custom app access token acts on the store’s Admin API with the custom app’s scopes, usually read and write on orders, customers and products.',
  'critical',
);

export const shopifyPrivateAppPassword = shopifyToken(
  'shopify-private-app-password',
  'Shopify private app password',
  'shppa_',
  'A Shopify private app password is a full Admin API credential for the store with the private app’s permissions.',
  'critical',
);

export const shopifySharedSecret = shopifyToken(
  'shopify-shared-secret',
  'Shopify app shared secret',
  'shpss_',
  'A Shopify app shared secret signs and verifies webhooks and OAuth requests: with it anyone can forge webhook calls that your app trusts, or complete OAuth as your app.',
  'critical',
);

export const shopifyStorefrontAccessToken: Rule = {
  id: 'shopify-storefront-access-token',
  title: 'Shopify Storefront API token',
  provider: 'Shopify',
  category: 'saas',
  keywords: ['storefront'],
  pattern:
    /(?:x-shopify-storefront-access-token|storefront[_-]?(?:api[_-]?)?(?:access[_-]?)?token|public[_-]?storefront[_-]?token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A public Storefront API token is meant for browsers: it only reads what the storefront shows and creates carts and checkouts, within the unauthenticated scopes you enabled.',
  remediation: 'No rotation needed. Enable only the unauthenticated Storefront scopes the site needs, and keep private Storefront tokens and Admin tokens on the server.',
  samples: {
    positives: ['headers:{"X-Shopify-Storefront-Access-Token":"{{hex:32}}"}', 'createStorefrontClient({publicStorefrontToken:"{{hex:32}}",storeDomain:"x.myshopify.com"})'],
    negatives: ['"X-Shopify-Storefront-Access-Token":t', 'storefrontAccessToken:"{{hex:16}}"'],
  },
};
