/** Meta-tests that keep the registry honest (DESIGN.md practices). */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/engine/index.ts';
import { unboundedQuantifier } from '../../src/engine/pattern-safety.ts';
import { RULE_CATEGORIES } from '../../src/engine/rules/index.ts';
import { SEVERITIES } from '../../src/shared/finding.ts';
import { createSampleGenerator, expandSample } from '../support/sample-generator.ts';

const RULES_DIR = join(import.meta.dirname, '../../src/engine/rules');

describe('rule registry', () => {
  it('has at least 200 rules', () => {
    expect(RULES.length).toBeGreaterThanOrEqual(200);
  });

  it('has unique kebab-case ids', () => {
    const ids = RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it('registers every rule file, in sorted order, in its category index', () => {
    for (const category of Object.keys(RULE_CATEGORIES)) {
      const folder = join(RULES_DIR, category);
      const files = readdirSync(folder).filter((file) => file.endsWith('.ts') && file !== 'index.ts').sort();
      const index = readFileSync(join(folder, 'index.ts'), 'utf8');
      const imported = [...index.matchAll(/from '\.\/([\w.-]+\.ts)'/g)].map((match) => match[1]);
      expect(imported, `imports in ${category}/index.ts`).toEqual(files);
    }
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s is complete and well-formed', (_id, rule) => {
    expect(rule.title.length).toBeGreaterThan(3);
    expect(rule.provider.length).toBeGreaterThan(1);
    expect(rule.description.length).toBeGreaterThan(20);
    expect(rule.remediation.length).toBeGreaterThan(20);
    expect(SEVERITIES).toContain(rule.severity);
    expect(rule.keywords.length).toBeGreaterThan(0);
    for (const keyword of rule.keywords) {
      expect(keyword, 'keywords are lower-case ASCII').toBe(keyword.toLowerCase());
      expect(keyword.length, `keyword "${keyword}" too short to prefilter`).toBeGreaterThanOrEqual(3);
    }
    expect(rule.samples.positives.length).toBeGreaterThan(0);
    expect(rule.samples.negatives.length).toBeGreaterThan(0);
    // Patterns must be bounded: no unbounded quantifier, so windows and the slow-input guard hold.
    expect(unboundedQuantifier(rule.pattern.source)).toBeUndefined();
    // Test keys and public-by-design keys are never above low (DESIGN.md).
    if (rule.exposure !== 'secret' && rule.exposure !== 'identifier') {
      expect(['low', 'info']).toContain(rule.severity);
    }
  });

  it.each(RULES.map((rule) => [rule.id, rule] as const))('%s: every positive sample contains a keyword', (_id, rule) => {
    const generator = createSampleGenerator(1);
    for (const template of rule.samples.positives) {
      const sample = expandSample(template, generator).toLowerCase();
      expect(rule.keywords.some((keyword) => sample.includes(keyword)), sample).toBe(true);
    }
  });
});
