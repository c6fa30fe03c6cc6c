/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { adobeClientSecret, frameioDeveloperToken } from './adobe.ts';
import { asanaPersonalAccessToken } from './asana.ts';
import { auth0ClientSecret } from './auth0.ts';
import { beamerApiKey } from './beamer.ts';
import { boxClientSecret } from './box.ts';
import { calcomApiKey } from './calcom.ts';
import { clerkPublishableKey } from './clerk.ts';
import { clickupPersonalToken } from './clickup.ts';
import { contentfulDeliveryToken, contentfulPersonalAccessToken, contentfulPreviewToken } from './contentful.ts';
import { docusignSecretKey } from './docusign.ts';
import { dropboxAccessToken, dropboxLongLivedToken } from './dropbox.ts';
import { facebookAccessToken, facebookAppAccessToken, facebookAppSecret } from './facebook.ts';
import { figmaPersonalAccessToken } from './figma.ts';
import { freshdeskApiKey } from './freshdesk.ts';
import { hcaptchaSecretKey, hcaptchaSiteKey } from './hcaptcha.ts';
import { hubspotLegacyApiKey, hubspotPrivateAppToken } from './hubspot.ts';
import { iftttWebhookKey } from './ifttt.ts';
import { instagramAccessToken } from './instagram.ts';
import { launchdarklyApiToken, launchdarklyMobileKey, launchdarklySdkKey } from './launchdarkly.ts';
import { linkedinClientSecret } from './linkedin.ts';
import { lokaliseApiToken } from './lokalise.ts';
import { makeWebhookUrl } from './make.ts';
import { meilisearchMasterKey } from './meilisearch.ts';
import { notionIntegrationToken, notionLegacyIntegrationToken } from './notion.ts';
import { oktaApiToken, oktaClientSecret } from './okta.ts';
import { pipedreamWebhookUrl } from './pipedream.ts';
import { pipedriveApiToken } from './pipedrive.ts';
import { recaptchaSecretKey, recaptchaSiteKey } from './recaptcha.ts';
import { salesforceAccessToken, salesforceConsumerSecret } from './salesforce.ts';
import { sanityApiToken } from './sanity.ts';
import { shopifyAdminAccessToken, shopifyCustomAppAccessToken, shopifyPrivateAppPassword, shopifySharedSecret, shopifyStorefrontAccessToken } from './shopify.ts';
import { spotifyClientSecret } from './spotify.ts';
import { storyblokContentToken, storyblokManagementToken } from './storyblok.ts';
import { stytchProjectSecret } from './stytch.ts';
import { trelloApiToken } from './trello.ts';
import { twitchClientSecret, twitchOauthToken } from './twitch.ts';
import { twitterApiSecret, twitterBearerToken } from './twitter.ts';
import { typeformPersonalAccessToken } from './typeform.ts';
import { typesenseAdminApiKey } from './typesense.ts';
import { webflowApiToken } from './webflow.ts';
import { yousignApiKey } from './yousign.ts';
import { zapierWebhookUrl } from './zapier.ts';
import { zendeskApiToken } from './zendesk.ts';
import { zoomClientSecret } from './zoom.ts';

// Within a provider, secrets come before their public-by-design look-alikes: on the very same span the
// first registered rule wins.
export const saasRules: readonly Rule[] = [
  adobeClientSecret,
  frameioDeveloperToken,
  asanaPersonalAccessToken,
  auth0ClientSecret,
  beamerApiKey,
  boxClientSecret,
  calcomApiKey,
  clerkPublishableKey,
  clickupPersonalToken,
  contentfulPersonalAccessToken,
  contentfulPreviewToken,
  contentfulDeliveryToken,
  docusignSecretKey,
  dropboxAccessToken,
  dropboxLongLivedToken,
  facebookAccessToken,
  facebookAppSecret,
  facebookAppAccessToken,
  figmaPersonalAccessToken,
  freshdeskApiKey,
  hcaptchaSecretKey,
  hcaptchaSiteKey,
  hubspotPrivateAppToken,
  hubspotLegacyApiKey,
  iftttWebhookKey,
  instagramAccessToken,
  launchdarklySdkKey,
  launchdarklyApiToken,
  launchdarklyMobileKey,
  linkedinClientSecret,
  lokaliseApiToken,
  makeWebhookUrl,
  meilisearchMasterKey,
  notionIntegrationToken,
  notionLegacyIntegrationToken,
  oktaApiToken,
  oktaClientSecret,
  pipedreamWebhookUrl,
  pipedriveApiToken,
  recaptchaSecretKey,
  recaptchaSiteKey,
  salesforceAccessToken,
  salesforceConsumerSecret,
  sanityApiToken,
  shopifyAdminAccessToken,
  shopifyCustomAppAccessToken,
  shopifyPrivateAppPassword,
  shopifySharedSecret,
  shopifyStorefrontAccessToken,
  spotifyClientSecret,
  storyblokManagementToken,
  storyblokContentToken,
  stytchProjectSecret,
  trelloApiToken,
  twitchClientSecret,
  twitchOauthToken,
  twitterBearerToken,
  twitterApiSecret,
  typeformPersonalAccessToken,
  typesenseAdminApiKey,
  webflowApiToken,
  yousignApiKey,
  zapierWebhookUrl,
  zendeskApiToken,
  zoomClientSecret,
];
