/**
 * PEM private keys, checked offline: BEGIN and END labels match, the body is base64 of a plausible
 * length, and it decodes to what the label promises — a DER SEQUENCE whose length field covers the
 * whole body (PKCS#1 RSA, SEC1 EC, DSA, PKCS#8, encrypted PKCS#8) or an `openssh-key-v1` blob. A
 * random or elided body (`MIIE...`, `<your key>`) fails and is dropped. Encrypted keys (legacy
 * `Proc-Type: 4,ENCRYPTED`, `ENCRYPTED PRIVATE KEY`, OpenSSH with a cipher) are still reported, at
 * high instead of critical: the passphrase may be weak or shipped nearby.
 */
import type { FindingDetails } from '../../shared/finding.ts';
import { decodeBase64Bytes } from '../decode.ts';
import type { ValidationResult } from '../types.ts';

export interface ParsedPem {
  label: string;
  headers: Record<string, string>;
  /** Base64 body without whitespace. */
  body: string;
}

/**
 * Undo the ways a PEM block is embedded in source: literal `\n`/`\r\n` escapes in a string,
 * line continuations, and string concatenation across lines (`"…\n" + "…"`).
 */
export function normalizePemBlock(block: string): string {
  return block
    .replace(/\\r\\n|\\n|\\r/g, '\n')
    .replace(/\\\n/g, '\n')
    .replace(/["'`]\s{0,8}\+\s{0,8}["'`]/g, '')
    .replace(/\r\n?/g, '\n');
}

/** Parse one PEM block (already located); undefined when BEGIN/END are missing or do not match. */
export function parsePem(block: string): ParsedPem | undefined {
  const text = normalizePemBlock(block);
  const match = /-----BEGIN ([A-Z0-9 ]{1,60})-----([\s\S]{0,20000}?)-----END ([A-Z0-9 ]{1,60})-----/.exec(text);
  if (!match || match[1] !== match[3]) return undefined;
  const headers: Record<string, string> = {};
  const bodyLines: string[] = [];
  for (const rawLine of match[2]!.split('\n')) {
    const line = rawLine.trim().replace(/^["'`]|["'`,]{1,2}$/g, '');
    if (!line) continue;
    const header = bodyLines.length === 0 ? /^([A-Za-z][A-Za-z-]{0,40}):\s{0,4}(.{0,200})$/.exec(line) : null;
    if (header) headers[header[1]!] = header[2]!;
    else bodyLines.push(line);
  }
  return { label: match[1]!, headers, body: bodyLines.join('').replace(/\s/g, '') };
}

/** Length of a DER element starting at `offset`: [headerLength, contentLength] or undefined. */
export function derLength(bytes: Uint8Array, offset = 0): [number, number] | undefined {
  const first = bytes[offset + 1];
  if (first === undefined) return undefined;
  if (first < 0x80) return [2, first];
  const count = first & 0x7f;
  if (count < 1 || count > 3 || offset + 2 + count > bytes.length) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[offset + 2 + i]!;
  return [2 + count, length];
}

/** True when `bytes` is exactly one DER SEQUENCE (tag 0x30) whose length covers the input. */
export function isDerSequence(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30) return false;
  const length = derLength(bytes);
  return length !== undefined && length[0] + length[1] === bytes.length;
}

const OIDS: readonly [string, string][] = [
  ['2a864886f70d010101', 'RSA'],
  ['2a864886f70d01010a', 'RSA-PSS'],
  ['2a8648ce3d0201', 'EC'],
  ['2a8648ce380401', 'DSA'],
  ['2b6570', 'Ed25519'],
  ['2b6571', 'Ed448'],
  ['2b656e', 'X25519'],
  ['2b656f', 'X448'],
];
const CURVES: readonly [string, string][] = [
  ['2a8648ce3d030107', 'P-256'],
  ['2b81040022', 'P-384'],
  ['2b81040023', 'P-521'],
  ['2b8104000a', 'secp256k1'],
];

function hex(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) out += bytes[i]!.toString(16).padStart(2, '0');
  return out;
}

/** Find an object identifier (tag 06, length, value) among the first `limit` bytes. */
function findOid(bytes: Uint8Array, table: readonly [string, string][], limit = 64): string | undefined {
  const head = hex(bytes, 0, limit);
  for (const [oid, name] of table) {
    const encoded = `06${(oid.length / 2).toString(16).padStart(2, '0')}${oid}`;
    if (head.includes(encoded)) return name;
  }
  return undefined;
}

/** Modulus size of a PKCS#1 RSAPrivateKey: SEQUENCE { INTEGER 0, INTEGER n, … }. */
function rsaModulusBits(bytes: Uint8Array, offset: number): number | undefined {
  // version INTEGER
  if (bytes[offset] !== 0x02) return undefined;
  const version = derLength(bytes, offset);
  if (!version) return undefined;
  const modulusAt = offset + version[0] + version[1];
  if (bytes[modulusAt] !== 0x02) return undefined;
  const modulus = derLength(bytes, modulusAt);
  if (!modulus) return undefined;
  let length = modulus[1];
  if (bytes[modulusAt + modulus[0]] === 0) length -= 1;
  return length > 0 ? length * 8 : undefined;
}

/** Minimum decoded size per label: an Ed25519 PKCS#8 key is 48 bytes, RSA far more. */
const MIN_BYTES: Record<string, number> = {
  'RSA PRIVATE KEY': 120,
  'DSA PRIVATE KEY': 120,
  'EC PRIVATE KEY': 40,
  'PRIVATE KEY': 40,
  'ENCRYPTED PRIVATE KEY': 60,
  'OPENSSH PRIVATE KEY': 100,
};

const ENCRYPTED_NOTE =
  'The key is encrypted with a passphrase, so it is not directly usable, but it can be attacked offline and the passphrase is often stored nearby.';

function encryptedResult(details: FindingDetails): ValidationResult {
  return { verdict: 'valid', severity: 'high', details: { ...details, encrypted: true }, note: ENCRYPTED_NOTE };
}

/** Read an SSH wire-format string (uint32 length + bytes). */
function readSshString(bytes: Uint8Array, offset: number): [Uint8Array, number] | undefined {
  if (offset + 4 > bytes.length) return undefined;
  const length = ((bytes[offset]! << 24) | (bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!) >>> 0;
  const end = offset + 4 + length;
  if (end > bytes.length) return undefined;
  return [bytes.subarray(offset + 4, end), end];
}

const latin1 = (bytes: Uint8Array) => String.fromCharCode(...bytes.subarray(0, 200));
const OPENSSH_MAGIC = 'openssh-key-v1\u0000';

/** Parse an `openssh-key-v1` blob: cipher, kdf, key count, first public key's type. */
export function parseOpenSshKey(bytes: Uint8Array): { cipher: string; kdf: string; keyType: string } | undefined {
  if (latin1(bytes.subarray(0, OPENSSH_MAGIC.length)) !== OPENSSH_MAGIC) return undefined;
  let offset = OPENSSH_MAGIC.length;
  const cipher = readSshString(bytes, offset);
  if (!cipher) return undefined;
  const kdf = readSshString(bytes, cipher[1]);
  if (!kdf) return undefined;
  const kdfOptions = readSshString(bytes, kdf[1]);
  if (!kdfOptions) return undefined;
  offset = kdfOptions[1] + 4; // number of keys
  const publicKey = readSshString(bytes, offset);
  if (!publicKey) return undefined;
  const keyType = readSshString(publicKey[0], 0);
  const cipherName = latin1(cipher[0]);
  const kdfName = latin1(kdf[0]);
  if (!/^[a-z0-9@.-]{1,64}$/.test(cipherName) || !/^[a-z0-9@.-]{1,64}$/.test(kdfName)) return undefined;
  const type = keyType ? latin1(keyType[0]) : '';
  if (!/^[a-z0-9@.-]{3,64}$/.test(type)) return undefined;
  return { cipher: cipherName, kdf: kdfName, keyType: type };
}

const SSH_KEY_NAMES: Record<string, string> = {
  'ssh-rsa': 'RSA',
  'ssh-dss': 'DSA',
  'ssh-ed25519': 'Ed25519',
  'ecdsa-sha2-nistp256': 'ECDSA P-256',
  'ecdsa-sha2-nistp384': 'ECDSA P-384',
  'ecdsa-sha2-nistp521': 'ECDSA P-521',
  'sk-ssh-ed25519@openssh.com': 'Ed25519 security key',
  'sk-ecdsa-sha2-nistp256@openssh.com': 'ECDSA security key',
};

/** Validate a PEM private key block (RSA, EC, DSA, PKCS#8, encrypted PKCS#8, OpenSSH). */
export function validatePemPrivateKey(block: string): ValidationResult {
  const pem = parsePem(block);
  if (!pem) return { verdict: 'invalid' };
  const { label, headers, body } = pem;
  // Placeholders: elided or templated bodies, or characters base64 never has.
  if (!/^[A-Za-z0-9+/]{16,}={0,2}$/.test(body)) return { verdict: 'invalid' };
  const bytes = decodeBase64Bytes(body);
  if (!bytes || bytes.length < (MIN_BYTES[label] ?? 40)) return { verdict: 'invalid' };

  if (label === 'OPENSSH PRIVATE KEY') {
    const parsed = parseOpenSshKey(bytes);
    if (!parsed) return { verdict: 'invalid' };
    const details: FindingDetails = { keyType: SSH_KEY_NAMES[parsed.keyType] ?? parsed.keyType, format: 'OpenSSH' };
    if (parsed.cipher !== 'none') return encryptedResult({ ...details, cipher: parsed.cipher });
    return { verdict: 'valid', details };
  }

  const procType = headers['Proc-Type'] ?? '';
  if (/ENCRYPTED/i.test(procType)) {
    // Legacy OpenSSL encryption: the body is ciphertext, so only its block alignment can be checked.
    if (bytes.length % 8 !== 0) return { verdict: 'invalid' };
    const cipher = (headers['DEK-Info'] ?? '').split(',')[0] ?? '';
    return encryptedResult({ keyType: label.replace(/ PRIVATE KEY$/, ''), format: 'PEM (legacy encryption)', ...(cipher ? { cipher } : {}) });
  }

  if (!isDerSequence(bytes)) return { verdict: 'invalid' };
  const header = derLength(bytes)!;
  switch (label) {
    case 'RSA PRIVATE KEY': {
      const bits = rsaModulusBits(bytes, header[0]);
      return { verdict: 'valid', details: { keyType: 'RSA', format: 'PKCS#1', ...(bits ? { keyBits: bits } : {}) } };
    }
    case 'EC PRIVATE KEY': {
      const curve = findOid(bytes, CURVES, 128);
      return { verdict: 'valid', details: { keyType: curve ? `EC ${curve}` : 'EC', format: 'SEC1' } };
    }
    case 'DSA PRIVATE KEY':
      return { verdict: 'valid', details: { keyType: 'DSA', format: 'PEM' } };
    case 'ENCRYPTED PRIVATE KEY':
      return encryptedResult({ keyType: 'encrypted PKCS#8', format: 'PKCS#8' });
    case 'PRIVATE KEY': {
      const algorithm = findOid(bytes, OIDS) ?? 'unknown algorithm';
      const curve = algorithm === 'EC' ? findOid(bytes, CURVES, 64) : undefined;
      const details: FindingDetails = { keyType: curve ? `EC ${curve}` : algorithm, format: 'PKCS#8' };
      if (algorithm === 'RSA' || algorithm === 'RSA-PSS') {
        // PrivateKeyInfo { version, AlgorithmIdentifier, OCTET STRING { RSAPrivateKey } }
        const octet = hex(bytes, 0, 40).indexOf('0482');
        if (octet >= 0 && octet % 2 === 0) {
          const at = octet / 2;
          const inner = at + 4;
          if (bytes[inner] === 0x30) {
            const innerHeader = derLength(bytes, inner);
            const bits = innerHeader ? rsaModulusBits(bytes, inner + innerHeader[0]) : undefined;
            if (bits) details.keyBits = bits;
          }
        }
      }
      return { verdict: 'valid', details };
    }
    default:
      return { verdict: 'valid', details: { keyType: label.replace(/ PRIVATE KEY$/, ''), format: 'PEM' } };
  }
}

/**
 * SSH.com / Tectia private keys (`---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----`; the label says
 * ENCRYPTED even when the cipher is `none`): magic 0x3f6ff9eb, total length, key type, cipher.
 */
export function validateSsh2PrivateKey(block: string): ValidationResult {
  const text = normalizePemBlock(block);
  const match = /---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----([\s\S]{0,20000}?)---- END SSH2 ENCRYPTED PRIVATE KEY ----/.exec(text);
  if (!match) return { verdict: 'invalid' };
  const lines: string[] = [];
  let inHeader = false;
  for (const rawLine of match[1]!.split('\n')) {
    const line = rawLine.trim();
    if (!line) continue;
    if (lines.length === 0 && (inHeader || /^[A-Za-z-]{1,40}:/.test(line))) {
      inHeader = line.endsWith('\\');
      continue;
    }
    lines.push(line);
  }
  const body = lines.join('');
  if (!/^[A-Za-z0-9+/]{40,}={0,2}$/.test(body)) return { verdict: 'invalid' };
  const bytes = decodeBase64Bytes(body);
  if (!bytes || bytes.length < 40) return { verdict: 'invalid' };
  if (bytes[0] !== 0x3f || bytes[1] !== 0x6f || bytes[2] !== 0xf9 || bytes[3] !== 0xeb) return { verdict: 'invalid' };
  const keyType = readSshString(bytes, 8);
  const cipher = keyType ? readSshString(bytes, keyType[1]) : undefined;
  if (!keyType || !cipher) return { verdict: 'invalid' };
  const cipherName = latin1(cipher[0]);
  const details: FindingDetails = { keyType: latin1(keyType[0]).slice(0, 80), format: 'SSH2 (ssh.com)' };
  if (cipherName !== 'none') return encryptedResult({ ...details, cipher: cipherName.slice(0, 40) });
  return { verdict: 'valid', details };
}
