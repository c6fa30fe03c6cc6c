/**
 * PuTTY private key files (`.ppk`, formats 2 and 3): a text header names the algorithm and the
 * encryption, then counted base64 lines for the public and private blobs and a MAC. The public blob
 * must be an SSH key whose type matches the header.
 */
import type { FindingDetails } from '../../shared/finding.ts';
import { decodeBase64Bytes } from '../decode.ts';
import type { ValidationResult } from '../types.ts';
import { normalizePemBlock } from './pem.ts';

function section(lines: string[], name: string): string | undefined {
  const at = lines.findIndex((line) => line.startsWith(`${name}:`));
  if (at < 0) return undefined;
  const count = Number(lines[at]!.slice(name.length + 1).trim());
  if (!Number.isInteger(count) || count < 1 || count > 200 || at + count >= lines.length + 1) return undefined;
  const body = lines.slice(at + 1, at + 1 + count);
  if (body.length !== count || body.some((line) => !/^[A-Za-z0-9+/]{1,64}={0,2}$/.test(line))) return undefined;
  return body.join('');
}

export function validatePuttyPrivateKey(text: string): ValidationResult {
  const lines = normalizePemBlock(text)
    .split('\n')
    .map((line) => line.trim().replace(/^["'`]|["'`,]{1,2}$/g, ''))
    .filter(Boolean);
  const start = lines.findIndex((line) => /^PuTTY-User-Key-File-[23]: /.test(line));
  if (start < 0) return { verdict: 'invalid' };
  const rest = lines.slice(start);
  const [, version, algorithm] = /^PuTTY-User-Key-File-([23]): ([a-z0-9@.-]{3,64})$/.exec(rest[0]!) ?? [];
  if (!version || !algorithm) return { verdict: 'invalid' };
  const encryption = rest.find((line) => line.startsWith('Encryption:'))?.slice(11).trim();
  if (!encryption) return { verdict: 'invalid' };
  const publicBlob = section(rest, 'Public-Lines');
  const privateBlob = section(rest, 'Private-Lines');
  const mac = rest.find((line) => line.startsWith('Private-MAC:'))?.slice(12).trim() ?? '';
  if (!publicBlob || !privateBlob || !/^[0-9a-f]{40}$|^[0-9a-f]{64}$/.test(mac)) return { verdict: 'invalid' };
  const publicBytes = decodeBase64Bytes(publicBlob);
  if (!publicBytes || publicBytes.length < 8) return { verdict: 'invalid' };
  const typeLength = ((publicBytes[0]! << 24) | (publicBytes[1]! << 16) | (publicBytes[2]! << 8) | publicBytes[3]!) >>> 0;
  if (typeLength !== algorithm.length || String.fromCharCode(...publicBytes.subarray(4, 4 + typeLength)) !== algorithm) {
    return { verdict: 'invalid' };
  }
  const details: FindingDetails = { keyType: algorithm, format: `PuTTY v${version}` };
  if (encryption !== 'none') {
    return {
      verdict: 'valid',
      severity: 'high',
      details: { ...details, encrypted: true, cipher: encryption.slice(0, 40) },
      note: 'The key is encrypted with a passphrase, so it is not directly usable, but it can be attacked offline.',
    };
  }
  return { verdict: 'valid', details };
}
