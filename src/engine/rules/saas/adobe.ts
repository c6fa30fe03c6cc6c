/** Adobe: Developer Console client secrets (`p8e-`) and Frame.io (an Adobe company) developer tokens (`fio-u-`). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const adobeClientSecret: Rule = {
  id: 'adobe-client-secret',
  title: 'Adobe client secret',
  provider: 'Adobe',
  category: 'saas',
  keywords: ['p8e-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>p8e-[A-Za-z0-9_-]{32})(?![A-Za-z0-9_-])/,
  maxLength: 50,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'An Adobe Developer Console client secret gets server-to-server (OAuth client credentials) tokens for the project’s APIs: Firefly, Photoshop, Analytics, Experience Platform.',
  remediation: 'Rotate the client secret in the Adobe Developer Console (project → credential → Retrieve client secret → rotate) and keep it on the server.',
  samples: {
    positives: ['ADOBE_CLIENT_SECRET=p8e-{{alnum:32}}', '{client_secret:"p8e-{{base64url:32}}"}'],
    negatives: ['p8e-{{alnum:20}}', 'p8e-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};

export const frameioDeveloperToken: Rule = {
  id: 'frameio-developer-token',
  title: 'Frame.io developer token',
  provider: 'Frame.io',
  category: 'saas',
  keywords: ['fio-u-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>fio-u-[A-Za-z0-9_=-]{64})(?![A-Za-z0-9_=-])/,
  maxLength: 80,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Frame.io developer token acts as its user: downloading and uploading every asset in their teams and projects, including unreleased video.',
  remediation: 'Delete the token in the Frame.io developer site (Tokens) and call the API from your server.',
  samples: {
    positives: ['FRAMEIO_TOKEN=fio-u-{{base64url:64}}', 'headers:{Authorization:"Bearer fio-u-{{alnum:64}}"}'],
    negatives: ['fio-u-{{alnum:30}}', 'fio-u-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
};
