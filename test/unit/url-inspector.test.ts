import { describe, expect, it } from 'vitest';
import { credentialKind, normalizeParameterName } from '../../src/engine/inspectors/parameter-names.ts';
import { inspectUrl, redactUrl } from '../../src/engine/inspectors/url.ts';
import { fakeJwt, fakeOpaqueToken } from '../support/fake-secrets.ts';

describe('parameter names', () => {
  it('normalises camelCase, kebab and snake to whole tokens', () => {
    expect(normalizeParameterName('accessToken')).toBe('access_token');
    expect(normalizeParameterName('X-Api-Key')).toBe('x_api_key');
    expect(normalizeParameterName('CLIENT_SECRET')).toBe('client_secret');
    expect(normalizeParameterName('oauthToken')).toBe('oauth_token');
  });
  it.each(['access_token', 'id_token', 'refresh_token', 'token', 'auth', 'api_key', 'apikey', 'client_secret', 'secret', 'password', 'pwd', 'session', 'jwt', 'sessionToken', 'githubToken', 'X-API-KEY'])(
    '%s is a credential name',
    (name) => expect(credentialKind(name)).toBeDefined(),
  );
  it.each(['passiveAuth', 'monkey', 'authorName', 'tokenizer', 'keyboard', 'page_token', 'nextPageToken', 'csrf_token', 'state', 'author', 'secretary', 'passport', 'q'])(
    '%s is not a credential name',
    (name) => expect(['weak-key', undefined]).toContain(credentialKind(name)),
  );
});

describe('inspectUrl', () => {
  it('reports a token in a query parameter as high, with the parameter name and a redacted URL', () => {
    const token = fakeOpaqueToken();
    const findings = inspectUrl(`https://api.example.test/v1/profile?access_token=${token}&page=2`, { source: 'request-url' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'url-credential-parameter', severity: 'high', source: 'request-url', location: { parameter: 'access_token' } });
    expect(findings[0]!.location.url).toBe('https://api.example.test/v1/profile?access_token=[redacted]&page=2');
    expect(JSON.stringify(findings)).not.toContain(token);
  });
  it('recognises a JWT by value whatever the parameter is called, and in fragments', () => {
    const jwt = fakeJwt({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 300 });
    const [inQuery] = inspectUrl(`https://a.example.test/cb?data=${jwt}`, { source: 'request-url' });
    expect(inQuery).toMatchObject({ ruleId: 'jwt', severity: 'high' });
    const [inFragment] = inspectUrl(`https://a.example.test/cb#id_token=${jwt}&state=abc`, { source: 'request-url' });
    expect(inFragment).toMatchObject({ ruleId: 'jwt', location: { parameter: '#id_token' } });
  });
  it('does not flag non-credential names, short values, placeholders or low-entropy keys', () => {
    const cases = [
      `https://a.example.test/?passiveAuth=${fakeOpaqueToken()}`,
      `https://a.example.test/?monkey=${fakeOpaqueToken()}`,
      'https://a.example.test/?token=abc',
      'https://a.example.test/?token=true',
      'https://a.example.test/?api_key=xxxxxxxxxxxx',
      'https://a.example.test/?key=aaaaaaaaaaaaaaaaaaaa',
      `https://a.example.test/?next_page_token=${fakeOpaqueToken()}`,
    ];
    for (const url of cases) expect(inspectUrl(url, { source: 'request-url' }), url).toEqual([]);
  });
  it('rates an OAuth code low and a high-entropy `key` as a credential', () => {
    expect(inspectUrl(`https://a.example.test/cb?code=${fakeOpaqueToken(24)}&state=s1`, { source: 'request-url' })[0]).toMatchObject({ ruleId: 'url-oauth-code', severity: 'low' });
    expect(inspectUrl(`https://a.example.test/x?key=${fakeOpaqueToken(32)}`, { source: 'request-url' })[0]).toMatchObject({ ruleId: 'url-credential-parameter' });
  });
  it('finds a JWT in a path segment', () => {
    const jwt = fakeJwt({ sub: 'x' });
    const [finding] = inspectUrl(`https://a.example.test/reset/${jwt}`, { source: 'request-url' });
    expect(finding).toMatchObject({ ruleId: 'jwt', location: { keyPath: 'path', url: 'https://a.example.test/reset/[redacted]' } });
  });
  it('de-duplicates the same token across paths on one host via its identity', () => {
    const token = fakeOpaqueToken();
    const a = inspectUrl(`https://api.example.test/a?token=${token}`, { source: 'request-url' })[0]!;
    const b = inspectUrl(`https://api.example.test/b?token=${token}`, { source: 'request-url' })[0]!;
    expect(a.fingerprint).toBe(b.fingerprint);
  });
});

describe('redactUrl', () => {
  it('removes credentials from query, fragment, user info and secret-looking path segments', () => {
    const token = fakeOpaqueToken();
    const redacted = redactUrl(`https://user:pw@a.example.test/x?session_token=${token}&q=shoes#access_token=${token}`);
    expect(redacted).not.toContain(token);
    expect(redacted).not.toContain(':pw@');
    expect(redacted).toContain('q=shoes');
  });
  it('survives garbage', () => {
    expect(redactUrl('not a url')).toBe('not a url');
  });
});
