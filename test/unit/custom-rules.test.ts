/** Custom rules: static safety checks, compilation into the scanner, the trial, and the active scanner. */
import { afterEach, describe, expect, it } from 'vitest';
import {
  compileCustomRule,
  customRuleId,
  patternProblem,
  runPatternTrial,
  trialInputs,
  validateCustomRule,
  type CustomRuleSpec,
} from '../../src/engine/custom-rules.ts';
import { createScanner, getActiveScanner, getDefaultScanner, RULES, scanText, setActiveScanner } from '../../src/engine/index.ts';
import { scanMaybeJson } from '../../src/engine/structured.ts';
import { fakeAwsKeyId, randomFrom } from '../support/fake-secrets.ts';

const acmeRule = (overrides: Partial<CustomRuleSpec> = {}): CustomRuleSpec => ({
  id: 'custom-acme-internal-key',
  title: 'Acme internal key',
  pattern: 'acmk_(?<secret>[a-z0-9]{32})',
  caseInsensitive: false,
  keywords: ['acmk_'],
  severity: 'high',
  ...overrides,
});

const acmeKey = () => `acmk_${randomFrom('abcdefghijklmnopqrstuvwxyz0123456789', 32)}`;

afterEach(() => setActiveScanner(undefined));

describe('patternProblem (static checks)', () => {
  it.each([
    ['', /empty/],
    ['x'.repeat(257), /longer than 256/],
    ['acmk_(', /not a valid regular expression/],
    ['acmk_.*', /unbounded quantifier/],
    ['acmk_[a-z]+', /unbounded quantifier/],
    ['acmk_[a-z]{8,}', /unbounded quantifier/],
    ['(?:acmk_[a-z]{1,9}){1,9}', /nested quantifiers/],
    ['(?:(?:a{1,3})b){2,5}', /nested quantifiers/],
    ['(acmk)_\\1', /backreferences/],
    ['(?<p>acmk)_\\k<p>', /backreferences/],
    ['acmk_[a-z]{0,5000}', /above 1000/],
    ['(?:acmk_)?', /empty string/],
    ['acmk_[a-z]{0,8}?|x{0,2}', /empty string/],
  ])('refuses %s', (pattern, reason) => {
    expect(patternProblem(pattern)).toMatch(reason);
  });

  it.each([
    'acmk_[a-z0-9]{32}',
    'acmk_(?<secret>[a-z0-9]{32})',
    '(?:-[a-z0-9]{4}){3}', // fixed outer count over a quantified group: polynomial, left to the trial
    '(?:sk|rk)_live_[A-Za-z0-9]{24,99}',
    'token["\']?\\s{0,3}[:=]\\s{0,3}["\'](?<secret>[^"\']{16,64})',
    '[+*]acmk_[a-z]{4}', // quantifier characters inside a class are literals
    'acmk_[a-z]{8}(?:_v2)?',
  ])('accepts %s', (pattern) => {
    expect(patternProblem(pattern)).toBeUndefined();
  });
});

describe('validateCustomRule', () => {
  it('normalises keywords and keeps a valid spec', () => {
    const checked = validateCustomRule({ ...acmeRule(), keywords: [' ACMK_ ', 'acmk_', ''] });
    expect(checked).toEqual({ ok: true, value: { ...acmeRule(), keywords: ['acmk_'] } });
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(81) }, 'title'],
    [{ keywords: [] }, 'keywords'],
    [{ keywords: ['ak'] }, 'keywords'],
    [{ keywords: Array.from({ length: 11 }, (_, i) => `kw${i}x`) }, 'keywords'],
    [{ keywords: 'acmk_' }, 'keywords'],
    [{ severity: 'urgent' }, 'severity'],
    [{ pattern: 'acmk_.+' }, 'pattern'],
    [{ pattern: 42 }, 'pattern'],
  ])('refuses %o (field %s)', (overrides, field) => {
    const checked = validateCustomRule({ ...acmeRule(), ...overrides });
    expect(checked.ok).toBe(false);
    expect(checked.ok ? undefined : checked.field).toBe(field);
  });

  it('gives an id from the title when none (or a malformed one) is given, unique among taken ids', () => {
    const checked = validateCustomRule({ ...acmeRule(), id: '<script>' });
    expect(checked.ok && checked.value.id).toBe('custom-acme-internal-key');
    expect(customRuleId('Acme internal key', ['custom-acme-internal-key'])).toBe('custom-acme-internal-key-2');
    expect(customRuleId('!!!', [])).toBe('custom-rule');
  });
});

describe('compiled custom rules in the scanner', () => {
  it('finds the value at the named group, redacted, with the chosen severity', () => {
    const key = acmeKey();
    const scanner = createScanner([compileCustomRule(acmeRule())]);
    const findings = scanText(`const k = "${key}";`, { source: 'script', location: { url: 'https://a.test/app.js' } }, {}, scanner);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'custom-acme-internal-key', severity: 'high', location: { line: 1, column: 17 } });
    expect(JSON.stringify(findings)).not.toContain(key.slice(5));
  });

  it('honours case-insensitivity only when asked', () => {
    const upper = acmeKey().toUpperCase();
    const sensitive = createScanner([compileCustomRule(acmeRule())]);
    const insensitive = createScanner([compileCustomRule(acmeRule({ caseInsensitive: true }))]);
    const origin = { source: 'script' as const, location: {} };
    expect(scanText(upper, origin, {}, sensitive)).toHaveLength(0);
    expect(scanText(upper, origin, {}, insensitive)).toHaveLength(1);
  });
});

describe('the active scanner', () => {
  it('is the built-in registry until set, and every default caller follows it once set', () => {
    expect(getActiveScanner()).toBe(getDefaultScanner());
    const key = acmeKey();
    const awsKeyId = fakeAwsKeyId();
    const origin = { source: 'local-storage' as const, location: { keyPath: 'cfg' } };
    const text = JSON.stringify({ acme: key, aws: awsKeyId });
    expect(scanMaybeJson(text, origin).map((f) => f.ruleId)).toEqual(['aws-access-key-id']);

    // Built-ins without the AWS rule, plus the custom rule: structured scans (which call scanText
    // without a scanner) follow the active one.
    setActiveScanner(createScanner([...RULES.filter((rule) => rule.id !== 'aws-access-key-id'), compileCustomRule(acmeRule())]));
    expect(scanMaybeJson(text, origin).map((f) => f.ruleId)).toEqual(['custom-acme-internal-key']);

    setActiveScanner(undefined);
    expect(getActiveScanner()).toBe(getDefaultScanner());
  });
});

describe('the pattern trial', () => {
  it('builds long pathological inputs from the pattern and keyword characters, right after a keyword', () => {
    const inputs = trialInputs(acmeRule());
    expect(inputs.length).toBeGreaterThan(10);
    expect(inputs.every((input) => input.includes('acmk_') && input.length >= 1000 && input.length <= 4096)).toBe(true);
    expect(inputs.some((input) => input.startsWith(`acmk_${'k'.repeat(100)}`))).toBe(true);
  });

  it('passes a sane pattern and reports how many trial matches it saw', () => {
    let clock = 0;
    const result = runPatternTrial(acmeRule(), () => clock++, 1000);
    expect(result).toMatchObject({ ok: true });
  });

  it('fails as soon as the budget is spent (clock injected: no timing in tests)', () => {
    let clock = 0;
    const result = runPatternTrial(acmeRule(), () => (clock += 60), 100);
    expect(result.ok).toBe(false);
    expect(result.error).toMatch(/too slow/);
  });
});
