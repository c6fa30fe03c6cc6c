/** Facebook / Meta: Graph API access tokens (`EAA…`), app secrets, and app access tokens (`id|secret`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const facebookAccessToken: Rule = {
  id: 'facebook-access-token',
  title: 'Facebook (Meta) access token',
  provider: 'Meta',
  category: 'saas',
  keywords: ['eaa'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>EAA[A-Za-z0-9]{90,400})(?![A-Za-z0-9_-])/,
  maxLength: 420,
  minEntropy: 4.5,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Meta Graph API access token acts as the user, Page or system user it was issued to: posting, reading messages and insights, managing ads, according to its permissions. Page and system-user tokens can be long-lived.',
  remediation:
    'Invalidate the token (Meta Business settings → System users, or have the user remove the app), and make Graph API calls with privileged tokens only from your server.',
  samples: {
    positives: ['fetch(`https://graph.facebook.com/v19.0/me?access_token=EAAB{{alnum:180}}`)', 'FB_PAGE_TOKEN=EAAG{{alnum:200}}'],
    negatives: ['EAAB{{alnum:40}}', 'xEAAB{{alnum:180}}'],
  },
};

export const facebookAppSecret: Rule = {
  id: 'facebook-app-secret',
  title: 'Facebook (Meta) app secret',
  provider: 'Meta',
  category: 'saas',
  keywords: ['facebook', 'fb_app_secret', 'fbappsecret', 'fb_secret', 'fb-app-secret', 'meta_app_secret', 'metaappsecret'],
  pattern:
    /(?:facebook|fb|meta)[_-]?(?:app[_-]?|client[_-]?)?secret\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Meta app secret authenticates as the app: it mints app access tokens, verifies (and forges) signed requests and webhook signatures, and exchanges user tokens for long-lived ones.',
  remediation: 'Reset the app secret in the Meta App Dashboard (Settings → Basic) and keep it on the server; enable “Require App Secret” for server calls.',
  samples: {
    positives: ['FACEBOOK_APP_SECRET={{hex:32}}', '{fbAppSecret:"{{hex:32}}"}'],
    negatives: ['FACEBOOK_APP_ID={{digits:16}}', 'FACEBOOK_APP_SECRET={{hex:20}}'],
  },
};

export const facebookAppAccessToken: Rule = {
  id: 'facebook-app-access-token',
  title: 'Facebook (Meta) app access token',
  provider: 'Meta',
  category: 'saas',
  keywords: ['access_token', 'accesstoken', 'graph.facebook', 'facebook'],
  pattern: /(?<![0-9A-Za-z])\d{15,16}(?:\||%7[Cc])(?<secret>[a-f0-9]{32}|[A-Za-z0-9_-]{27})(?![A-Za-z0-9_-])/,
  maxLength: 200,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Meta app access token (`app-id|app-secret` or `app-id|token`) acts as the app on the Graph API: it reads app insights, manages test users and subscriptions, and inspects user tokens.',
  remediation: 'Reset the app secret in the Meta App Dashboard, which invalidates app access tokens, and make app-level calls from your server.',
  samples: {
    positives: ['fetch("https://graph.facebook.com/debug_token?input_token="+t+"&access_token={{digits:16}}|{{hex:32}}")', '{accessToken:"{{digits:15}}|{{base64url:27}}"}'],
    negatives: ['access_token={{digits:10}}|{{hex:32}}', 'access_token={{digits:16}}|{{hex:10}}'],
  },
};
