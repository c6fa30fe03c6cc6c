import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeBase64Text, findEncodedSegments } from '../../src/engine/decode.ts';
import { scanText } from '../../src/engine/index.ts';
import { KeywordIndex } from '../../src/engine/keyword-index.ts';
import { unboundedQuantifier } from '../../src/engine/pattern-safety.ts';
import { maskSecret } from '../../src/engine/redact.ts';
import { capByExposure } from '../../src/engine/severity.ts';
import { secretHash, sha256Hex } from '../../src/engine/sha256.ts';
import { scanMaybeJson } from '../../src/engine/structured.ts';
import { decodeAwsAccountId, validateAwsAccessKeyId } from '../../src/engine/validators/aws.ts';
import { analyzeJwt } from '../../src/engine/validators/jwt.ts';
import { fakeAwsKeyId, fakeAwsSecret, fakeJwt, randomFrom } from '../support/fake-secrets.ts';

describe('sha256', () => {
  it('matches node:crypto on ASCII, UTF-8 and block-boundary inputs', () => {
    for (const input of ['', 'abc', 'é€😀', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'y'.repeat(1000)]) {
      expect(sha256Hex(input)).toBe(createHash('sha256').update(input, 'utf8').digest('hex'));
    }
  });
  it('secretHash is the first 32 hex characters', () => {
    expect(secretHash('abc')).toBe(createHash('sha256').update('abc').digest('hex').slice(0, 32));
  });
});

describe('KeywordIndex', () => {
  it('finds every occurrence case-insensitively, including overlapping keywords', () => {
    const index = new KeywordIndex(['akia', 'kia', 'sk_live_', 'secret']);
    const hits: [string, number][] = [];
    index.scan('xAKIAy SK_LIVE_z client_Secret akia', (keyword, start) => hits.push([index.keywords[keyword]!, start]));
    expect(hits).toEqual([
      ['akia', 1],
      ['kia', 2],
      ['sk_live_', 7],
      ['secret', 24],
      ['akia', 31],
      ['kia', 32],
    ]);
  });
  it('resets on non-ASCII characters and rejects non-ASCII keywords', () => {
    const index = new KeywordIndex(['token']);
    const hits: number[] = [];
    index.scan('tok€en token', (_k, start) => hits.push(start));
    expect(hits).toEqual([7]);
    expect(() => new KeywordIndex(['tökén'])).toThrow(/ASCII/);
  });
});

describe('maskSecret', () => {
  it('keeps a known prefix and at most the last four characters', () => {
    const key = `sk_live_${randomFrom('abcdefghijklmnop0123456789', 24)}`;
    const preview = maskSecret(key);
    expect(preview.startsWith('sk_live_…')).toBe(true);
    expect(preview).toContain(key.slice(-4));
    expect(preview).not.toContain(key.slice(8, 20));
  });
  it('reveals nothing of short values', () => {
    expect(maskSecret('hunter22')).not.toContain('hunter');
  });
});

describe('decoding', () => {
  it('finds a JWT hidden in base64 and in percent-encoding', () => {
    const jwt = fakeJwt({ sub: 'u1', exp: 4102444800 });
    const b64 = Buffer.from(`{"token":"${jwt}"}`).toString('base64');
    const found = scanText(`payload=${b64}`, { source: 'file', location: { file: 'x' } });
    expect(found.map((f) => f.ruleId)).toContain('jwt');
    expect(found[0]!.details?.encoding).toBe('base64');
    const pct = encodeURIComponent(`{"t":"${jwt}"}`).replace(/\./g, '%2E');
    expect(scanText(`q=${pct}`, { source: 'file', location: {} }).map((f) => f.ruleId)).toContain('jwt');
  });
  it('ignores base64 that decodes to binary', () => {
    expect(decodeBase64Text(Buffer.from(Array.from({ length: 64 }, (_, i) => i * 7 % 256)).toString('base64'))).toBeUndefined();
  });
  it('decodes JS escapes', () => {
    const segments = findEncodedSegments('"\\u0041KIA\\u0020\\x41\\/x"');
    expect(segments.some((segment) => segment.decoded.includes('AKIA A/x'))).toBe(true);
  });
});

describe('scanText', () => {
  it('reports line and column of the secret, not of the match context', () => {
    const id = fakeAwsKeyId();
    const text = `line one\n  const k = {accessKeyId:"${id}"};\n`;
    const [finding] = scanText(text, { source: 'file', location: { file: 'a.js' } });
    const column = text.split('\n')[1]!.indexOf(id) + 1;
    expect(column).toBe(27);
    expect(finding).toMatchObject({ ruleId: 'aws-access-key-id', location: { file: 'a.js', line: 2, column } });
  });
  it('pairs an AWS key id with its nearby secret into one critical finding', () => {
    const id = fakeAwsKeyId();
    const secret = fakeAwsSecret().replace(/[/+]/g, 'Q');
    const text = `{region:"us-east-1",accessKeyId:"${id}",secretAccessKey:"${secret}"}`;
    const findings = scanText(text, { source: 'script', location: { url: 'https://x.test/app.js' } });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'aws-access-key-id', severity: 'critical', exposure: 'secret', verification: 'verified' });
    expect(findings[0]!.details?.accountId).toMatch(/^\d{12}$/);
    expect(JSON.stringify(findings)).not.toContain(secret);
    expect(JSON.stringify(findings)).not.toContain(id);
  });
  it('treats the AWS documentation key as an example (never above low)', () => {
    const [finding] = scanText('aws_access_key_id = AKIAIOSFODNN7EXAMPLE', { source: 'file', location: {} });
    expect(finding).toMatchObject({ exposure: 'example', severity: 'info' });
  });
  it('is stable: same input, same fingerprints; different place, different fingerprint', () => {
    const text = `k="${fakeAwsKeyId()}"`;
    const a = scanText(text, { source: 'file', location: { file: 'a.js' } });
    const b = scanText(text, { source: 'file', location: { file: 'a.js' } });
    const c = scanText(text, { source: 'file', location: { file: 'b.js' } });
    expect(a[0]!.fingerprint).toBe(b[0]!.fingerprint);
    expect(a[0]!.fingerprint).not.toBe(c[0]!.fingerprint);
    expect(a[0]!.secretHash).toBe(c[0]!.secretHash);
  });
});

describe('JWT analysis and placement', () => {
  const now = 1_800_000_000;
  it('reads alg, lifetime, issuer, scope and flags alg none', () => {
    const token = fakeJwt({ sub: 'a', iat: now, exp: now + 30 * 86400, iss: 'https://auth.test/', scope: 'openid email' });
    expect(analyzeJwt(token, now)).toMatchObject({ verdict: 'valid', details: { alg: 'HS256', lifetimeHours: 720, issuer: 'https://auth.test/', scope: 'openid email' } });
    expect(analyzeJwt(fakeJwt({ sub: 'a' }, { alg: 'none' }), now)).toMatchObject({ severity: 'high', details: { noExpiry: true } });
  });
  it('tells Supabase service_role from anon', () => {
    expect(analyzeJwt(fakeJwt({ role: 'service_role', iss: 'supabase' }), now)).toMatchObject({ severity: 'critical', exposure: 'secret' });
    expect(analyzeJwt(fakeJwt({ role: 'anon', iss: 'supabase' }), now)).toMatchObject({ exposure: 'public-by-design' });
  });
  it('rejects strings that only look like JWTs', () => {
    expect(analyzeJwt(`eyJ${randomFrom('abcdef', 20)}.eyJ${randomFrom('abcdef', 20)}.x`).verdict).toBe('invalid');
  });
  it('rates a long-lived JWT in localStorage high and a short-lived one medium', () => {
    const long = fakeJwt({ sub: 'a', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 30 * 86400 });
    const short = fakeJwt({ sub: 'a', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 });
    const origin = { source: 'local-storage' as const, location: { keyPath: 'auth' } };
    expect(scanMaybeJson(JSON.stringify({ accessToken: long }), origin)[0]).toMatchObject({ severity: 'high', location: { keyPath: 'auth', jsonPath: '$.accessToken' } });
    expect(scanMaybeJson(JSON.stringify({ accessToken: short }), origin)[0]).toMatchObject({ severity: 'medium' });
    expect(scanText(short, { source: 'request-url', location: {} })[0]).toMatchObject({ severity: 'high' });
  });
});

describe('severity caps and pattern safety', () => {
  it('caps by exposure', () => {
    expect(capByExposure('critical', 'public-by-design')).toBe('low');
    expect(capByExposure('critical', 'test')).toBe('low');
    expect(capByExposure('high', 'example')).toBe('info');
    expect(capByExposure('critical', 'identifier')).toBe('medium');
    expect(capByExposure('info', 'secret')).toBe('info');
  });
  it('flags unbounded quantifiers outside character classes only', () => {
    expect(unboundedQuantifier('a+b')).toBeDefined();
    expect(unboundedQuantifier('a{3,}')).toBeDefined();
    expect(unboundedQuantifier('(x.*)')).toBeDefined();
    expect(unboundedQuantifier('[A-Za-z0-9+/*]{40}\\+')).toBeUndefined();
  });
  it('verifies key ids that decode to a 12-digit account, and only those', () => {
    const id = fakeAwsKeyId(123456789012);
    expect(decodeAwsAccountId(id)).toBe('123456789012');
    expect(validateAwsAccessKeyId(id)).toMatchObject({ verdict: 'valid', details: { accountId: '123456789012' } });
    // 2^40 - 1 does not fit 12 digits: not a layout AWS issues.
    const tooLong = fakeAwsKeyId(1_099_511_627_775);
    expect(validateAwsAccessKeyId(tooLong).verdict).toBe('unknown');
  });
  it('decodes the AWS account id from a key id', () => {
    // Key id layout: 4-letter prefix, then base32 whose bits 7..46 (of 48) are the account id.
    const account = 123456789012;
    const value = BigInt(account) << 7n;
    const bytes = Buffer.alloc(10);
    bytes.writeUIntBE(Number(value), 0, 6);
    let bits = '';
    for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
    const base32 = bits.match(/.{5}/g)!.map((chunk) => 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[parseInt(chunk, 2)]).join('');
    expect(decodeAwsAccountId(`AKIA${base32}`)).toBe('123456789012');
  });
});
