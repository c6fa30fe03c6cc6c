/**
 * Google reCAPTCHA: site keys and secret keys share one shape (`6L` + 38 characters); the name or the
 * place (data-sitekey, render=, siteverify secret=) decides which one it is.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const recaptchaSecretKey: Rule = {
  id: 'recaptcha-secret-key',
  title: 'reCAPTCHA secret key',
  provider: 'Google reCAPTCHA',
  category: 'saas',
  keywords: ['recaptcha', 'captcha_secret', 'captchasecret', 'siteverify'],
  pattern:
    /(?:(?:re)?captcha[_-]?(?:v[23][_-]?)?(?:secret|private)(?:[_-]?key)?\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|siteverify\?(?:[^\s"'`]{0,200}&)?secret=)(?<secret>6L[A-Za-z0-9_-]{38})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A reCAPTCHA secret key verifies CAPTCHA answers with Google. Whoever holds it can check tokens for your site, and if your server accepts verification from the client, bots bypass the CAPTCHA entirely.',
  remediation: 'Generate a new key pair in the reCAPTCHA admin console and call siteverify only from your server.',
  samples: {
    positives: ['RECAPTCHA_SECRET_KEY=6L{{base64url:38}}', 'fetch("https://www.google.com/recaptcha/api/siteverify?secret=6L{{base64url:38}}&response="+t)'],
    negatives: ['<div class="g-recaptcha" data-sitekey="6L{{base64url:38}}"></div>', 'RECAPTCHA_SECRET_KEY=6L{{base64url:20}}'],
  },
};

export const recaptchaSiteKey: Rule = {
  id: 'recaptcha-site-key',
  title: 'reCAPTCHA site key',
  provider: 'Google reCAPTCHA',
  category: 'saas',
  keywords: ['sitekey', 'site_key', 'site-key', 'recaptcha', 'render='],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>6L[A-Za-z0-9_-]{38})(?![A-Za-z0-9_-])/,
  maxLength: 200,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A reCAPTCHA site key is meant to be in the page: it only renders the widget for your domains. It is safe while the key’s domain list is limited to your sites and the secret key stays on the server.',
  remediation: 'No rotation needed. Check the allowed domains in the reCAPTCHA admin console.',
  samples: {
    positives: ['<div class="g-recaptcha" data-sitekey="6L{{base64url:38}}"></div>', '<script src="https://www.google.com/recaptcha/api.js?render=6L{{base64url:38}}"></script>'],
    negatives: ['data-sitekey="6L{{base64url:30}}"', 'sitekey: "x6L{{base64url:38}}"'],
  },
};
