/**
 * Rollbar access tokens are 32 hex characters whatever their scope: the post_client_item token is meant
 * for browsers; server tokens (post_server_item, read, write) are secrets. Names decide.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const rollbarServerToken: Rule = {
  id: 'rollbar-server-token',
  title: 'Rollbar server access token',
  provider: 'Rollbar',
  category: 'observability',
  keywords: ['rollbar_access_token', 'rollbar_server', 'rollbar_post_server', 'rollbar_read', 'rollbar_write', 'rollbar_token', 'rollbarserver', 'rollbarread', 'rollbarwrite', 'post_server_item'],
  pattern:
    /(?<![A-Za-z0-9])(?<!PUBLIC_|CLIENT_|BROWSER_|public|client|browser)(?:rollbar[_-]?(?:server[_-]?|post[_-]?server[_-]?item[_-]?|read[_-]?|write[_-]?|project[_-]?)?(?:access[_-]?)?token|post_server_item[_-]?(?:access[_-]?)?token)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Rollbar server-side token (post_server_item, read or write scope) can read the project’s error data with its request payloads and user data, or change the project, depending on its scope.',
  remediation:
    'Rotate the token under Project Settings → Project Access Tokens and give the browser only a post_client_item token.',
  samples: {
    positives: ['ROLLBAR_ACCESS_TOKEN={{hex:32}}', '{"rollbar_read_token":"{{hex:32}}"}', 'POST_SERVER_ITEM_ACCESS_TOKEN: {{hex:32}}'],
    negatives: ['NEXT_PUBLIC_ROLLBAR_ACCESS_TOKEN={{hex:32}}', 'ROLLBAR_ACCESS_TOKEN={{hex:20}}', 'ROLLBAR_ACCESS_TOKEN=${ROLLBAR_TOKEN}'],
  },
};

export const rollbarClientToken: Rule = {
  id: 'rollbar-client-token',
  title: 'Rollbar client access token',
  provider: 'Rollbar',
  category: 'observability',
  keywords: ['rollbar', 'post_client_item'],
  pattern:
    /(?:(?:_rollbarConfig|Rollbar\.init\(|new Rollbar\(|rollbar)[\s\S]{0,120}?access_?token|(?:x-rollbar-access-token|post_client_item[_-]?(?:access[_-]?)?token|rollbar[_-]?(?:client|browser|public)[_-]?(?:access[_-]?)?token))\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Rollbar post_client_item token only submits error items from browsers and is meant to be in the page. Check it really has only that scope: a server token in the page would expose the project’s data.',
  remediation: 'No rotation needed if its only scope is post_client_item (Project Settings → Project Access Tokens).',
  samples: {
    positives: ['var _rollbarConfig={accessToken:"{{hex:32}}",captureUncaught:!0,payload:{environment:"production"}}', 'NEXT_PUBLIC_ROLLBAR_CLIENT_TOKEN={{hex:32}}'],
    negatives: ['Rollbar.init({accessToken:e.token})', '_rollbarConfig={accessToken:"{{hex:16}}"}'],
  },
};
