/**
 * docs/RULES.md must equal what the registry generates. `npm run rules:docs` rewrites it
 * (UPDATE_RULE_CATALOGUE=1), so adding a rule and regenerating is one step.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { renderRuleCatalogue } from '../../src/engine/catalogue.ts';
import { RULES, Scanner } from '../../src/engine/index.ts';
import { INSPECTOR_RULES } from '../../src/engine/inspectors/index.ts';
import { createSampleGenerator, expandSample } from '../support/sample-generator.ts';

const CATALOGUE = path.join(import.meta.dirname, '../../docs/RULES.md');

it('docs/RULES.md is generated from the current registry', () => {
  // A rule counts as structure-verified when its validator verifies its own positive samples.
  const verified = new Set<string>();
  for (const rule of RULES) {
    const scanner = new Scanner([rule]);
    const generator = createSampleGenerator(7);
    for (const template of rule.samples.positives) {
      if (scanner.findMatches(expandSample(template, generator)).some((match) => match.validation?.verdict === 'valid')) verified.add(rule.id);
    }
  }
  const generated = renderRuleCatalogue(RULES, INSPECTOR_RULES, verified);
  if (process.env.UPDATE_RULE_CATALOGUE === '1') writeFileSync(CATALOGUE, generated);
  expect(existsSync(CATALOGUE), 'run npm run rules:docs').toBe(true);
  expect(readFileSync(CATALOGUE, 'utf8'), 'docs/RULES.md is stale: run npm run rules:docs').toBe(generated);
  for (const rule of RULES) expect(generated).toContain(`\`${rule.id}\``);
});
