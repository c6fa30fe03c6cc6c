/**
 * Signed URLs (S3 and CloudFront presigned URLs, Google Cloud Storage signed URLs, Azure SAS) are
 * capabilities meant to travel in URLs: the signature authorises one object for a limited time. They
 * are not leaks, but they are bearer capabilities, so they are listed (info) with their expiry, and
 * their signature parameters are kept out of the credential-name checks (`X-Amz-Security-Token` is a
 * "token" by name, and the key id in `X-Amz-Credential` looks like an AWS key to the engine).
 */
import type { Finding, FindingSource } from '../../shared/finding.ts';
import type { InspectorRule } from './inspector-rule.ts';
import { memoInspectorFinding as inspectorFinding } from './memo.ts';

export const SIGNED_URL: InspectorRule = {
  id: 'signed-url',
  title: 'Signed URL',
  severity: 'info',
  exposure: 'secret',
  description:
    'A signed URL grants access to one resource until it expires, to anyone who holds it: it is designed to travel in URLs, but it ends up in logs, history and Referer headers like any other URL.',
  remediation:
    'Keep expiries short (minutes, not days), scope each signature to one object and method, and set Referrer-Policy so signed URLs do not leak to third parties.',
};

export interface SignedUrl {
  provider: 'AWS (SigV4)' | 'AWS (SigV2)' | 'Google Cloud Storage' | 'CloudFront' | 'Azure SAS';
  /** Lower-case names of the parameters that carry the signature and its inputs. */
  parameters: ReadonlySet<string>;
  /** The name of the signature parameter as it appears in the URL. */
  signatureParameter: string;
  signature: string;
  /** Who signed (an access key id, a service account, a CloudFront key pair id), when the URL says. */
  signer?: string;
  expiresAt?: Date;
  /** Seconds between signing and expiry, when both are known. */
  lifetimeSeconds?: number;
}

/** A week: beyond this a signed URL is effectively a long-lived credential. */
const LONG_LIFETIME_SECONDS = 7 * 24 * 3600;

type Parameter = { name: string; value: string };

/** `20260101T120000Z` (SigV4 and GCS V4 dates). */
function parseCompactDate(value: string | undefined): Date | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value ?? '');
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function parseEpoch(value: string | undefined): Date | undefined {
  if (!value || !/^\d{9,11}$/.test(value)) return undefined;
  return new Date(Number(value) * 1000);
}

function parseSeconds(value: string | undefined): number | undefined {
  return value && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

/** CloudFront custom policies are base64 with `-_~` for `+=/`; the expiry is `DateLessThan.AWS:EpochTime`. */
function cloudFrontPolicyExpiry(policy: string): Date | undefined {
  if (policy.length > 4096) return undefined;
  try {
    const json = atob(policy.replace(/-/g, '+').replace(/_/g, '=').replace(/~/g, '/'));
    const epoch = /"AWS:EpochTime"\s*:\s*(\d{9,11})/.exec(json)?.[1];
    return parseEpoch(epoch);
  } catch {
    return undefined;
  }
}

/** Names of signature parameters, lower-case: a URL without one of them is not signed (checked before anything else). */
const SIGNATURE_NAMES = new Set(['x-amz-signature', 'x-goog-signature', 'signature', 'sig']);

export function detectSignedUrl(parameters: readonly Parameter[]): SignedUrl | undefined {
  if (parameters.length < 2 || !parameters.some((parameter) => parameter.name.length <= 16 && SIGNATURE_NAMES.has(parameter.name.toLowerCase()))) return undefined;
  const byName = new Map<string, Parameter>();
  for (const parameter of parameters) {
    const lower = parameter.name.toLowerCase();
    if (!byName.has(lower)) byName.set(lower, parameter);
  }
  const get = (name: string) => byName.get(name)?.value;
  const names = (...list: string[]) => new Set(list.filter((name) => byName.has(name)));

  for (const [prefix, provider] of [['x-amz-', 'AWS (SigV4)'], ['x-goog-', 'Google Cloud Storage']] as const) {
    const signature = byName.get(`${prefix}signature`);
    if (!signature) continue;
    const signedAt = parseCompactDate(get(`${prefix}date`));
    const lifetime = parseSeconds(get(`${prefix}expires`));
    const result: SignedUrl = {
      provider,
      parameters: new Set([...byName.keys()].filter((name) => name.startsWith(prefix))),
      signatureParameter: signature.name,
      signature: signature.value,
    };
    const credential = get(`${prefix}credential`)?.split('/')[0];
    if (credential) result.signer = credential;
    if (signedAt && lifetime !== undefined) {
      result.expiresAt = new Date(signedAt.getTime() + lifetime * 1000);
      result.lifetimeSeconds = lifetime;
    }
    return result;
  }

  const signature = byName.get('signature');
  if (signature) {
    const keyPairId = get('key-pair-id');
    const accessKey = get('awsaccesskeyid') ?? get('googleaccessid');
    if (keyPairId !== undefined) {
      const policy = get('policy');
      const result: SignedUrl = {
        provider: 'CloudFront',
        parameters: names('signature', 'key-pair-id', 'policy', 'expires'),
        signatureParameter: signature.name,
        signature: signature.value,
        signer: keyPairId,
      };
      const expiresAt = parseEpoch(get('expires')) ?? (policy ? cloudFrontPolicyExpiry(policy) : undefined);
      if (expiresAt) result.expiresAt = expiresAt;
      return result;
    }
    if (accessKey !== undefined) {
      const result: SignedUrl = {
        provider: byName.has('googleaccessid') ? 'Google Cloud Storage' : 'AWS (SigV2)',
        parameters: names('signature', 'awsaccesskeyid', 'googleaccessid', 'expires', 'x-amz-security-token'),
        signatureParameter: signature.name,
        signature: signature.value,
        signer: accessKey,
      };
      const expiresAt = parseEpoch(get('expires'));
      if (expiresAt) result.expiresAt = expiresAt;
      return result;
    }
  }

  const sig = byName.get('sig');
  if (sig && byName.has('sv')) {
    const result: SignedUrl = {
      provider: 'Azure SAS',
      parameters: names('sig', 'sv', 'se', 'st', 'sp', 'sr', 'ss', 'srt', 'si', 'spr', 'sip', 'skoid', 'sktid', 'skt', 'ske', 'sks', 'skv'),
      signatureParameter: sig.name,
      signature: sig.value,
    };
    const expiry = get('se');
    const expiresAt = expiry ? new Date(expiry) : undefined;
    if (expiresAt && !Number.isNaN(expiresAt.getTime())) result.expiresAt = expiresAt;
    const startsAt = get('st') ? new Date(get('st')!) : undefined;
    if (expiresAt && startsAt && !Number.isNaN(startsAt.getTime())) result.lifetimeSeconds = Math.round((expiresAt.getTime() - startsAt.getTime()) / 1000);
    return result;
  }
  return undefined;
}

export interface SignedUrlContext {
  source: FindingSource;
  /** Where the URL was seen, for de-duplication: one finding per host and signer, counted. */
  host: string;
  displayUrl: string;
  nowMs?: number;
}

export function signedUrlFinding(signed: SignedUrl, context: SignedUrlContext): Finding {
  const now = context.nowMs ?? Date.now();
  const details: Record<string, string | number | boolean> = { provider: signed.provider };
  const notes: string[] = [];
  let title = `Signed URL (${signed.provider})`;
  if (signed.expiresAt) {
    details.expiresAt = signed.expiresAt.toISOString();
    details.expired = signed.expiresAt.getTime() < now;
    title += `, expires ${details.expiresAt.slice(0, 16).replace('T', ' ')} UTC`;
  } else {
    title += ', no expiry in the URL';
    notes.push('The URL does not say when it expires (a stored access policy or a signature without expiry): it may stay valid indefinitely.');
  }
  if (signed.lifetimeSeconds !== undefined) {
    details.lifetimeHours = Math.round((signed.lifetimeSeconds / 3600) * 10) / 10;
    if (signed.lifetimeSeconds > LONG_LIFETIME_SECONDS) notes.push(`It is valid for ${details.lifetimeHours} hours: long enough to be shared and reused.`);
  }
  // The signer identifies the capability better than one signature among many (one per object and
  // minute): one finding per host and signer, with a count, instead of one per image on the page.
  const value = signed.signer ?? signed.signature;
  const overrides: NonNullable<Parameters<typeof inspectorFinding>[3]> = { title, details };
  if (notes.length > 0) overrides.note = notes.join(' ');
  return inspectorFinding(
    SIGNED_URL,
    value,
    {
      source: context.source,
      location: { url: context.displayUrl, parameter: signed.signatureParameter },
      identity: `${context.host}\u0000signed-url\u0000${signed.provider}`,
    },
    overrides,
  );
}
