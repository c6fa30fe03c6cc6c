/**
 * One generic test runs every rule's own samples through the full engine: each positive must produce a
 * finding of that rule, each negative must not. Samples are generated from templates at test time.
 */
import { describe, expect, it } from 'vitest';
import { RULES, Scanner } from '../../src/engine/index.ts';
import { resolveOverlaps } from '../../src/engine/scanner.ts';
import { createSampleGenerator, expandSample } from '../support/sample-generator.ts';

const scanner = new Scanner(RULES);

function ruleIdsFoundIn(text: string): string[] {
  return resolveOverlaps(scanner.findMatches(text)).map((match) => match.rule.id);
}

describe.each(RULES.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  const generator = createSampleGenerator(rule.id.length * 7919);
  const positives = rule.samples.positives.map((template) => expandSample(template, generator));
  const negatives = rule.samples.negatives.map((template) => expandSample(template, generator));

  it.each(positives.map((sample, index) => [index, sample] as const))('finds positive #%i', (_index, sample) => {
    expect(ruleIdsFoundIn(sample), `sample: ${sample}`).toContain(rule.id);
  });

  it.each(negatives.map((sample, index) => [index, sample] as const))('ignores negative #%i', (_index, sample) => {
    expect(ruleIdsFoundIn(sample), `sample: ${sample}`).not.toContain(rule.id);
  });
});
