import { describe, expect, it } from 'vitest';
import { inspectRequest } from '../../src/engine/inspectors/exchange.ts';
import { headerCredentialKind } from '../../src/engine/inspectors/parameter-names.ts';
import { fakeOpaqueToken } from '../support/fake-secrets.ts';
import { chromeHeaders, expectNoRawValues, fakeOpenAiKey, fakeSendgridKey, sha32 } from './network-fixtures.ts';

const request = (extra: Record<string, string>, url = 'https://api.example.test/v1/mail/send') =>
  inspectRequest({ url, method: 'POST', type: 'xmlhttprequest', documentUrl: 'https://app.example.test', headers: chromeHeaders(extra) });

describe('request headers', () => {
  it('rates a SendGrid key in x-api-key critical: a provider secret key used from the browser', () => {
    const key = fakeSendgridKey();
    const findings = request({ 'x-api-key': key });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'sendgrid-api-key', severity: 'critical', source: 'request-header', location: { header: 'x-api-key', url: 'https://api.example.test/v1/mail/send' }, secretHash: sha32(key) });
    expectNoRawValues(findings, key);
  });

  it('rates an OpenAI key sent as a bearer token critical', () => {
    const key = fakeOpenAiKey();
    const [finding] = request({ Authorization: `Bearer ${key}` }, 'https://api.openai.com/v1/chat/completions');
    expect(finding).toMatchObject({ ruleId: 'openai-api-key', severity: 'critical', location: { header: 'Authorization' } });
  });

  it('reports an unrecognised value in a key-named header low (it may be a publishable key)', () => {
    const value = fakeOpaqueToken(32);
    const [finding] = request({ 'X-Api-Key': value });
    expect(finding).toMatchObject({ ruleId: 'request-header-credential', severity: 'low', title: 'API key sent in the X-Api-Key header' });
  });

  it('does not report browser headers, anti-forgery tokens, token headers over HTTPS or cookies over HTTPS', () => {
    const findings = request({
      'X-CSRF-Token': fakeOpaqueToken(40),
      'X-XSRF-TOKEN': fakeOpaqueToken(40),
      'X-Session-Token': fakeOpaqueToken(40),
      'X-Request-Id': crypto.randomUUID(),
      Cookie: `sid=${fakeOpaqueToken()}; theme=dark`,
      traceparent: `00-${'a'.repeat(32)}-${'b'.repeat(16)}-01`,
    });
    expect(findings).toEqual([]);
  });

  it('classifies header names without the X- prefix and never as OAuth codes', () => {
    expect(headerCredentialKind('X-Api-Key')).toBe('api-key');
    expect(headerCredentialKind('X-Goog-Api-Key')).toBe('api-key');
    expect(headerCredentialKind('X-Auth-Token')).toBe('token');
    expect(headerCredentialKind('X-CSRF-Token')).toBeUndefined();
    expect(headerCredentialKind('X-Code')).toBeUndefined();
    expect(headerCredentialKind('X-Monkey')).toBeUndefined();
  });

  it('finds the same key once across fifty requests to the same host (one fingerprint)', () => {
    const key = fakeSendgridKey();
    const prints = new Set(Array.from({ length: 50 }, (_, i) => request({ 'x-api-key': key }, `https://api.example.test/v1/mail/${i}`)[0]!.fingerprint));
    expect(prints.size).toBe(1);
    expect(request({ 'x-api-key': key }, 'https://other.example.test/v1/mail')[0]!.fingerprint).not.toBe([...prints][0]);
  });
});
