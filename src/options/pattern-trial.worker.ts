/**
 * Worker: runs a custom rule over pathological inputs the way the scanner would, then over the
 * user's sample text, and posts the outcome. The options page terminates it when it takes too long.
 * Imports the engine's scanner only (not the rule registry): custom rules are tried on their own.
 */
import { compileCustomRule, runPatternTrial } from '../engine/custom-rules.ts';
import { Scanner, toFindings } from '../engine/scanner.ts';
import type { TrialOutcome, TrialRequest } from './trial.ts';

const scope = self as unknown as { onmessage: ((event: MessageEvent<TrialRequest>) => void) | null; postMessage(message: TrialOutcome): void };

scope.onmessage = (event) => {
  const { spec, sample } = event.data;
  const result: TrialOutcome = runPatternTrial(spec, () => performance.now());
  if (result.ok && sample) {
    const matches = new Scanner([compileCustomRule(spec)]).findMatches(sample, { decodeDepth: 0 });
    result.sampleMatches = toFindings(sample, matches, { source: 'file', location: {} })
      .slice(0, 20)
      .map((finding) => `${finding.preview} at ${finding.location.line}:${finding.location.column}`);
  }
  scope.postMessage(result);
};
