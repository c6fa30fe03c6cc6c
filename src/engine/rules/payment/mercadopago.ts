/** Mercado Pago: production access tokens (`APP_USR-…`) and public keys (public by design). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const mercadoPagoAccessToken: Rule = {
  id: 'mercadopago-access-token',
  title: 'Mercado Pago access token',
  provider: 'Mercado Pago',
  category: 'payment',
  keywords: ['app_usr-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>APP_USR-\d{16}-\d{6}-[0-9a-f]{32}-\d{6,12})(?![A-Za-z0-9_-])/,
  minEntropy: 3.3,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Mercado Pago production access token creates payments, refunds and preferences and reads the seller\'s payments and customers.',
  remediation:
    'Renew the credentials in Mercado Pago Developers (Your integrations > Production credentials), keep the access token on the server, and give the browser only the public key.',
  samples: {
    positives: ['MERCADOPAGO_ACCESS_TOKEN=APP_USR-{{digits:16}}-{{digits:6}}-{{hex:32}}-{{digits:9}}', 'new MercadoPagoConfig({accessToken:"APP_USR-{{digits:16}}-{{digits:6}}-{{hex:32}}-{{digits:9}}"})'],
    negatives: ['APP_USR-{{digits:16}}-{{digits:6}}-{{hex:20}}-{{digits:9}}', 'APP_USR-<access-token>'],
  },
};

export const mercadoPagoPublicKey: Rule = {
  id: 'mercadopago-public-key',
  title: 'Mercado Pago public key',
  provider: 'Mercado Pago',
  category: 'payment',
  keywords: ['app_usr-'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>APP_USR-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Mercado Pago public key is public by design: Checkout Bricks and the JS SDK use it to tokenize cards. It is safe while payments are created on your server with the access token.',
  remediation: 'Nothing to hide; keep the access token and payment creation on the server.',
  samples: {
    positives: ['const mp=new MercadoPago("APP_USR-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}",{locale:"es-AR"});', 'MP_PUBLIC_KEY=APP_USR-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['APP_USR-{{hex:8}}-{{hex:4}}', 'APP_USR-00000000-0000-0000-0000-000000000000'],
  },
};
