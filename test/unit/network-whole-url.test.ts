/**
 * Rules whose secret is a whole URL (webhooks) or needs the URL around it (keys known by their
 * endpoint), on the URLs the browser requests. A page that posts to a Slack webhook from the browser
 * hands the webhook to anyone who opens DevTools: the request itself must be reported, once, with the
 * URL redacted. Fake values are expanded from templates at test time (the rules' own sample syntax).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createScanner, RULES, scanText, setActiveScanner } from '../../src/engine/index.ts';
import { inspectRequest } from '../../src/engine/inspectors/exchange.ts';
import { inspectParsedUrl, inspectUrl, redactUrl } from '../../src/engine/inspectors/url.ts';
import { isWholeUrlRule, matchWholeUrl } from '../../src/engine/inspectors/whole-url.ts';
import type { Rule } from '../../src/engine/types.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { createSampleGenerator } from '../support/sample-generator.ts';
import { chromeHeaders, expectNoRawValues, sha32 } from './network-fixtures.ts';

const gen = createSampleGenerator(0x3eb400c5);
const fake = (template: string) => gen.expand(template);
const GUID = '{{hex:8}}-{{hex:4}}-{{hex:4}}-{{hex:4}}-{{hex:12}}';
// The workspace id starts `T0` so it never reads as a route word: the redacted form is then fixed.
const slackWebhook = () => fake('https://hooks.slack.com/services/T0{{alnumupper:9}}/B{{alnumupper:10}}/{{alnum:24}}');
const discordWebhook = () => fake('https://discord.com/api/webhooks/{{digits:19}}/{{base64url:68}}');
const teamsWebhook = () => fake(`https://contoso.webhook.office.com/webhookb2/${GUID}@${GUID}/IncomingWebhook/{{hex:32}}/${GUID}/V2{{base64url:40}}`);
const lastSegment = (url: string) => new URL(url).pathname.split('/').pop()!;

const PAGE = 'https://app.example.test';
/** How a page posts a message to a webhook with fetch: a JSON body with nothing secret in it. */
function post(url: string, extra: Partial<Parameters<typeof inspectRequest>[0]> = {}): Finding[] {
  return inspectRequest({
    url,
    method: 'POST',
    type: 'xmlhttprequest',
    documentUrl: PAGE,
    headers: chromeHeaders({ 'Content-Type': 'application/json' }),
    body: { kind: 'text', text: '{"text":"Deploy finished"}' },
    ...extra,
  });
}

afterEach(() => setActiveScanner(undefined));

describe('whole-URL rules: which rules', () => {
  it('takes the webhook and endpoint-keyed rules, not public ids, bare-scheme rules or token shapes', () => {
    const selected = RULES.filter(isWholeUrlRule).map((rule) => rule.id);
    expect(selected).toEqual(
      expect.arrayContaining([
        'slack-webhook-url',
        'slack-workflow-webhook-url',
        'discord-webhook-url',
        'teams-incoming-webhook-url',
        'teams-workflow-webhook-url',
        'google-chat-webhook-url',
        'mattermost-webhook-url',
        'zapier-webhook-url',
        'make-webhook-url',
        'pipedream-webhook-url',
        'ifttt-webhook-key',
        'azure-functions-key',
      ]),
    );
    // Public by design (meant to be in the URLs a browser loads), run on every URL (`https://`
    // keyword; its user-info catch is the URL inspector's own), schemes browsers never request, and
    // rules that recognise a value alone (the parameter and segment scans already run those).
    for (const id of ['paypal-client-id', 'sentry-dsn', 'http-basic-auth-url', 'postgres-connection-string', 'slack-bot-token', 'jwt']) expect(selected).not.toContain(id);
  });

  it('costs an ordinary request one keyword test and no scan', () => {
    expect(matchWholeUrl('https://api.example.test/v1/orders?page=2&sort=created_at')).toEqual([]);
    expect(matchWholeUrl(`https://api.example.test/v1/items/${crypto.randomUUID()}`)).toEqual([]);
  });
});

describe('whole-URL rules: requests to webhooks', () => {
  it('reports a POST to a Slack webhook once, high, at the redacted request URL', () => {
    const url = slackWebhook();
    const findings = post(url);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'slack-webhook-url',
      severity: 'high',
      source: 'request-url',
      exposure: 'secret',
      secretHash: sha32(url),
      location: { url: 'https://hooks.slack.com/services/[redacted]' },
    });
    // A position inside a URL means nothing to a reader (as for parameters and path segments).
    expect(findings[0]!.location).not.toHaveProperty('line');
    expectNoRawValues(findings, url, lastSegment(url));
  });

  it('gives the finding the same rule metadata as the same URL found in code', () => {
    const url = slackWebhook();
    const [inRequest] = post(url);
    const [inCode] = scanText(`fetch("${url}",{method:"POST",body:JSON.stringify(msg)})`, { source: 'script', location: { url: `${PAGE}/main.js` } });
    const same = ({ ruleId, title, severity, exposure, verification, description, remediation, preview, secretHash }: Finding) => ({ ruleId, title, severity, exposure, verification, description, remediation, preview, secretHash });
    expect(same(inRequest!)).toEqual(same(inCode!));
  });

  it('reports a Discord webhook (with ?wait=true) and a Teams webhook once each', () => {
    const discord = `${discordWebhook()}?wait=true`;
    const discordFindings = post(discord);
    expect(discordFindings.map((f) => [f.ruleId, f.severity, f.location.url])).toEqual([['discord-webhook-url', 'high', 'https://discord.com/api/webhooks/[redacted]?wait=true']]);
    expectNoRawValues(discordFindings, lastSegment(discord));

    const teams = teamsWebhook();
    const teamsFindings = post(teams);
    expect(teamsFindings.map((f) => [f.ruleId, f.severity, f.location.url])).toEqual([['teams-incoming-webhook-url', 'high', 'https://contoso.webhook.office.com/webhookb2/[redacted]']]);
    expectNoRawValues(teamsFindings, lastSegment(teams));
  });

  it('names the parameter when the secret is one (Google Chat token), instead of a second, name-based finding', () => {
    const token = fake('{{base64url:43}}');
    const findings = post(fake(`https://chat.googleapis.com/v1/spaces/AAAA{{base64url:7}}/messages?key=AIza{{base64url:35}}&token=${token}%3D`));
    // The space's `key` is a separate value (Google's API key rule judges it); the token is reported once.
    expect(findings.map((f) => [f.ruleId, f.location.parameter]).sort()).toEqual([
      ['google-api-key', 'key'],
      ['google-chat-webhook-url', 'token'],
    ]);
    expectNoRawValues(findings, token);
  });

  it('reports a workflow trigger URL as the capability it is, not also as an expiring signed URL', () => {
    const url = fake('https://prod-42.westeurope.logic.azure.com:443/workflows/{{hex:32}}/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig={{base64url:43}}');
    expect(post(url).map((f) => [f.ruleId, f.severity, f.location.parameter])).toEqual([['teams-workflow-webhook-url', 'high', 'sig']]);
  });

  it('reports a key in a WebSocket URL with the websocket source (Azure Functions SignalR negotiate)', () => {
    const code = fake('{{base64url:54}}==');
    const findings = inspectRequest({ url: `wss://demo-fn.azurewebsites.net/api/negotiate?code=${code}`, type: 'websocket', documentUrl: PAGE });
    expect(findings.map((f) => [f.ruleId, f.source, f.location.parameter, f.location.url])).toEqual([['azure-functions-key', 'websocket', 'code', 'wss://demo-fn.azurewebsites.net/api/negotiate?code=[redacted]']]);
    expectNoRawValues(findings, code);
  });

  it('reports a key-bearing page URL leaking to another site in Referer, pointing at the request', () => {
    const code = fake('{{base64url:54}}==');
    const findings = inspectRequest({
      url: 'https://cdn.thirdparty.test/pixel.gif',
      type: 'image',
      documentUrl: 'https://demo-fn.azurewebsites.net',
      headers: chromeHeaders({ Referer: `https://demo-fn.azurewebsites.net/api/report?code=${code}` }),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'azure-functions-key', source: 'referer', location: { header: 'referer', parameter: 'code', url: 'https://cdn.thirdparty.test/pixel.gif' } });
    expect(findings[0]!.title).toMatch(/sent to cdn\.thirdparty\.test in Referer$/);
    expectNoRawValues(findings, code);
  });

  it('turns a webhook posted over plain HTTP into one cleartext finding', () => {
    const url = fake('http://mattermost.demo.test/hooks/{{alnumlower:25}}4');
    const findings = post(url, { documentUrl: 'http://mattermost.demo.test' });
    expect(findings.map((f) => [f.ruleId, f.source, f.severity, f.details?.sentAs])).toEqual([['mattermost-webhook-url', 'cleartext', 'high', 'request-url']]);
    expectNoRawValues(findings, lastSegment(url));
  });

  it('gives the cleartext and mixed-content inspectors one reported sighting of the webhook', () => {
    const url = slackWebhook();
    const { findings, sightings } = inspectParsedUrl(new URL(url), url, { source: 'request-url' });
    expect(sightings.map((s) => [s.label, s.reported, s.value === url])).toEqual([['Slack incoming webhook URL', true, true]]);
    expectNoRawValues(findings, url);
  });
});

describe('whole-URL rules: one finding per secret', () => {
  it('leaves a webhook URL inside a parameter to the parameter (located by its name)', () => {
    const webhook = slackWebhook();
    const findings = post(`${PAGE}/share?next=${webhook}`, { method: 'GET', body: undefined });
    expect(findings.map((f) => [f.ruleId, f.location.parameter])).toEqual([['slack-webhook-url', 'next']]);
    // Inside a longer value too: both scans see the same rule and value; the parameter's finding stays.
    const inText = post(`${PAGE}/share?text=Alerts+go+to+${webhook}+now`, { method: 'GET', body: undefined });
    expect(inText.map((f) => [f.ruleId, f.location.parameter])).toEqual([['slack-webhook-url', 'text']]);
  });

  it('does not also report a path segment the engine recognises on its own', () => {
    // A rule that knows the webhook's token segment by itself: the segment scan finds it, and it must
    // fold into the webhook finding rather than stand beside it.
    const segmentRule: Rule = {
      id: 'test-zz-token',
      title: 'Test token',
      provider: 'Test',
      category: 'generic',
      keywords: ['zz'],
      pattern: /(?<![A-Za-z0-9])zz[A-Za-z0-9]{22}(?![A-Za-z0-9])/,
      severity: 'high',
      exposure: 'secret',
      description: 'Test.',
      remediation: 'Test.',
      samples: { positives: [], negatives: [] },
    };
    setActiveScanner(createScanner([...RULES, segmentRule]));
    const token = fake('zz{{alnum:22}}');
    expect(inspectUrl(`https://api.example.test/v1/${token}`, { source: 'request-url' }).map((f) => [f.ruleId, f.location.keyPath])).toEqual([['test-zz-token', 'path']]);
    const findings = post(fake(`https://hooks.slack.com/services/T0{{alnumupper:9}}/B{{alnumupper:10}}/${token}`));
    expect(findings.map((f) => f.ruleId)).toEqual(['slack-webhook-url']);
  });

  it('reports an Azure DevOps PAT in user info as the PAT, not also as a generic embedded password', () => {
    const pat = fake('{{chars:abcdefghijklmnopqrstuvwxyz234567:52}}');
    const findings = inspectRequest({ url: `https://build:${pat}@dev.azure.com/acme/_git/web/info/refs`, documentUrl: PAGE });
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.url])).toEqual([['azure-devops-legacy-personal-access-token', 'critical', 'https://build:redacted@dev.azure.com/acme/_git/web/info/refs']]);
    expectNoRawValues(findings, pat);
  });

  it('follows the settings: a scanner without the Slack rules reports nothing whole-URL', () => {
    setActiveScanner(createScanner(RULES.filter((rule) => !rule.id.startsWith('slack-'))));
    expect(post(slackWebhook())).toEqual([]);
  });
});

describe('whole-URL rules: not webhooks', () => {
  it.each([
    ['a Slack webhook path without its token', () => fake('https://hooks.slack.com/services/T0{{alnumupper:9}}/B{{alnumupper:10}}')],
    ['a documented placeholder webhook', () => 'https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX'],
    ['the bare webhook host', () => 'https://hooks.slack.com/'],
    ['a Discord webhook id without its token', () => fake('https://discord.com/api/webhooks/{{digits:19}}')],
    ['a Discord API call', () => 'https://discord.com/api/v10/users/@me'],
    ['an ordinary API call', () => 'https://api.example.test/v1/orders?page=2&sort=created_at'],
  ])('reports nothing for %s', (_label, url) => {
    expect(post(url())).toEqual([]);
  });
});

describe('redactUrl: whole-URL secrets', () => {
  it.each([
    ['Slack', slackWebhook, 'https://hooks.slack.com/services/[redacted]'],
    ['Discord', discordWebhook, 'https://discord.com/api/webhooks/[redacted]'],
    ['Teams', teamsWebhook, 'https://contoso.webhook.office.com/webhookb2/[redacted]'],
    ['Zapier', () => fake('https://hooks.zapier.com/hooks/catch/{{digits:7}}/{{alnumlower:7}}/'), 'https://hooks.zapier.com/hooks/catch/[redacted]/'],
    ['Make', () => fake('https://hook.eu1.make.com/{{alnumlower:32}}'), 'https://hook.eu1.make.com/[redacted]'],
    // Only the key is the secret: the route and event name stay readable.
    ['IFTTT', () => fake('https://maker.ifttt.com/trigger/door_open/with/key/{{base64url:22}}'), 'https://maker.ifttt.com/trigger/door_open/with/key/[redacted]'],
    // The host is the secret: its first label goes (a host name cannot hold brackets).
    ['Pipedream', () => fake('https://eo{{alnumlower:14}}.m.pipedream.net/'), 'https://[redacted].m.pipedream.net/'],
  ])('%s: keeps the route, drops the secret part', (_provider, make, expected) => {
    const url = make();
    expect(redactUrl(url)).toBe(expected);
  });
});
