// @vitest-environment happy-dom
/** The popup against a mock connector: what it shows, and what its actions do. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/popup/App.tsx';
import { filterFindings } from '../../src/popup/filters.ts';
import { groupByArea, shortWhere, sourceTarget, exportFileName } from '../../src/popup/format.ts';
import { SEVERITIES } from '../../src/shared/finding.ts';
import { ignoreFindingId, ignoreRuleId } from '../../src/shared/settings.ts';
import { foundationFindings, makeFinding, MockConnector, type MockOptions } from '../support/mock-connector.ts';

let root: HTMLElement;

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});

afterEach(() => {
  render(null, root);
  root.remove();
});

/** Lets the connector's promises resolve and effects run (a few turns of the event loop). */
async function flush(ms = 0) {
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, ms));
    });
  }
}

async function mount(options: MockOptions = {}, variant: 'popup' | 'panel' = 'popup') {
  const connector = new MockConnector(options);
  await act(() => {
    render(<App connector={connector} variant={variant} />, root);
  });
  await flush();
  return connector;
}

const cards = () => [...root.querySelectorAll<HTMLElement>('li.finding')];
const card = (ruleId: string) => root.querySelector<HTMLElement>(`li.finding[data-rule="${ruleId}"]`);
const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

function button(label: string | RegExp, within: ParentNode = root): HTMLButtonElement {
  const found = [...within.querySelectorAll('button')].find((candidate) =>
    typeof label === 'string' ? text(candidate) === label || candidate.getAttribute('aria-label') === label : label.test(text(candidate)) || label.test(candidate.getAttribute('aria-label') ?? ''),
  );
  if (!found) throw new Error(`no button ${String(label)} in: ${[...within.querySelectorAll('button')].map((b) => text(b)).join(' | ')}`);
  return found;
}

async function click(element: HTMLElement) {
  await act(() => {
    element.click();
  });
  await flush();
}

describe('popup: what it shows', () => {
  it('puts the site and counts by severity at the top', async () => {
    await mount();
    expect(text(root.querySelector('.site'))).toBe('app.example.test');
    const counts = [...root.querySelectorAll('.counts li')].map(text);
    expect(counts).toEqual(['1 critical', '2 high', '0 medium', '0 low', '1 info']);
  });

  it('groups findings by where they were seen, in Requests, Storage, Code, Page order, most severe first', async () => {
    await mount({
      findings: [
        ...foundationFindings(),
        makeFinding({ ruleId: 'low-thing', severity: 'low', source: 'cookie', location: { url: 'https://app.example.test/', keyPath: 'pref' } }),
      ],
    });
    const headings = [...root.querySelectorAll('section.area h2')].map(text);
    expect(headings).toEqual(['Requests (1)', 'Storage (2)', 'Code (1)', 'Page (1)']);
    const storage = root.querySelector('section.area:nth-of-type(2)')!;
    expect([...storage.querySelectorAll<HTMLElement>('li.finding')].map((li) => li.dataset.rule)).toEqual(['jwt', 'low-thing']);
  });

  it('shows each finding’s title, severity, exact location, masked value, verification, why and how to fix', async () => {
    await mount();
    const aws = card('aws-access-key-id')!;
    expect(text(aws.querySelector('.chip'))).toBe('critical');
    expect(text(aws.querySelector('.title'))).toBe('AWS access key pair');
    expect(text(aws.querySelector('.short-where'))).toBe('script bundle · app.js:14:71');
    expect(text(aws.querySelector('.location'))).toBe('https://app.example.test/static/app.js:14:71');
    expect(text(aws.querySelector('.preview'))).toBe('AKIA…YUQJ (20 chars)');
    expect(text(aws.querySelector('.tag-verified'))).toBe('verified');
    expect(text(aws.querySelector('.facts'))).toBe('account id: 123456789012 · paired: yes');
    expect(text(aws)).toContain('Move the call server-side and rotate the key pair now.');
    expect(text(aws)).toContain('gives anyone the account’s permissions');

    const url = card('url-credential-parameter')!;
    expect(text(url.querySelector('.location'))).toBe('https://api.example.test/v1/profile?access_token=[redacted] [param access_token]');
    expect(text(url.querySelector('.tag-pattern'))).toBe('pattern match');

    const jwt = card('jwt')!;
    expect(text(jwt.querySelector('.location'))).toBe('https://app.example.test/ [key auth.session] [json $.accessToken]');
    expect(text(jwt.querySelector('.count'))).toBe('×3');
    expect(text(jwt)).toMatch(/3 times · first .+ · last .+/);
  });

  it('labels findings that came from the page’s own JavaScript', async () => {
    await mount();
    expect(text(card('firebase-api-key')!.querySelector('.tag-page'))).toBe('reported by the page');
    expect(card('aws-access-key-id')!.querySelector('.tag-page')).toBeNull();
  });

  it('explains what was scanned when nothing was found', async () => {
    await mount({ findings: [], disabledCategories: ['payment'] });
    const empty = root.querySelector('.state.empty')!;
    expect(text(empty.querySelector('h2'))).toBe('No exposed secrets found on app.example.test');
    expect(text(empty)).toMatch(/requests the tab made/);
    expect(text(empty)).toMatch(/localStorage, sessionStorage/);
    expect(text(empty)).toMatch(/script bundle/);
    expect(text(empty)).toMatch(/switched off in Options: payment/);
    expect(root.querySelectorAll('li.finding')).toHaveLength(0);
  });

  it('says how many findings were evicted and lists skipped resources with the reason', async () => {
    await mount({ evicted: 12, skipped: [{ url: 'https://cdn.example.test/huge.js', reason: 'too large (12000000 bytes > 10485760)' }] });
    expect(text(root.querySelector('.note'))).toMatch(/^\+12 more lower-severity findings were not kept/);
    expect(text(root.querySelector('.skipped summary'))).toBe('Not scanned (1)');
    expect(text(root.querySelector('.skipped li'))).toBe('https://cdn.example.test/huge.js — too large (12000000 bytes > 10485760)');
  });

  it('shows scanning progress, a load error, and a tab-less state', async () => {
    await mount({ pending: 2 });
    expect(text(root.querySelector('.scanning'))).toBe('Scanning…');
    render(null, root);

    const failing = new MockConnector();
    failing.tabState = async () => {
      throw new Error('the extension did not answer');
    };
    await act(() => {
      render(<App connector={failing} />, root);
    });
    await flush();
    expect(text(root.querySelector('[role=alert]'))).toMatch(/could not load .* the extension did not answer/);
    render(null, root);

    await mount({ tab: undefined });
    expect(text(root.querySelector('.state'))).toMatch(/No tab to show/);
  });

  it('updates live when the background stores something new', async () => {
    const connector = await mount({ findings: [] });
    expect(cards()).toHaveLength(0);
    connector.findings = foundationFindings();
    connector.emitChange();
    await flush(60);
    expect(cards()).toHaveLength(4);
  });
});

describe('popup: out of scope', () => {
  it('says nothing is scanned and brings the site into scope in one click (then reloads the tab)', async () => {
    const connector = await mount({ inScope: false });
    const state = root.querySelector('.out-of-scope')!;
    expect(text(state.querySelector('h2'))).toBe('app.example.test is out of scope');
    expect(text(state)).toMatch(/nothing from this tab is inspected, fetched or stored/);
    expect(root.querySelector('.counts')).toBeNull();
    expect(cards()).toHaveLength(0);
    await click(button('Scan app.example.test'));
    expect(connector.called('includeSite')).toEqual([['app.example.test']]);
    expect(connector.called('reloadTab')).toEqual([[7]]);
    expect(cards()).toHaveLength(4);
    expect(text(root.querySelector('.toast'))).toMatch(/app\.example\.test is now scanned/);
  });

  it('says which “Never scan” pattern keeps the site out, since scanning it removes the pattern', async () => {
    await mount({ inScope: false, excludedBy: ['*.example.test'] });
    expect(text(root.querySelector('.out-of-scope'))).toMatch(/It matches “\*\.example\.test” in “Never scan”; scanning it removes that pattern\./);
  });

  it('on a non-web tab there is no site to include', async () => {
    await mount({ inScope: false, site: undefined });
    expect(text(root.querySelector('.out-of-scope h2'))).toBe('Nothing to scan here');
    expect(root.querySelectorAll('.out-of-scope button')).toHaveLength(0);
  });
});

describe('popup: actions', () => {
  it('ignores one finding (it disappears), offers Undo with focus, and Undo brings it back', async () => {
    const connector = await mount();
    const jwt = card('jwt')!;
    const fingerprint = jwt.dataset.fingerprint!;
    await click(button('Ignore this finding', jwt));
    expect(connector.called('ignore')).toEqual([['finding', 7, fingerprint]]);
    expect(card('jwt')).toBeNull();
    expect([...root.querySelectorAll('.counts li')].map(text)[1]).toBe('1 high');
    expect(text(root.querySelector('.ignored summary'))).toBe('Ignored here (1)');
    const undo = button('Undo');
    expect(document.activeElement).toBe(undo);
    await click(undo);
    expect(connector.called('unignore')).toEqual([[ignoreFindingId(fingerprint)]]);
    expect(card('jwt')).not.toBeNull();
    expect(root.querySelector('.ignored')).toBeNull();
  });

  it('ignores a rule on this site, and unignores from the ignored list', async () => {
    const connector = await mount({ findings: [...foundationFindings(), makeFinding({ location: { url: 'https://app.example.test/', keyPath: 'other' } })] });
    expect(root.querySelectorAll('li.finding[data-rule="jwt"]')).toHaveLength(2);
    await click(button('Ignore this rule on app.example.test', card('jwt')!));
    expect(connector.called('ignore')[0]?.[0]).toBe('rule');
    expect(root.querySelectorAll('li.finding[data-rule="jwt"]')).toHaveLength(0);
    expect(text(root.querySelector('.ignored li'))).toMatch(/JSON Web Token — rule jwt on app.example.test/);
    await click(button('Unignore', root.querySelector('.ignored')!));
    expect(connector.called('unignore')[0]).toEqual([ignoreRuleId('app.example.test', 'jwt')]);
    expect(root.querySelectorAll('li.finding[data-rule="jwt"]')).toHaveLength(2);
  });

  it('copies the exact location and opens a script’s source (never a request URL)', async () => {
    const connector = await mount();
    await click(button('Copy location of AWS access key pair'));
    expect(connector.called('copy')).toEqual([['https://app.example.test/static/app.js:14:71']]);
    expect(text(root.querySelector('.toast'))).toBe('Location copied.');
    await click(button('View source (line 14, col 71)', card('aws-access-key-id')!));
    expect(connector.called('openSource')).toEqual([['https://app.example.test/static/app.js', 14, 71]]);
    expect(text(root.querySelector('.toast'))).toMatch(/go to line 14, column 71/);
    expect(() => button(/View source/, card('url-credential-parameter')!)).toThrow();
    expect(() => button(/View source/, card('jwt')!)).toThrow();
  });

  it('exports this tab or all tabs in each format, as a download', async () => {
    const connector = await mount();
    await click(button('Export this tab as SARIF'));
    expect(connector.called('report')).toEqual([['sarif', 7]]);
    expect(connector.downloads[0]).toMatchObject({ fileName: expect.stringMatching(/^leaklens-app\.example\.test-\d{8}-\d{4}\.sarif$/), mime: 'application/sarif+json' });
    await click(root.querySelectorAll<HTMLInputElement>('input[name=export-scope]')[1]!);
    await click(button('Export all tabs as Markdown'));
    expect(connector.called('report')[1]).toEqual(['markdown', undefined]);
    expect(connector.downloads[1]!.fileName).toMatch(/^leaklens-all-tabs-.*\.md$/);
    await click(button('Export all tabs as JSON'));
    expect(connector.downloads[2]!.fileName).toMatch(/\.json$/);
  });

  it('reports a failed action instead of failing silently', async () => {
    const connector = await mount();
    connector.ignore = async () => {
      throw new Error('no such finding in this tab');
    };
    await click(button('Ignore this finding', card('jwt')!));
    expect(text(root.querySelector('.toast'))).toBe('That did not work: no such finding in this tab');
    expect(card('jwt')).not.toBeNull();
  });

  it('opens the options page', async () => {
    const connector = await mount();
    await click(button('Options'));
    expect(connector.called('openOptions')).toHaveLength(1);
  });
});

describe('popup: keyboard access', () => {
  it('every action is a real button or summary, each with an accessible name; areas are labelled', async () => {
    await mount();
    // Native controls only: buttons (type=button), radio inputs, and each card's summary as the first
    // child of its details element, which browsers toggle with Enter and Space.
    for (const candidate of root.querySelectorAll('button')) {
      expect(candidate.getAttribute('type')).toBe('button');
      expect(text(candidate) || candidate.getAttribute('aria-label')).toBeTruthy();
    }
    for (const summary of root.querySelectorAll('li.finding summary')) expect(summary.parentElement!.firstElementChild).toBe(summary);
    expect(root.querySelectorAll('li.finding details > summary')).toHaveLength(4);
    expect(root.querySelectorAll('[tabindex]')).toHaveLength(0);
    for (const section of root.querySelectorAll('section.area')) expect(root.querySelector(`#${section.getAttribute('aria-labelledby')}`)).not.toBeNull();
    expect(root.querySelector('[role=status][aria-live=polite]')).not.toBeNull();
  });
});

describe('popup helpers', () => {
  it('groupByArea drops empty areas', () => {
    expect(groupByArea(foundationFindings()).map((group) => group.area)).toEqual(['Requests', 'Storage', 'Code', 'Page']);
    expect(groupByArea([])).toEqual([]);
  });

  it('shortWhere names the most specific place', () => {
    const [aws, jwt, url, global] = foundationFindings();
    expect(shortWhere(aws!)).toBe('script bundle · app.js:14:71');
    expect(shortWhere(jwt!)).toBe('localStorage · auth.session · $.accessToken');
    expect(shortWhere(url!)).toBe('request URL · api.example.test · param access_token');
    expect(shortWhere(global!)).toBe('window global · window.firebaseConfig · $.apiKey');
  });

  it('sourceTarget never offers a URL with a redacted credential or a request', () => {
    expect(sourceTarget(makeFinding({ source: 'script', location: { url: 'https://a.test/app.js?sig=[redacted]', line: 1 } }))).toBeUndefined();
    expect(sourceTarget(makeFinding({ source: 'request-url', location: { url: 'https://a.test/x' } }))).toBeUndefined();
    expect(sourceTarget(makeFinding({ source: 'inline-script', location: { url: 'https://a.test/', line: 3 } }))).toEqual({ url: 'https://a.test/' });
  });

  it('exportFileName keeps only safe characters', () => {
    expect(exportFileName('we ird/../host', 'md', new Date(2025, 2, 1, 9, 5))).toBe('leaklens-we_ird_.._host-20250301-0905.md');
  });
});

describe('DevTools panel variant', () => {
  const shownRules = () => cards().map((li) => li.dataset.rule);

  it('filters by severity, area and text, saying how many are shown', async () => {
    await mount({}, 'panel');
    expect(root.querySelector('main')!.classList.contains('panel')).toBe(true);
    expect(text(root.querySelector('.shown-count'))).toBe('4 of 4');
    await click(button('info'));
    expect(button('info').getAttribute('aria-pressed')).toBe('false');
    expect(shownRules()).not.toContain('firebase-api-key');
    expect(text(root.querySelector('.shown-count'))).toBe('3 of 4');

    const area = root.querySelector<HTMLSelectElement>('.filters select')!;
    await act(() => {
      area.value = 'Storage';
      area.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(shownRules()).toEqual(['jwt']);

    await act(() => {
      area.value = '';
      area.dispatchEvent(new Event('change', { bubbles: true }));
    });
    const search = root.querySelector<HTMLInputElement>('.filters input[type=search]')!;
    await act(() => {
      search.value = 'APP.JS';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(shownRules()).toEqual(['aws-access-key-id']);
    await act(() => {
      search.value = 'nothing like this';
      search.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(text(root.querySelector('.state'))).toBe('No finding matches these filters.');
  });

  it('opens a script in the Sources panel at the line', async () => {
    const connector = await mount({}, 'panel');
    await click(button('Open in Sources (line 14)', card('aws-access-key-id')!));
    expect(connector.called('openSource')).toEqual([['https://app.example.test/static/app.js', 14, 71]]);
    expect(text(root.querySelector('.toast'))).toBe('Opened in the Sources panel at line 14, column 71.');
  });

  it('the popup has no filter bar', async () => {
    await mount();
    expect(root.querySelector('.filters')).toBeNull();
  });

  it('filterFindings: every severity and no text shows everything; text matches location and masked value', () => {
    const all = foundationFindings();
    const everything = { severities: new Set(SEVERITIES), area: undefined, text: '' };
    expect(filterFindings(all, everything)).toHaveLength(4);
    expect(filterFindings(all, { ...everything, text: 'access_token' }).map((f) => f.ruleId)).toEqual(['url-credential-parameter']);
    expect(filterFindings(all, { ...everything, text: 'yuqj' }).map((f) => f.ruleId)).toEqual(['aws-access-key-id']);
    expect(filterFindings(all, { ...everything, severities: new Set() })).toEqual([]);
  });
});
