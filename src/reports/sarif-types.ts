/** The slice of the SARIF 2.1.0 object model LeakLens writes (https://docs.oasis-open.org/sarif/sarif/v2.1.0/). */

export type SarifLevel = 'error' | 'warning' | 'note' | 'none';

export interface SarifMessage {
  text: string;
  markdown?: string;
}

export interface SarifRegion {
  startLine: number;
  startColumn?: number;
}

export interface SarifPhysicalLocation {
  artifactLocation: { uri: string };
  region?: SarifRegion;
}

export interface SarifLogicalLocation {
  name: string;
  kind: string;
}

export interface SarifLocation {
  id?: number;
  physicalLocation?: SarifPhysicalLocation;
  logicalLocations?: SarifLogicalLocation[];
  message?: SarifMessage;
}

export interface SarifReportingDescriptor {
  id: string;
  name: string;
  shortDescription: SarifMessage;
  fullDescription: SarifMessage;
  help: SarifMessage;
  defaultConfiguration: { level: SarifLevel };
  properties: { tags: string[]; 'security-severity': string };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: SarifMessage;
  locations?: SarifLocation[];
  relatedLocations?: SarifLocation[];
  partialFingerprints: Record<string, string>;
  properties: Record<string, unknown>;
}

export interface SarifNotification {
  level: SarifLevel;
  message: SarifMessage;
}

export interface SarifRun {
  tool: {
    driver: {
      name: string;
      informationUri: string;
      version: string;
      semanticVersion: string;
      rules: SarifReportingDescriptor[];
    };
  };
  invocations: Array<{
    executionSuccessful: boolean;
    endTimeUtc: string;
    toolExecutionNotifications?: SarifNotification[];
  }>;
  /** JavaScript string offsets are UTF-16 code units, which is also the SARIF default; said explicitly. */
  columnKind: 'utf16CodeUnits';
  properties?: { target: string[] };
  results: SarifResult[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: [SarifRun];
}
