/** Midtrans: server keys (`Mid-server-`, sandbox `SB-Mid-server-`) and client keys (public by design). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const midtransServerKey: Rule = {
  id: 'midtrans-server-key',
  title: 'Midtrans production server key',
  provider: 'Midtrans',
  category: 'payment',
  keywords: ['mid-server-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>Mid-server-[A-Za-z0-9_-]{20,32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Midtrans server key authorizes the Core and Snap APIs for the merchant: charging, refunding and reading transactions, and signing notification checks.',
  remediation:
    'Regenerate the access keys in the Midtrans Dashboard (Settings > Access keys), keep the server key on your backend, and give Snap.js only the client key.',
  samples: {
    positives: ['MIDTRANS_SERVER_KEY=Mid-server-{{base64url:24}}', 'new midtransClient.Snap({isProduction:true,serverKey:"Mid-server-{{alnum:24}}"})'],
    negatives: ['Mid-server-{{alnum:10}}', 'SB-Mid-server-{{alnum:24}}', 'Mid-server-<server-key>'],
  },
};

export const midtransSandboxServerKey: Rule = {
  id: 'midtrans-sandbox-server-key',
  title: 'Midtrans sandbox server key',
  provider: 'Midtrans',
  category: 'payment',
  keywords: ['sb-mid-server-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>SB-Mid-server-[A-Za-z0-9_-]{20,32})(?![A-Za-z0-9_-])/,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'test',
  description: 'A Midtrans sandbox server key moves no real money, but shows server keys are reaching the browser.',
  remediation: 'Regenerate it in the sandbox dashboard and keep server keys on the backend.',
  samples: {
    positives: ['MIDTRANS_SERVER_KEY=SB-Mid-server-{{base64url:24}}', 'serverKey:"SB-Mid-server-{{alnum:24}}"'],
    negatives: ['SB-Mid-server-{{alnum:10}}', 'SB-Mid-client-{{alnum:16}}'],
  },
};

export const midtransClientKey: Rule = {
  id: 'midtrans-client-key',
  title: 'Midtrans client key',
  provider: 'Midtrans',
  category: 'payment',
  keywords: ['mid-client-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>(?:SB-)?Mid-client-[A-Za-z0-9_-]{12,32})(?![A-Za-z0-9_-])/,
  minEntropy: 3,
  validate: rejectPlaceholders((secret) =>
    secret.startsWith('SB-') ? { verdict: 'unknown', exposure: 'test', title: 'Midtrans sandbox client key' } : { verdict: 'unknown' },
  ),
  severity: 'info',
  exposure: 'public-by-design',
  description: 'A Midtrans client key is public by design: Snap.js and card tokenization load with it. It is safe while transactions are created with the server key on your backend.',
  remediation: 'Nothing to hide; keep the server key and transaction creation on the server.',
  samples: {
    positives: ['<script src="https://app.midtrans.com/snap/snap.js" data-client-key="Mid-client-{{alnum:16}}"></script>', 'data-client-key="SB-Mid-client-{{alnum:16}}"'],
    negatives: ['data-client-key="Mid-client-{{alnum:4}}"', 'data-client-key="Mid-client-<key>"'],
  },
};
