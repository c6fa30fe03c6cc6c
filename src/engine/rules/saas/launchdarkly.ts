/**
 * LaunchDarkly: server-side SDK keys (`sdk-`) and API access tokens (`api-`) are secrets; mobile keys
 * (`mob-`) and client-side IDs are meant for apps.
 */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

const UUID = '[a-f0-9]{8}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{4}-[a-f0-9]{12}';

export const launchdarklySdkKey: Rule = {
  id: 'launchdarkly-sdk-key',
  title: 'LaunchDarkly server-side SDK key',
  provider: 'LaunchDarkly',
  category: 'saas',
  keywords: ['sdk-'],
  pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>sdk-${UUID})(?![A-Za-z0-9_-])`),
  maxLength: 50,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'A LaunchDarkly server-side SDK key downloads every flag of the environment with all targeting rules, including segments that list user keys and emails, and can send events as your servers.',
  remediation: 'Reset the SDK key in Account settings → Projects → Environments and use the client-side ID (or mobile key) in front-end code.',
  samples: {
    positives: ['LD_SDK_KEY=sdk-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'LaunchDarkly.init("sdk-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}")'],
    negatives: ['sdk-{{hex:8}}-{{hex:4}}', 'aws-sdk-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
  },
};

export const launchdarklyApiToken: Rule = {
  id: 'launchdarkly-api-token',
  title: 'LaunchDarkly API access token',
  provider: 'LaunchDarkly',
  category: 'saas',
  keywords: ['launchdarkly', 'ld_api', 'ldapi', 'ld-api', 'ld_access_token', 'ld_token'],
  pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>api-${UUID})(?![A-Za-z0-9_-])`),
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description: 'A LaunchDarkly API access token manages flags, environments and members through the REST API with its role: it can turn features on or off in production.',
  remediation: 'Delete the token under Organization settings → Authorization and keep it in CI or server-side secrets.',
  samples: {
    positives: ['LAUNCHDARKLY_ACCESS_TOKEN=api-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}', 'fetch("https://app.launchdarkly.com/api/v2/flags/x",{headers:{Authorization:"api-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}})'],
    negatives: ['launchdarkly api-{{hex:8}}-{{hex:4}}', 'launchdarkly xapi-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
  },
};

export const launchdarklyMobileKey: Rule = {
  id: 'launchdarkly-mobile-key',
  title: 'LaunchDarkly mobile key',
  provider: 'LaunchDarkly',
  category: 'saas',
  keywords: ['mob-'],
  pattern: new RegExp(`(?<![A-Za-z0-9_-])(?<secret>mob-${UUID})(?![A-Za-z0-9_-])`),
  maxLength: 50,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'A LaunchDarkly mobile key is built into apps by design; it evaluates flags for one environment and can reveal flag names and variations to anyone who extracts it. Keep secrets out of flag values.',
  remediation: 'No rotation needed. Don’t put sensitive data in flag variations, and use the server-side SDK key only on servers.',
  samples: {
    positives: ['LDConfig.Builder().mobileKey("mob-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}")', 'LD_MOBILE_KEY=mob-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['mob-{{hex:8}}', 'mob-{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:11}}'],
  },
};
