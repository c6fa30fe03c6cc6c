/** Yandex Cloud: API keys (`AQVN…`), static access key secrets (`YC…`), and Yandex Maps keys (public). */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const REMEDIATION =
  'Delete the key in the Yandex Cloud console (service account > API keys / static access keys), review Audit Trails, and use it only from your backend with a minimally privileged service account.';

export const yandexCloudApiKey: Rule = {
  id: 'yandex-cloud-api-key',
  title: 'Yandex Cloud API key',
  provider: 'Yandex Cloud',
  category: 'cloud',
  keywords: ['aqvn'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>AQVN[A-Za-z0-9_-]{35,38})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Yandex Cloud API key authenticates as its service account, with all of the account\'s roles (SpeechKit, Vision, Foundation Models, and more), and does not expire.',
  remediation: REMEDIATION,
  samples: {
    positives: ['headers:{Authorization:"Api-Key AQVN{{base64url:36}}"}', 'YC_API_KEY=AQVN{{alnum:35}}'],
    negatives: ['AQVN{{alnum:20}}', 'AQVN{{alnum:40}}', 'XAQVN{{alnum:36}}'],
  },
};

export const yandexCloudStaticKeySecret: Rule = {
  id: 'yandex-cloud-static-key-secret',
  title: 'Yandex Cloud static access key secret',
  provider: 'Yandex Cloud',
  category: 'cloud',
  keywords: ['yandex'],
  pattern: /(?<![A-Za-z0-9_-])(?<secret>YC[A-Za-z0-9_-]{38})(?![A-Za-z0-9_-])/,
  minEntropy: 4,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A Yandex Cloud static access key secret signs S3-compatible requests (Object Storage, Message Queue) as its service account.',
  remediation: REMEDIATION,
  samples: {
    positives: ['const s3=new S3({endpoint:"https://storage.yandexcloud.net",accessKeyId:"YCAJ{{alnum:21}}",secretAccessKey:"YC{{base64url:38}}"});', 'YANDEX_SECRET_KEY=YC{{alnum:38}}'],
    negatives: ['YANDEX_SECRET_KEY=YC{{alnum:30}}', 'const v="YC{{alnum:38}}";'],
  },
};

export const yandexMapsApiKey: Rule = {
  id: 'yandex-maps-api-key',
  title: 'Yandex Maps API key',
  provider: 'Yandex',
  category: 'cloud',
  keywords: ['api-maps.yandex'],
  pattern:
    /api-maps\.yandex\.(?:ru|com|com\.tr|by|kz|uz)\/[0-9.v]{1,8}\/?\?(?:[^\s"'`#<>]{0,200}&)?apikey=(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i,
  validate: rejectPlaceholders(),
  severity: 'info',
  exposure: 'public-by-design',
  description:
    'A Yandex Maps JavaScript API key is loaded by the page on purpose. It is safe only with an HTTP Referer restriction set in the Developer Dashboard, so other sites cannot spend your quota.',
  remediation: 'Nothing to hide: restrict the key to your domains in the Yandex Developer Dashboard and keep separate keys for server-side HTTP Geocoder use.',
  samples: {
    positives: ['<script src="https://api-maps.yandex.ru/2.1/?apikey={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}&lang=ru_RU"></script>', 'load("https://api-maps.yandex.ru/v3/?lang=en_US&apikey={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}")'],
    negatives: ['https://api-maps.yandex.ru/2.1/?apikey=<your-api-key>&lang=ru_RU', 'https://api-maps.yandex.ru/2.1/?lang=ru_RU'],
  },
};
