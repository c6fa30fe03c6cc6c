/**
 * Report rendering shared by the popup, the background (automation message) and the CLI. Pure
 * TypeScript: no browser or node APIs, so every context renders byte-identical documents.
 */
import type { Finding } from '../shared/finding.ts';
import type { ReportFormat } from '../shared/messages.ts';
import { renderJsonReport } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import type { ReportMeta } from './meta.ts';
import { renderSarif } from './sarif.ts';
import { renderText } from './text.ts';

/** The exported document formats plus `text`, which is for terminals only. */
export type RenderFormat = ReportFormat | 'text';
export const RENDER_FORMATS: readonly RenderFormat[] = ['text', 'json', 'sarif', 'markdown'];

export function isRenderFormat(value: string): value is RenderFormat {
  return (RENDER_FORMATS as readonly string[]).includes(value);
}

export function renderReport(findings: readonly Finding[], format: RenderFormat, meta: ReportMeta): string {
  switch (format) {
    case 'json':
      return renderJsonReport(findings, meta);
    case 'sarif':
      return renderSarif(findings, meta);
    case 'markdown':
      return renderMarkdown(findings, meta);
    case 'text':
      return renderText(findings);
  }
}

export { parseJsonReport, renderJsonReport, toJsonReport, type JsonReport } from './json.ts';
export { escapeMarkdownText, renderMarkdown } from './markdown.ts';
export { TOOL_INFORMATION_URI, TOOL_NAME, type ReportMeta } from './meta.ts';
export { compareFindings, countBySeverity, sortFindings, summaryLine, type SeverityCounts } from './order.ts';
export { renderSarif, SARIF_SCHEMA, sarifLevel, toSarif } from './sarif.ts';
export type { SarifLog, SarifResult } from './sarif-types.ts';
export { renderText, terminalSafe } from './text.ts';
export { describeWhere } from './where.ts';
