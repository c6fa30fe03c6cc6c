/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { adyenApiKey, adyenClientKey } from './adyen.ts';
import { braintreeAccessToken, braintreeSandboxAccessToken, braintreeTokenizationKey } from './braintree.ts';
import { checkoutComPublicKey, checkoutComSecretKey } from './checkout-com.ts';
import { coinbaseCdpApiKeyName, coinbaseCdpApiKeySecret, coinbaseCommerceApiKey } from './coinbase.ts';
import { flutterwavePublicKey, flutterwaveSecretKey, flutterwaveTestSecretKey } from './flutterwave.ts';
import { gocardlessAccessToken, gocardlessSandboxAccessToken } from './gocardless.ts';
import { lemonSqueezyApiKey } from './lemonsqueezy.ts';
import { mercadoPagoAccessToken, mercadoPagoPublicKey } from './mercadopago.ts';
import { midtransClientKey, midtransSandboxServerKey, midtransServerKey } from './midtrans.ts';
import { mollieAccessToken, mollieApiKey, mollieTestApiKey } from './mollie.ts';
import { paddleApiKey, paddleClientToken, paddleSandboxApiKey } from './paddle.ts';
import { paypalClientId, paypalClientSecret } from './paypal.ts';
import { paystackPublicKey, paystackSecretKey, paystackTestSecretKey } from './paystack.ts';
import { plaidAccessToken, plaidClientId, plaidSecret } from './plaid.ts';
import { razorpayKeyId, razorpayKeySecret, razorpayTestKeyId } from './razorpay.ts';
import {
  squareAccessToken,
  squareApplicationId,
  squareLegacyAccessToken,
  squareOAuthSecret,
  squareSandboxCredential,
} from './square.ts';
import {
  stripePublishableKey,
  stripeRestrictedKey,
  stripeSecretKey,
  stripeTestPublishableKey,
  stripeTestSecretKey,
  stripeWebhookSecret,
} from './stripe.ts';
import { wiseApiToken } from './wise.ts';
import { xenditDevelopmentSecretKey, xenditPublicKey, xenditSecretKey } from './xendit.ts';

export const paymentRules: readonly Rule[] = [
  stripeSecretKey,
  stripeRestrictedKey,
  stripeTestSecretKey,
  stripePublishableKey,
  stripeTestPublishableKey,
  stripeWebhookSecret,
  paystackSecretKey,
  paystackTestSecretKey,
  paystackPublicKey,
  adyenApiKey,
  adyenClientKey,
  braintreeAccessToken,
  braintreeSandboxAccessToken,
  braintreeTokenizationKey,
  checkoutComSecretKey,
  checkoutComPublicKey,
  coinbaseCdpApiKeyName,
  coinbaseCdpApiKeySecret,
  coinbaseCommerceApiKey,
  flutterwaveSecretKey,
  flutterwaveTestSecretKey,
  flutterwavePublicKey,
  gocardlessAccessToken,
  gocardlessSandboxAccessToken,
  lemonSqueezyApiKey,
  mercadoPagoAccessToken,
  mercadoPagoPublicKey,
  midtransServerKey,
  midtransSandboxServerKey,
  midtransClientKey,
  mollieApiKey,
  mollieTestApiKey,
  mollieAccessToken,
  paddleApiKey,
  paddleSandboxApiKey,
  paddleClientToken,
  paypalClientSecret,
  paypalClientId,
  plaidSecret,
  plaidClientId,
  plaidAccessToken,
  razorpayKeyId,
  razorpayTestKeyId,
  razorpayKeySecret,
  squareAccessToken,
  squareLegacyAccessToken,
  squareOAuthSecret,
  squareSandboxCredential,
  squareApplicationId,
  wiseApiToken,
  xenditSecretKey,
  xenditDevelopmentSecretKey,
  xenditPublicKey,
];
