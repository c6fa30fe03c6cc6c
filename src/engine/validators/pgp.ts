/**
 * OpenPGP armored private key blocks (RFC 4880 / RFC 9580): the armor's optional CRC-24 line must
 * match the body, and the body must start with a secret-key packet (tag 5). For version 4 keys the
 * public part is skipped to read the string-to-key usage byte: 0 means the secret is stored in the
 * clear; anything else means it is protected by a passphrase.
 */
import type { FindingDetails } from '../../shared/finding.ts';
import { decodeBase64Bytes } from '../decode.ts';
import type { ValidationResult } from '../types.ts';
import { normalizePemBlock } from './pem.ts';

/** OpenPGP CRC-24 (init 0xB704CE, polynomial 0x1864CFB). */
export function crc24(bytes: Uint8Array): number {
  let crc = 0xb704ce;
  for (const byte of bytes) {
    crc ^= byte << 16;
    for (let i = 0; i < 8; i++) {
      crc <<= 1;
      if (crc & 0x1000000) crc ^= 0x1864cfb;
    }
  }
  return crc & 0xffffff;
}

const ALGORITHMS: Record<number, [string, number]> = {
  // algorithm id → [name, number of public MPIs (after an OID for EC families)]
  1: ['RSA', 2],
  2: ['RSA', 2],
  3: ['RSA', 2],
  16: ['ElGamal', 3],
  17: ['DSA', 4],
  18: ['ECDH', 1],
  19: ['ECDSA', 1],
  22: ['EdDSA', 1],
};

function readPacket(bytes: Uint8Array): { tag: number; body: Uint8Array } | undefined {
  const first = bytes[0];
  if (first === undefined || (first & 0x80) === 0) return undefined;
  if (first & 0x40) {
    const tag = first & 0x3f;
    const l1 = bytes[1];
    if (l1 === undefined) return undefined;
    if (l1 < 192) return { tag, body: bytes.subarray(2, 2 + l1) };
    if (l1 < 224) return { tag, body: bytes.subarray(3, 3 + ((l1 - 192) << 8) + (bytes[2] ?? 0) + 192) };
    if (l1 === 255) {
      const length = ((bytes[2]! << 24) | (bytes[3]! << 16) | (bytes[4]! << 8) | bytes[5]!) >>> 0;
      return { tag, body: bytes.subarray(6, 6 + length) };
    }
    return { tag, body: bytes.subarray(2) }; // partial length: good enough for a header peek
  }
  const tag = (first >> 2) & 0x0f;
  const lengthType = first & 0x03;
  if (lengthType === 0) return { tag, body: bytes.subarray(2, 2 + bytes[1]!) };
  if (lengthType === 1) return { tag, body: bytes.subarray(3, 3 + ((bytes[1]! << 8) | bytes[2]!)) };
  if (lengthType === 2) {
    const length = ((bytes[1]! << 24) | (bytes[2]! << 16) | (bytes[3]! << 8) | bytes[4]!) >>> 0;
    return { tag, body: bytes.subarray(5, 5 + length) };
  }
  return { tag, body: bytes.subarray(1) };
}

/** For a v4 secret-key packet body: algorithm name and whether the secret part is encrypted. */
function inspectSecretKeyPacket(body: Uint8Array): { algorithm: string; encrypted: boolean } | undefined {
  if (body[0] !== 4) return undefined;
  const algorithmId = body[5];
  const algorithm = algorithmId === undefined ? undefined : ALGORITHMS[algorithmId];
  if (!algorithm) return undefined;
  let offset = 6;
  if (algorithmId === 18 || algorithmId === 19 || algorithmId === 22) {
    const oidLength = body[offset];
    if (oidLength === undefined || oidLength === 0 || oidLength === 0xff) return undefined;
    offset += 1 + oidLength;
  }
  for (let i = 0; i < algorithm[1]; i++) {
    if (offset + 2 > body.length) return undefined;
    const bits = (body[offset]! << 8) | body[offset + 1]!;
    offset += 2 + Math.ceil(bits / 8);
  }
  if (algorithmId === 18) {
    const kdfLength = body[offset];
    if (kdfLength === undefined) return undefined;
    offset += 1 + kdfLength;
  }
  const usage = body[offset];
  if (usage === undefined) return undefined;
  return { algorithm: algorithm[0], encrypted: usage !== 0 };
}

export function validatePgpPrivateKeyBlock(block: string): ValidationResult {
  const text = normalizePemBlock(block);
  const match = /-----BEGIN PGP PRIVATE KEY BLOCK-----([\s\S]{0,40000}?)-----END PGP PRIVATE KEY BLOCK-----/.exec(text);
  if (!match) return { verdict: 'invalid' };
  const lines = match[1]!.split('\n').map((line) => line.trim().replace(/^["'`]|["'`,]{1,2}$/g, '')).filter(Boolean);
  const bodyLines: string[] = [];
  let checksum: string | undefined;
  for (const line of lines) {
    if (bodyLines.length === 0 && /^[A-Za-z][A-Za-z-]{0,40}: /.test(line)) continue; // armor header
    if (/^=[A-Za-z0-9+/]{4}$/.test(line)) checksum = line.slice(1);
    else bodyLines.push(line);
  }
  const body = bodyLines.join('');
  if (!/^[A-Za-z0-9+/]{40,}={0,2}$/.test(body)) return { verdict: 'invalid' };
  const bytes = decodeBase64Bytes(body);
  if (!bytes || bytes.length < 30) return { verdict: 'invalid' };
  if (checksum !== undefined) {
    const expected = decodeBase64Bytes(checksum);
    if (!expected || ((expected[0]! << 16) | (expected[1]! << 8) | expected[2]!) !== crc24(bytes)) return { verdict: 'invalid' };
  }
  const packet = readPacket(bytes);
  if (!packet || packet.tag !== 5) return { verdict: 'invalid' };
  const details: FindingDetails = { keyType: 'OpenPGP', format: 'OpenPGP armor' };
  if (checksum !== undefined) details.checksum = true;
  const inspected = inspectSecretKeyPacket(packet.body);
  if (inspected) {
    details.keyType = `OpenPGP ${inspected.algorithm}`;
    if (inspected.encrypted) {
      return {
        verdict: 'valid',
        severity: 'high',
        details: { ...details, encrypted: true },
        note: 'The secret key material is protected by a passphrase, so it is not directly usable, but it can be attacked offline.',
      };
    }
  }
  return { verdict: 'valid', details };
}
