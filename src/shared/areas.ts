/** Where a finding was seen, grouped the way the popup and reports present it. */
import type { FindingSource } from './finding.ts';

export type Area = 'Requests' | 'Storage' | 'Code' | 'Page';

export const AREA_OF_SOURCE: Record<FindingSource, Area> = {
  'request-url': 'Requests',
  'request-body': 'Requests',
  'request-header': 'Requests',
  referer: 'Requests',
  websocket: 'Requests',
  cleartext: 'Requests',
  'mixed-content': 'Requests',
  'local-storage': 'Storage',
  'session-storage': 'Storage',
  cookie: 'Storage',
  indexeddb: 'Storage',
  'inline-script': 'Code',
  script: 'Code',
  'source-map': 'Code',
  file: 'Code',
  'window-global': 'Page',
  dom: 'Page',
  'response-body': 'Page',
};

export const AREAS: readonly Area[] = ['Requests', 'Storage', 'Code', 'Page'];
