/** Segment write keys: identify a source to send events to; used in browsers by design. */
import type { Rule } from '../../types.ts';
import { rejectPlaceholders } from '../../validators/placeholder.ts';

export const segmentWriteKey: Rule = {
  id: 'segment-write-key',
  title: 'Segment write key',
  provider: 'Segment',
  category: 'observability',
  keywords: ['writekey', 'write_key', 'analytics.load', 'cdn.segment.com', 'segment_write_key'],
  pattern:
    /(?:write_?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?|analytics\.load\(\s{0,3}\\?["'`]|cdn\.segment\.com\/analytics\.js\/v1\/|segment[_-]?write[_-]?key\\?["'`]?\s{0,3}(?:=>|:=|[:=])\s{0,3}\\?["'`]?)(?<secret>[A-Za-z0-9]{32})(?![A-Za-z0-9_-])/i,
  minEntropy: 3.5,
  validate: rejectPlaceholders(),
  severity: 'low',
  exposure: 'public-by-design',
  description:
    'A Segment write key lets the browser source send events; the analytics.js snippet puts it in every page. It cannot read data, but anyone can send events into the source, so protect destinations that act on events (emails, CRMs) against forged ones.',
  remediation: 'No rotation needed for a browser source. Never reuse a server source’s write key in the browser, and keep Segment Public API tokens out of front-end code.',
  samples: {
    positives: ['analytics.load("{{alnum:32}}")', 'AnalyticsBrowser.load({writeKey:"{{alnum:32}}"})', '<script src="https://cdn.segment.com/analytics.js/v1/{{alnum:32}}/analytics.min.js"></script>'],
    negatives: ['analytics.load(writeKey)', 'writeKey:"{{alnum:16}}"', 'writeKey:"YOUR_WRITE_KEY_HERE_PLEASE_FILL"'],
  },
};
