/**
 * Contentful: personal access tokens (`CFPAT-`, Content Management API) are secrets; Content Delivery
 * tokens are made for browsers; Content Preview tokens expose drafts.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const contentfulPersonalAccessToken: Rule = {
  id: 'contentful-personal-access-token',
  title: 'Contentful personal access token',
  provider: 'Contentful',
  category: 'saas',
  keywords: ['cfpat-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>CFPAT-[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/,
  maxLength: 60,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Contentful personal access token drives the Content Management API as its user: creating, publishing and deleting entries, content types and environments in every space they can reach.',
  remediation: 'Revoke the token under Settings → CMA tokens in Contentful and keep content management in CI or server code.',
  samples: {
    positives: ['CONTENTFUL_MANAGEMENT_TOKEN=CFPAT-{{base64url:43}}', 'createClient({accessToken:"CFPAT-{{alnum:43}}"})'],
    negatives: ['CFPAT-{{alnum:20}}', 'CFPAT-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const contentfulPreviewToken: Rule = {
  id: 'contentful-preview-token',
  title: 'Contentful Preview API token',
  provider: 'Contentful',
  category: 'saas',
  keywords: ['contentful_preview', 'contentfulpreview', 'previewaccesstoken', 'preview_access_token', 'preview.contentful.com'],
  pattern:
    /(?:contentful[_-]?preview[_-]?(?:access[_-]?)?token|preview[_-]?access[_-]?token|preview\.contentful\.com\\?["'`][\s\S]{0,160}?access_?token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'medium',
  exposure: 'secret',
  description:
    'A Contentful Preview API token reads unpublished (draft and changed) content of the space: embargoed announcements, unreleased pages, anything editors have not published yet.',
  remediation: 'Regenerate the API key pair under Settings → API keys and load previews through a server-side preview route gated by your own auth.',
  samples: {
    positives: ['CONTENTFUL_PREVIEW_ACCESS_TOKEN={{base64url:43}}', 'createClient({space:"{{alnum:12}}",host:"preview.contentful.com",accessToken:"{{alnum:43}}"})'],
    negatives: ['CONTENTFUL_PREVIEW_ACCESS_TOKEN=<token>', 'previewAccessToken:e.token'],
  },
};

export const contentfulDeliveryToken: Rule = {
  id: 'contentful-delivery-token',
  title: 'Contentful Delivery API token',
  provider: 'Contentful',
  category: 'saas',
  keywords: ['contentful'],
  pattern:
    /(?:contentful[_-]?(?:delivery[_-]?|cda[_-]?)?(?:access[_-]?)?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|contentful[\w$.]{0,30}\.createClient\(\{[\s\S]{0,160}?access_?token\\?["'`]?\s{0,3}:\s{0,3}\\?["'`])(?<secret>[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'A Contentful Delivery API token reads published content only, which the site shows anyway; Contentful expects it in browsers. Keep it tied to the environments you mean to expose.',
  remediation: 'No rotation needed. Make sure preview and management tokens are not shipped with it.',
  samples: {
    positives: ['contentful.createClient({space:"{{alnum:12}}",accessToken:"{{base64url:43}}"})', 'NEXT_PUBLIC_CONTENTFUL_ACCESS_TOKEN={{alnum:43}}'],
    negatives: ['contentful.createClient({space:s,accessToken:t})', 'CONTENTFUL_SPACE_ID={{alnum:43}}'],
  },
};
