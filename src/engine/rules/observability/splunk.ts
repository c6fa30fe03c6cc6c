/** Splunk HTTP Event Collector (HEC) tokens: `Authorization: Splunk <uuid>`, or named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const splunkHecToken: Rule = {
  id: 'splunk-hec-token',
  title: 'Splunk HTTP Event Collector token',
  provider: 'Splunk',
  category: 'observability',
  keywords: ['splunk', 'hec_token', 'hectoken', 'hec-token'],
  pattern:
    /(?:Splunk[ \t]{1,3}|(?:splunk[_-]?)?hec[_-]?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|splunk[_-]?(?:token|key)\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?)(?<secret>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.0,
  validate: rejectPlaceholders(),
  severity: 'high',
  exposure: 'secret',
  description:
    'A Splunk HEC token writes events into the indexes it allows. From a browser anyone can forge or flood log data, which can hide real activity and disturb alerts built on those indexes.',
  remediation: 'Disable the token under Settings → Data inputs → HTTP Event Collector and send browser logs through your own endpoint.',
  samples: {
    positives: ['headers:{Authorization:"Splunk {{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}"}', 'SPLUNK_HEC_TOKEN={{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}'],
    negatives: ['Authorization: Splunk <token>', 'SPLUNK_HEC_TOKEN=00000000-0000-0000-0000-000000000000', 'Splunk {{hex:8}}'],
  },
};
