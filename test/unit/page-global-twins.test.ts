/**
 * A window global that an inline script of the same page assigned (or a framework copied out of a data
 * island) is one finding with that script's; globals that no inline script holds stay their own.
 */
import { describe, expect, it } from 'vitest';
import { foldGlobalTwins } from '../../src/engine/page-global-twins.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { makeFinding } from '../support/mock-connector.ts';

const PAGE = 'https://app.example.test/settings';
const VALUE = 'd'.repeat(32);

function inline(overrides: Partial<Finding> = {}): Finding {
  return makeFinding({ ruleId: 'stripe-secret-key', source: 'inline-script', secretHash: VALUE, location: { url: PAGE, keyPath: 'inline script #1', line: 1, column: 202 }, ...overrides });
}

function global(overrides: Partial<Finding> = {}): Finding {
  return makeFinding({ ruleId: 'stripe-secret-key', source: 'window-global', secretHash: VALUE, reportedByPage: true, location: { url: PAGE, keyPath: 'window.__APP_CONFIG__', jsonPath: '$.stripeSecret' }, ...overrides });
}

describe('foldGlobalTwins', () => {
  it('keeps the inline script’s finding, naming the global and its path, whichever arrived first', () => {
    const script = inline({ details: { mode: 'live' } });
    for (const order of [[script, global()], [global(), script]]) {
      const [only, ...rest] = foldGlobalTwins(order);
      expect(rest).toEqual([]);
      expect(only).toEqual({ ...script, details: { mode: 'live', alsoInGlobal: 'window.__APP_CONFIG__ $.stripeSecret' } });
    }
  });

  it('folds a framework’s copy of a data island (Next.js)', () => {
    const island = inline({ ruleId: 'github-personal-access-token', location: { url: PAGE, keyPath: 'script#__NEXT_DATA__', jsonPath: '$.props.pageProps.deployToken' } });
    const copy = global({ ruleId: 'github-personal-access-token', location: { url: PAGE, keyPath: 'window.__NEXT_DATA__', jsonPath: '$.props.pageProps.deployToken' } });
    expect(foldGlobalTwins([island, copy])).toEqual([{ ...island, details: { alsoInGlobal: 'window.__NEXT_DATA__ $.props.pageProps.deployToken' } }]);
  });

  it('leaves a global no inline script of the same page holds: another value, rule or page', () => {
    const script = inline();
    const others = [global({ secretHash: 'e'.repeat(32) }), global({ ruleId: 'generic-api-key' }), global({ location: { url: 'https://app.example.test/', keyPath: 'window.__APP_CONFIG__' } })];
    expect(foldGlobalTwins([script, ...others])).toEqual([script, ...others]);
  });

  it('does not fold a global into a bundle or into storage', () => {
    const inBundle = makeFinding({ ruleId: 'stripe-secret-key', source: 'script', secretHash: VALUE, location: { url: PAGE } });
    const stored = makeFinding({ ruleId: 'stripe-secret-key', source: 'local-storage', secretHash: VALUE, location: { url: PAGE, keyPath: 'cfg' } });
    const copy = global();
    expect(foldGlobalTwins([inBundle, stored, copy])).toEqual([inBundle, stored, copy]);
    expect(foldGlobalTwins([])).toEqual([]);
  });
});
