/**
 * Test builds only (vite.firefox.config.ts `--mode e2e`): the shipped packages never contain this.
 *
 * Playwright cannot drive Debian's Firefox ESR, so an e2e test cannot open an extension page and send
 * `leaklens/report` as the Chromium tests do. Instead the background writes, to its own console, one
 * line when its listeners are registered and the redacted JSON report each time scanning settles;
 * Firefox copies the background console to stdout with `devtools.console.stdout.chrome=true`, where
 * the test reads it. The report is the same document the popup exports: redacted findings only.
 */
import type { ReportResponse, StatusResponse } from '../../shared/messages.ts';

export const AUTOMATION_PREFIX = 'leaklens:automation';

/** How the background answers extension-page requests (BackgroundController.handleMessage). */
export interface AutomationTarget {
  handleMessage(message: unknown, sender: { id?: string; url?: string }): Promise<unknown> | undefined;
}

export interface AutomationLogOptions {
  /** The identity the controller expects from an extension page. */
  extensionId: string;
  extensionOrigin: string;
  log: (line: string) => void;
  /** Scanning counts as settled after this long with nothing pending. */
  quietMs?: number;
  pollMs?: number;
  now?: () => number;
  setInterval?: (callback: () => void, ms: number) => unknown;
}

/** Logs `<prefix> ready` now, then `<prefix> report <json>` whenever scanning settles on new results. */
export function startAutomationLog(target: AutomationTarget, options: AutomationLogOptions): void {
  const { log, quietMs = 1000, pollMs = 250, now = Date.now } = options;
  const sender = { id: options.extensionId, url: options.extensionOrigin };
  const ask = async <T>(message: unknown) => (await target.handleMessage(message, sender)) as T;
  let loggedActivity: number | undefined;
  let busy = false;

  const poll = async () => {
    if (busy) return;
    busy = true;
    try {
      const status = await ask<StatusResponse>({ type: 'leaklens/status' });
      if (!status?.ok || status.pending > 0 || now() - status.lastActivity < quietMs || status.lastActivity === loggedActivity) return;
      const report = await ask<ReportResponse>({ type: 'leaklens/report', format: 'json' });
      if (!report?.ok) return;
      loggedActivity = status.lastActivity;
      // One line: the JSON document has no newlines once re-serialised compactly.
      log(`${AUTOMATION_PREFIX} report ${JSON.stringify(JSON.parse(report.document))}`);
    } catch (error) {
      log(`${AUTOMATION_PREFIX} error ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      busy = false;
    }
  };

  log(`${AUTOMATION_PREFIX} ready`);
  (options.setInterval ?? setInterval)(() => void poll(), pollMs);
}
