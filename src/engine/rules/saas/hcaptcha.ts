/** hCaptcha: site keys (UUIDs, public) and secret keys (`0x` + 40 hex, like an Ethereum address: by name only). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const hcaptchaSecretKey: Rule = {
  id: 'hcaptcha-secret-key',
  title: 'hCaptcha secret key',
  provider: 'hCaptcha',
  category: 'saas',
  keywords: ['hcaptcha', 'h_captcha', 'h-captcha'],
  pattern: /h[_-]?captcha[_-]?(?:secret|private)(?:[_-]?key)?\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?(?<secret>0x[a-fA-F0-9]{40}|ES_[a-f0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'An hCaptcha secret key verifies CAPTCHA responses for your sites; with it others can use your verification quota, and client-side verification lets bots skip the challenge.',
  remediation: 'Generate a new secret in the hCaptcha dashboard (Settings) and verify responses only on your server.',
  samples: {
    positives: ['HCAPTCHA_SECRET=0x{{hex:40}}', '{hcaptchaSecretKey:"ES_{{hex:32}}"}'],
    negatives: ['HCAPTCHA_SITE_KEY=0x{{hex:40}}', 'walletAddress:"0x{{hex:40}}"'],
  },
};

export const hcaptchaSiteKey: Rule = {
  id: 'hcaptcha-site-key',
  title: 'hCaptcha site key',
  provider: 'hCaptcha',
  category: 'saas',
  keywords: ['h-captcha', 'hcaptcha'],
  pattern:
    /(?:class=["']h-captcha["'][^>]{0,200}?data-sitekey=|h[_-]?captcha[_-]?site[_-]?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}|hcaptcha\.render\([^)]{0,100}?sitekey\\?["'`]?\s{0,3}:\s{0,3})\\?["'`]?(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description: 'An hCaptcha site key is meant to be in the page; it only renders the widget for the site’s allowed domains. The secret key must stay on the server.',
  remediation: 'No rotation needed. Check the site’s allowed hostnames in the hCaptcha dashboard.',
  samples: {
    positives: ['<div class="h-captcha" data-sitekey="{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"></div>', 'NEXT_PUBLIC_HCAPTCHA_SITE_KEY={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['<div class="h-captcha" data-sitekey="10000000-ffff-ffff-ffff-000000000001x"></div>', 'HCAPTCHA_SITE_KEY=<site key>'],
  },
};
