/**
 * The custom-pattern trial runs in a dedicated worker: a catastrophic regex cannot be interrupted
 * from its own thread, but a worker can be terminated. No answer within the limit = refused.
 */
import type { CustomRuleSpec, TrialResult } from '../engine/custom-rules.ts';

export interface TrialOutcome extends TrialResult {
  /** Masked matches in the user's sample text, with line:column. */
  sampleMatches?: string[];
}

export interface TrialRequest {
  spec: CustomRuleSpec;
  sample: string;
}

/** Longest the worker may take, everything included (start-up, trial, sample). */
export const TRIAL_TIMEOUT_MS = 2000;
export const MAX_SAMPLE_LENGTH = 20_000;

export function trialInWorker(spec: CustomRuleSpec, sample: string, timeoutMs = TRIAL_TIMEOUT_MS): Promise<TrialOutcome> {
  const worker = new Worker(new URL('./pattern-trial.worker.ts', import.meta.url), { type: 'module' });
  return new Promise((resolve) => {
    const finish = (outcome: TrialOutcome) => {
      clearTimeout(timer);
      worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () =>
        finish({
          ok: false,
          elapsedMs: timeoutMs,
          matches: 0,
          error: `the pattern did not finish its trial within ${timeoutMs / 1000} s on pathological input, so it could hang the scanner: avoid nested or overlapping repetition such as (a|a){1,30}`,
        }),
      timeoutMs,
    );
    worker.onmessage = (event: MessageEvent<TrialOutcome>) => finish(event.data);
    worker.onerror = (event) => finish({ ok: false, elapsedMs: 0, matches: 0, error: `the trial failed: ${event.message}` });
    worker.postMessage({ spec, sample: sample.slice(0, MAX_SAMPLE_LENGTH) } satisfies TrialRequest);
  });
}
