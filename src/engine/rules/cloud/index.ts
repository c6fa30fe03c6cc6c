/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { alibabaAccessKeyId, alibabaAccessKeySecret } from './alibaba.ts';
import { awsAccessKeyId, awsSecretAccessKey } from './aws.ts';
import { azureAdClientSecret, azureFunctionsKey, azureSasToken, azureStorageAccountKey } from './azure.ts';
import {
  cloudflareApiToken,
  cloudflareGlobalApiKey,
  cloudflareOriginCaKey,
  cloudflareScannableToken,
  cloudflareTurnstileSecretKey,
  cloudflareTurnstileSiteKey,
} from './cloudflare.ts';
import { digitalOceanOAuthAccessToken, digitalOceanOAuthRefreshToken, digitalOceanPersonalAccessToken } from './digitalocean.ts';
import { firebaseCloudMessagingServerKey } from './firebase.ts';
import { flyioAccessToken, flyioMacaroonToken } from './flyio.ts';
import {
  googleApiKey,
  googleOAuthAccessToken,
  googleOAuthClientId,
  googleOAuthClientSecret,
  googleOAuthRefreshToken,
  googleServiceAccountKey,
} from './google.ts';
import { herokuApiKey, herokuLegacyApiKey } from './heroku.ts';
import { hetznerCloudApiToken } from './hetzner.ts';
import { ibmCloudApiKey } from './ibm.ts';
import { linodePersonalAccessToken } from './linode.ts';
import { mapboxPublicToken, mapboxSecretToken, mapboxTemporaryToken } from './mapbox.ts';
import { netlifyAccessToken, netlifyLegacyAccessToken } from './netlify.ts';
import { railwayApiToken } from './railway.ts';
import { renderApiKey } from './render.ts';
import { scalewayAccessKey, scalewaySecretKey } from './scaleway.ts';
import { tencentCloudSecretId, tencentCloudSecretKey } from './tencent.ts';
import { vercelAccessToken, vercelBlobReadWriteToken, vercelProtectionBypassSecret } from './vercel.ts';
import { vultrApiKey } from './vultr.ts';
import { yandexCloudApiKey, yandexCloudStaticKeySecret, yandexMapsApiKey } from './yandex.ts';

export const cloudRules: readonly Rule[] = [
  // Before AWS: a Yandex `YC…` static key secret has the shape of an AWS secret access key.
  yandexCloudStaticKeySecret,
  awsAccessKeyId,
  awsSecretAccessKey,
  alibabaAccessKeyId,
  alibabaAccessKeySecret,
  azureStorageAccountKey,
  azureSasToken,
  azureAdClientSecret,
  azureFunctionsKey,
  cloudflareScannableToken,
  cloudflareApiToken,
  cloudflareGlobalApiKey,
  cloudflareOriginCaKey,
  cloudflareTurnstileSiteKey,
  cloudflareTurnstileSecretKey,
  digitalOceanPersonalAccessToken,
  digitalOceanOAuthAccessToken,
  digitalOceanOAuthRefreshToken,
  firebaseCloudMessagingServerKey,
  flyioAccessToken,
  flyioMacaroonToken,
  googleApiKey,
  googleOAuthClientSecret,
  googleOAuthClientId,
  googleServiceAccountKey,
  googleOAuthAccessToken,
  googleOAuthRefreshToken,
  herokuApiKey,
  herokuLegacyApiKey,
  hetznerCloudApiToken,
  ibmCloudApiKey,
  linodePersonalAccessToken,
  mapboxPublicToken,
  mapboxSecretToken,
  mapboxTemporaryToken,
  netlifyAccessToken,
  netlifyLegacyAccessToken,
  railwayApiToken,
  renderApiKey,
  scalewayAccessKey,
  scalewaySecretKey,
  tencentCloudSecretId,
  tencentCloudSecretKey,
  vercelAccessToken,
  vercelBlobReadWriteToken,
  vercelProtectionBypassSecret,
  vultrApiKey,
  yandexCloudApiKey,
  yandexMapsApiKey,
];
