import { describe, expect, it } from 'vitest';
import { detectSignedUrl, signedUrlFinding } from '../../src/engine/inspectors/signed-urls.ts';
import { urlParameters } from '../../src/engine/inspectors/url.ts';
import { fakeAwsKeyId } from '../support/fake-secrets.ts';

const detect = (url: string) => detectSignedUrl(urlParameters(new URL(url)));
const hex = (n: number) => 'a1'.repeat(n / 2);

describe('signed URLs', () => {
  it('reads SigV4 (S3) expiry from X-Amz-Date + X-Amz-Expires and the signer from X-Amz-Credential', () => {
    const keyId = fakeAwsKeyId();
    const signed = detect(`https://b.s3.amazonaws.com/k?X-Amz-Credential=${keyId}%2F20260301%2Feu-west-1%2Fs3%2Faws4_request&X-Amz-Date=20260301T080000Z&X-Amz-Expires=604800&X-Amz-Signature=${hex(64)}`);
    expect(signed).toMatchObject({ provider: 'AWS (SigV4)', signer: keyId, lifetimeSeconds: 604800, signatureParameter: 'X-Amz-Signature' });
    expect(signed!.expiresAt!.toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(signed!.parameters.has('x-amz-credential')).toBe(true);
  });

  it('reads Google Cloud Storage V4 and V2, CloudFront (canned and custom policy) and Azure SAS', () => {
    expect(detect(`https://storage.googleapis.com/b/o?X-Goog-Algorithm=GOOG4-RSA-SHA256&X-Goog-Credential=svc%40p.iam.gserviceaccount.com%2F20260101%2Fauto%2Fstorage%2Fgoog4_request&X-Goog-Date=20260101T000000Z&X-Goog-Expires=900&X-Goog-Signature=${hex(64)}`)).toMatchObject({
      provider: 'Google Cloud Storage',
      signer: 'svc@p.iam.gserviceaccount.com',
      lifetimeSeconds: 900,
    });
    expect(detect(`https://storage.googleapis.com/b/o?GoogleAccessId=svc%40p.iam.gserviceaccount.com&Expires=1767225600&Signature=${hex(40)}`)!.expiresAt!.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(detect(`https://d1.cloudfront.net/v.mp4?Expires=1767225600&Signature=${hex(40)}&Key-Pair-Id=K2JCJMDEHXQW5F`)).toMatchObject({ provider: 'CloudFront', signer: 'K2JCJMDEHXQW5F' });
    const policy = btoa(JSON.stringify({ Statement: [{ Resource: 'https://d1.cloudfront.net/*', Condition: { DateLessThan: { 'AWS:EpochTime': 1767225600 } } }] }))
      .replace(/\+/g, '-')
      .replace(/=/g, '_')
      .replace(/\//g, '~');
    expect(detect(`https://d1.cloudfront.net/v.mp4?Policy=${policy}&Signature=${hex(40)}&Key-Pair-Id=K2JCJMDEHXQW5F`)!.expiresAt!.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(detect(`https://acct.blob.core.windows.net/c/b.png?sv=2024-11-04&st=2026-01-01T00:00:00Z&se=2026-01-02T00:00:00Z&sr=b&sp=r&sig=${hex(44)}`)).toMatchObject({ provider: 'Azure SAS', lifetimeSeconds: 86400 });
  });

  it('is not fooled by a lone signature-like name', () => {
    expect(detect(`https://a.example.test/x?signature=${hex(40)}&user=ann`)).toBeUndefined();
    expect(detect(`https://a.example.test/x?sig=${hex(40)}`)).toBeUndefined();
    expect(detect('https://a.example.test/x?page=2&sort=name')).toBeUndefined();
  });

  it('makes one info finding per host and signer, whatever the object, and notes long lifetimes', () => {
    const keyId = fakeAwsKeyId();
    const finding = (object: string, expires: number) =>
      signedUrlFinding(detect(`https://b.s3.amazonaws.com/${object}?X-Amz-Credential=${keyId}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=${expires}&X-Amz-Signature=${hex(64)}`)!, {
        source: 'request-url',
        host: 'b.s3.amazonaws.com',
        displayUrl: 'https://b.s3.amazonaws.com/x',
        nowMs: Date.UTC(2026, 0, 1, 0, 5),
      });
    const a = finding('a.png', 900);
    const b = finding('b.png', 900);
    expect(a.severity).toBe('info');
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.details).toMatchObject({ expired: false, expiresAt: '2026-01-01T00:15:00.000Z' });
    expect(a.title).toBe('Signed URL (AWS (SigV4)), expires 2026-01-01 00:15 UTC');
    const long = finding('c.png', 30 * 86400);
    expect(long.description).toMatch(/720 hours/);
    expect(long.severity).toBe('info');
  });
});
