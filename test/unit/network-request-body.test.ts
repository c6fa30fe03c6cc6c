import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inspectRequest, type RequestBody } from '../../src/engine/inspectors/exchange.ts';
import { MAX_BODY_CHARS } from '../../src/engine/inspectors/request-body.ts';
import { fakeAwsKeyId, fakeOpaqueToken } from '../support/fake-secrets.ts';
import { expectNoRawValues, fakePassword, fakeStripeSecret, headers, sha32 } from './network-fixtures.ts';

const post = (url: string, body: RequestBody, contentType?: string) =>
  inspectRequest({ url, method: 'POST', type: 'xmlhttprequest', documentUrl: 'https://app.example.test', body, ...(contentType ? { headers: headers({ 'Content-Type': contentType }) } : {}) });

describe('request bodies', () => {
  it('rates an OAuth client_secret sent with a grant_type critical ("client secret used from the browser")', () => {
    const secret = fakeOpaqueToken(40);
    const findings = post('https://auth.example.test/oauth/token', {
      kind: 'form',
      fields: [
        ['grant_type', 'authorization_code'],
        ['code', fakeOpaqueToken(32)],
        ['client_id', 'dashboard'],
        ['client_secret', secret],
        ['redirect_uri', 'https://app.example.test/callback'],
      ],
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'oauth-client-secret-in-browser',
      severity: 'critical',
      source: 'request-body',
      location: { parameter: 'client_secret', url: 'https://auth.example.test/oauth/token' },
      details: { grantType: 'authorization_code' },
      secretHash: sha32(secret),
    });
    expectNoRawValues(findings, secret);
  });

  it('finds the same in a url-encoded text body (raw bytes) and in JSON', () => {
    const secret = fakeOpaqueToken(40);
    const urlEncoded = post('https://auth.example.test/token', { kind: 'text', text: `grant_type=refresh_token&refresh_token=${fakeOpaqueToken()}&client_secret=${secret}` }, 'application/x-www-form-urlencoded');
    expect(urlEncoded.map((f) => [f.ruleId, f.severity, f.location.parameter])).toEqual([['oauth-client-secret-in-browser', 'critical', 'client_secret']]);
    const json = post('https://auth.example.test/token', { kind: 'text', text: JSON.stringify({ grant_type: 'client_credentials', client_id: 'x', client_secret: secret }) }, 'application/json');
    expect(json[0]).toMatchObject({ ruleId: 'oauth-client-secret-in-browser', location: { jsonPath: '$.client_secret' } });
  });

  it('rates a client secret without OAuth parameters high, not critical', () => {
    const [finding] = post('https://api.example.test/v1/verify', { kind: 'text', text: JSON.stringify({ clientSecret: fakeOpaqueToken(32) }) }, 'application/json');
    expect(finding).toMatchObject({ ruleId: 'oauth-client-secret-in-browser', severity: 'high', location: { jsonPath: '$.clientSecret' } });
  });

  it('lists a sign-in password low (HTTPS), the password grant medium', () => {
    const password = fakePassword();
    const signIn = post('https://api.example.test/v1/session', { kind: 'text', text: JSON.stringify({ email: 'dana@example.test', password }) }, 'application/json');
    expect(signIn.map((f) => [f.ruleId, f.severity, f.location.jsonPath])).toEqual([['request-body-password', 'low', '$.password']]);
    const grant = post('https://auth.example.test/oauth/token', { kind: 'form', fields: [['grant_type', 'password'], ['username', 'dana'], ['password', password], ['client_id', 'spa']] });
    expect(grant.map((f) => [f.ruleId, f.severity, f.location.parameter])).toEqual([['oauth-password-grant', 'medium', 'password']]);
    expectNoRawValues([...signIn, ...grant], password);
  });

  it('reads multipart text parts and skips file parts', () => {
    const secret = fakeOpaqueToken(40);
    const boundary = '----leaklens' + fakeOpaqueToken(8);
    const text = [
      `--${boundary}`,
      'Content-Disposition: form-data; name="client_secret"',
      '',
      secret,
      `--${boundary}`,
      'Content-Disposition: form-data; name="avatar"; filename="a.png"',
      'Content-Type: image/png',
      '',
      `password=${fakePassword()}`,
      `--${boundary}`,
      'Content-Disposition: form-data; name="grant_type"',
      '',
      'client_credentials',
      `--${boundary}--`,
      '',
    ].join('\r\n');
    const findings = post('https://auth.example.test/token', { kind: 'text', text }, `multipart/form-data; boundary=${boundary}`);
    expect(findings.map((f) => [f.ruleId, f.location.parameter])).toEqual([['oauth-client-secret-in-browser', 'client_secret']]);
  });

  it('runs the engine over fields and plain text: provider keys, private keys', () => {
    const stripe = fakeStripeSecret();
    const [inJson] = post('https://api.example.test/v1/pay', { kind: 'text', text: JSON.stringify({ config: { key: stripe } }) }, 'application/json');
    expect(inJson).toMatchObject({ ruleId: 'stripe-secret-key', severity: 'critical', location: { jsonPath: '$.config.key' } });
    const keyId = fakeAwsKeyId();
    const [inText] = post('https://api.example.test/v1/log', { kind: 'text', text: `deploy ok\nuser=ci key=${keyId}\n` }, 'text/plain');
    expect(inText).toMatchObject({ ruleId: 'aws-access-key-id', source: 'request-body' });
    expect(inText!.location.line).toBeUndefined();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
    const pem = post('https://api.example.test/v1/sign', { kind: 'text', text: JSON.stringify({ private_key: privateKey }) }, 'application/json');
    expect(pem.some((f) => f.severity === 'critical' && f.location.jsonPath === '$.private_key'), JSON.stringify(pem.map((f) => f.ruleId))).toBe(true);
    expectNoRawValues([...pem, inJson!, inText!], stripe, keyId, privateKey.split('\n')[1]!);
  });

  it('does not report non-credential fields, placeholders or anti-forgery tokens', () => {
    const findings = post('https://api.example.test/v1/profile', {
      kind: 'form',
      fields: [
        ['passiveAuth', fakeOpaqueToken(32)],
        ['monkey', fakeOpaqueToken(32)],
        ['csrf_token', fakeOpaqueToken(32)],
        ['password', '********'],
        ['new_password', ''],
        ['author', 'Dana Whitaker'],
      ],
    });
    expect(findings).toEqual([]);
  });

  it('scans a huge body up to its bound and says so', () => {
    const keyId = fakeAwsKeyId();
    const text = `${'x'.repeat(100)} ${keyId} ${'y'.repeat(MAX_BODY_CHARS)} ${fakeAwsKeyId()}`;
    const findings = post('https://api.example.test/upload', { kind: 'text', text }, 'text/plain');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.secretHash).toBe(sha32(keyId));
    expect(findings[0]!.details?.bodyTruncatedAt).toBe(MAX_BODY_CHARS);
  });
});
