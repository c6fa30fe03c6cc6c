/** Pusher Channels: app secrets (server-only) and app keys (public by design). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const pusherAppSecret: Rule = {
  id: 'pusher-app-secret',
  title: 'Pusher Channels app secret',
  provider: 'Pusher',
  category: 'messaging',
  keywords: ['pusher'],
  pattern: /(?:app[_-]?)?secret["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?(?<secret>[a-f0-9]{20})(?![A-Za-z0-9_])/i,
  minEntropy: 2.8,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A Pusher app secret signs server API calls and channel authorizations: with it anyone can broadcast events to every subscriber and authorize themselves into private and presence channels.',
  remediation: 'Create a new app key/secret pair in the Pusher dashboard (App Keys), delete the old one, and authorize channels on your server.',
  samples: {
    positives: ['const pusher=new Pusher({appId:"{{digits:7}}",key:"{{hex:20}}",secret:"{{hex:20}}",cluster:"eu"});', 'PUSHER_APP_SECRET={{hex:20}}'],
    negatives: ['PUSHER_APP_SECRET={{hex:19}}', 'const s={secret:"{{hex:20}}"};'],
  },
};

export const pusherAppKey: Rule = {
  id: 'pusher-app-key',
  title: 'Pusher Channels app key',
  provider: 'Pusher',
  category: 'messaging',
  keywords: ['pusher'],
  pattern: /(?:new\s{1,3}Pusher\(\s{0,3}["'`]|pusher[_-]?(?:app[_-]?)?key["'`]?\s{0,3}(?:[:=]|=>)\s{0,3}["'`]?)(?<secret>[a-f0-9]{20})(?![A-Za-z0-9_])/i,
  minEntropy: 3,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Pusher app key is public by design: pusher-js connects with it. It is safe while private and presence channels are authorized by your server and client events are disabled or controlled.',
  remediation: 'Nothing to hide; keep the app secret on the server and authorize private channels there.',
  samples: {
    positives: ['const pusher=new Pusher("{{hex:20}}",{cluster:"eu"});', 'VITE_PUSHER_APP_KEY={{hex:20}}'],
    negatives: ['new Pusher(process.env.KEY,{cluster:"eu"})', 'VITE_PUSHER_APP_KEY={{hex:12}}'],
  },
};
