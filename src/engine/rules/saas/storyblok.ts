/** Storyblok: content delivery tokens (public or preview) and Management API tokens. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const storyblokManagementToken: Rule = {
  id: 'storyblok-management-token',
  title: 'Storyblok Management API token',
  provider: 'Storyblok',
  category: 'saas',
  keywords: ['storyblok_management', 'storyblokmanagement', 'storyblok_oauth', 'storyblokoauth', 'storyblok_personal', 'storyblok-management', 'storyblok_mapi'],
  pattern:
    /storyblok[_-]?(?:management|oauth|personal|mapi)[_-]?(?:api[_-]?|access[_-]?)?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[A-Za-z0-9_-]{20,80})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Storyblok Management API token creates, edits, publishes and deletes content, assets and components in every space its user can manage.',
  remediation: 'Revoke the token in Storyblok account settings (Personal access tokens) and run management tasks from CI or the server.',
  samples: {
    positives: ['STORYBLOK_MANAGEMENT_TOKEN={{alnum:24}}-{{digits:6}}-{{alnum:20}}', '{storyblokOauthToken:"{{base64url:40}}"}'],
    negatives: ['STORYBLOK_MANAGEMENT_TOKEN=<token>', 'storyblokManagementToken:t'],
  },
};

export const storyblokContentToken: Rule = {
  id: 'storyblok-content-token',
  title: 'Storyblok content delivery token',
  provider: 'Storyblok',
  category: 'saas',
  keywords: ['storyblok'],
  pattern:
    /(?:storyblok(?:Init|Api|Client)?\(\{[\s\S]{0,120}?access_?token\\?["'`]?\s{0,3}:\s{0,3}\\?["'`]|storyblok[_-]?(?:public[_-]?|preview[_-]?|api[_-]?|delivery[_-]?)?(?:access[_-]?)?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|api\.storyblok\.com\/v\d\/cdn\/[^\s"'`]{0,120}[?&]token=)(?<secret>[A-Za-z0-9]{20,32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'A Storyblok content delivery token reads stories from the CDN API and is meant for the front end. A public token reads only published content; a preview token also reads drafts, so ship a preview token only to the editor preview, never to the public site.',
  remediation: 'No rotation needed for a public token. If this is a preview token on the public site, regenerate it under Settings → Access Tokens and use a public token there.',
  samples: {
    positives: ['storyblokInit({accessToken:"{{alnum:22}}tt",use:[apiPlugin]})', 'fetch("https://api.storyblok.com/v2/cdn/stories/home?token={{alnum:24}}&version=published")'],
    negatives: ['storyblokInit({accessToken:t})', 'STORYBLOK_TOKEN={{alnum:8}}'],
  },
};
