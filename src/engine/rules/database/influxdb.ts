/** InfluxDB API tokens (88-character base64), named by context. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const influxdbToken: Rule = {
  id: 'influxdb-token',
  title: 'InfluxDB API token',
  provider: 'InfluxData',
  category: 'database',
  keywords: ['influx', 'authorization'],
  pattern:
    /(?:influx(?:db)?[_-]?(?:api[_-]?|admin[_-]?|v2[_-]?)?token\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|Authorization\\?["'`]?\s{0,3}[:=]\s{0,3}\\?["'`]?Token[ \t]{1,3})(?<secret>[A-Za-z0-9_-]{86}==)(?![A-Za-z0-9+/=_-])/i,
  minEntropy: 4.0,
  validate: rejectPlaceholders(),
  severity: 'critical',
  exposure: 'secret',
  description:
    'An InfluxDB API token reads or writes the buckets it grants (an operator or all-access token administers the whole instance): time series, dashboards, tasks.',
  remediation:
    'Delete the token in the InfluxDB UI (Load Data → API Tokens) and query InfluxDB from a backend; give dashboards a read-only token scoped to one bucket, server-side.',
  samples: {
    positives: ['INFLUX_TOKEN={{base64url:86}}==', 'headers:{Authorization:"Token {{base64url:86}}=="}'],
    negatives: ['INFLUX_TOKEN={{base64url:40}}', 'Authorization: Token {{base64url:40}}', 'INFLUX_TOKEN=${INFLUX_TOKEN}'],
  },
};
