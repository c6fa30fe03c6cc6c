/**
 * PEM private keys: PKCS#1 RSA, SEC1 EC, DSA, PKCS#8 and encrypted PKCS#8. Each block is checked
 * offline (labels, base64, DER structure) so elided documentation snippets are dropped. Patterns also
 * match the raw form inside JavaScript strings (`"-----BEGIN…\n MII…\n-----END…"` with literal `\n`).
 * Samples are built at test time from random bytes in valid DER framing: no key material is stored.
 */
import type { Rule, SampleGenerator } from '../../types.ts';
import { validatePemPrivateKey } from '../../validators/pem.ts';

// ---- sample helpers (tests only: the engine never encodes) ----

export function randomBytes(gen: SampleGenerator, length: number): number[] {
  const hex = gen.hex(length * 2);
  const out: number[] = [];
  for (let i = 0; i < length; i++) out.push(parseInt(hex.slice(i * 2, i * 2 + 2), 16));
  return out;
}

/** DER TLV with a definite length. */
export function der(tag: number, content: number[]): number[] {
  const length = content.length;
  if (length < 0x80) return [tag, length, ...content];
  if (length < 0x100) return [tag, 0x81, length, ...content];
  return [tag, 0x82, length >> 8, length & 0xff, ...content];
}

const hexBytes = (hex: string) => (hex.match(/../g) ?? []).map((pair) => parseInt(pair, 16));
const oid = (hex: string) => der(0x06, hexBytes(hex));
/** A positive INTEGER of `length` random bytes with the top bit set (like an RSA modulus). */
const bigInt = (gen: SampleGenerator, length: number) => {
  const bytes = randomBytes(gen, length);
  bytes[0] = bytes[0]! | 0x80;
  return der(0x02, [0, ...bytes]);
};

export function base64(bytes: number[]): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Wrap bytes as a PEM block; `eol` may be `\\n` for the JS-string form. */
export function pemBlock(label: string, bytes: number[], eol = '\n', headers = ''): string {
  const lines = base64(bytes).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----${eol}${headers}${lines.join(eol)}${eol}-----END ${label}-----`;
}

export function fakeRsaPkcs1(gen: SampleGenerator, bits = 2048): number[] {
  const n = bits / 8;
  return der(0x30, [
    ...der(0x02, [0]),
    ...bigInt(gen, n),
    ...der(0x02, [1, 0, 1]),
    ...bigInt(gen, n),
    ...bigInt(gen, n / 2),
    ...bigInt(gen, n / 2),
    ...bigInt(gen, n / 2),
    ...bigInt(gen, n / 2),
    ...bigInt(gen, n / 2),
  ]);
}

export function fakeEcSec1(gen: SampleGenerator): number[] {
  return der(0x30, [
    ...der(0x02, [1]),
    ...der(0x04, randomBytes(gen, 32)),
    ...der(0xa0, oid('2a8648ce3d030107')),
    ...der(0xa1, der(0x03, [0, 4, ...randomBytes(gen, 64)])),
  ]);
}

export function fakeDsa(gen: SampleGenerator): number[] {
  return der(0x30, [...der(0x02, [0]), ...bigInt(gen, 128), ...bigInt(gen, 20), ...bigInt(gen, 128), ...bigInt(gen, 128), ...bigInt(gen, 20)]);
}

export function fakePkcs8(gen: SampleGenerator, algorithm: 'rsa' | 'ed25519' | 'ec' = 'rsa'): number[] {
  if (algorithm === 'ed25519') {
    return der(0x30, [...der(0x02, [0]), ...der(0x30, oid('2b6570')), ...der(0x04, der(0x04, randomBytes(gen, 32)))]);
  }
  if (algorithm === 'ec') {
    const inner = der(0x30, [...der(0x02, [1]), ...der(0x04, randomBytes(gen, 32)), ...der(0xa1, der(0x03, [0, 4, ...randomBytes(gen, 64)]))]);
    return der(0x30, [...der(0x02, [0]), ...der(0x30, [...oid('2a8648ce3d0201'), ...oid('2a8648ce3d030107')]), ...der(0x04, inner)]);
  }
  return der(0x30, [...der(0x02, [0]), ...der(0x30, [...oid('2a864886f70d010101'), 0x05, 0x00]), ...der(0x04, fakeRsaPkcs1(gen))]);
}

export function fakeEncryptedPkcs8(gen: SampleGenerator): number[] {
  const params = der(0x30, [
    ...der(0x30, [...oid('2a864886f70d01050c'), ...der(0x30, [...der(0x04, randomBytes(gen, 16)), ...der(0x02, [0x08, 0x00])])]),
    ...der(0x30, [...oid('60864801650304012a'), ...der(0x04, randomBytes(gen, 16))]),
  ]);
  return der(0x30, [...der(0x30, [...oid('2a864886f70d01050d'), ...params]), ...der(0x04, randomBytes(gen, 1232))]);
}

// ---- rules ----

// A dash never starts a run of five inside the body, so a lazy scan stops at the next BEGIN/END line:
// linear even on text made of BEGIN lines without END.
const BODY = String.raw`(?:[A-Za-z0-9+/=\s\\:,"'\x60+]|-(?!----)){40,7000}?`;
const block = (label: string) => new RegExp(String.raw`-----BEGIN ${label}-----${BODY}-----END ${label}-----`);

const REMEDIATION =
  'Treat the key as compromised: revoke or replace it everywhere it is trusted (certificates, SSH authorized_keys, JWT verifiers, cloud IAM), generate a new key pair on the server, and never bundle private keys into front-end code or public assets. Sign on the server and send the browser only signatures or public keys.';

const commonNegatives = (label: string) => [
  `-----BEGIN ${label}-----\nMIIEpAIBAAKCAQEA...\n-----END ${label}-----`,
  `-----BEGIN ${label}-----\n<your private key here>\n-----END ${label}-----`,
  `-----BEGIN ${label}-----\n{{base64:64}}\n{{base64:64}}\n{{base64:64}}\n-----END ${label}-----`,
  `const begin = "-----BEGIN ${label}-----"; const end = "-----END ${label}-----";`,
];

export const rsaPrivateKey: Rule = {
  id: 'rsa-private-key',
  title: 'RSA private key (PKCS#1 PEM)',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['begin rsa private key'],
  pattern: block('RSA PRIVATE KEY'),
  maxLength: 7200,
  validate: validatePemPrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An RSA private key lets anyone who downloads this page sign as you, decrypt what was encrypted to you, or impersonate your server or SSH identity, for as long as the key is trusted.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      (gen) => `const privateKey = "${pemBlock('RSA PRIVATE KEY', fakeRsaPkcs1(gen), '\\n')}";`,
      (gen) => `${pemBlock('RSA PRIVATE KEY', fakeRsaPkcs1(gen, 4096))}\n`,
      (gen) =>
        pemBlock(
          'RSA PRIVATE KEY',
          randomBytes(gen, 1192),
          '\n',
          `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,${gen.hex(32).toUpperCase()}\n\n`,
        ),
    ],
    negatives: [
      ...commonNegatives('RSA PRIVATE KEY'),
      (gen) => `-----BEGIN RSA PRIVATE KEY-----\n${base64(fakeRsaPkcs1(gen)).slice(0, 200)}\n-----END EC PRIVATE KEY-----`,
      (gen) => pemBlock('RSA PUBLIC KEY', fakeRsaPkcs1(gen)),
    ],
  },
};

export const ecPrivateKey: Rule = {
  id: 'ec-private-key',
  title: 'EC private key (SEC1 PEM)',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['begin ec private key'],
  pattern: block('EC PRIVATE KEY'),
  maxLength: 7200,
  validate: validatePemPrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An elliptic-curve private key (ECDSA/ECDH) signs tokens, transactions or TLS handshakes as its owner; published in a web page it can no longer be trusted.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      (gen) => pemBlock('EC PRIVATE KEY', fakeEcSec1(gen)),
      (gen) => `{"signingKey":"${pemBlock('EC PRIVATE KEY', fakeEcSec1(gen), '\\n')}\\n"}`,
    ],
    negatives: [...commonNegatives('EC PRIVATE KEY'), (gen) => pemBlock('EC PARAMETERS', fakeEcSec1(gen))],
  },
};

export const dsaPrivateKey: Rule = {
  id: 'dsa-private-key',
  title: 'DSA private key (PEM)',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['begin dsa private key'],
  pattern: block('DSA PRIVATE KEY'),
  maxLength: 7200,
  validate: validatePemPrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A DSA private key (usually an old SSH or code-signing key) lets its holder sign as its owner. DSA is deprecated, which suggests the key has lived long and is trusted widely.',
  remediation: REMEDIATION,
  samples: {
    positives: [(gen) => pemBlock('DSA PRIVATE KEY', fakeDsa(gen)), (gen) => `var k='${pemBlock('DSA PRIVATE KEY', fakeDsa(gen), '\\n')}'`],
    negatives: commonNegatives('DSA PRIVATE KEY'),
  },
};

export const pkcs8PrivateKey: Rule = {
  id: 'pkcs8-private-key',
  title: 'Private key (PKCS#8 PEM)',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['begin private key'],
  pattern: block('PRIVATE KEY'),
  maxLength: 7200,
  validate: validatePemPrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A PKCS#8 private key (RSA, EC or Ed25519; the format of Google service-account keys and most TLS keys) gives its holder the identity it belongs to: signing JWTs, TLS, or cloud API access.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      (gen) => `{"type":"service_account","private_key":"${pemBlock('PRIVATE KEY', fakePkcs8(gen), '\\n')}\\n"}`,
      (gen) => pemBlock('PRIVATE KEY', fakePkcs8(gen, 'ed25519')),
      (gen) => `const key = \`${pemBlock('PRIVATE KEY', fakePkcs8(gen, 'ec'))}\`;`,
    ],
    negatives: [
      ...commonNegatives('PRIVATE KEY'),
      (gen) => pemBlock('PUBLIC KEY', fakePkcs8(gen, 'ed25519')),
      (gen) => pemBlock('CERTIFICATE', fakePkcs8(gen)),
    ],
  },
};

export const pkcs8EncryptedPrivateKey: Rule = {
  id: 'pkcs8-encrypted-private-key',
  title: 'Encrypted private key (PKCS#8 PEM)',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['begin encrypted private key'],
  pattern: block('ENCRYPTED PRIVATE KEY'),
  maxLength: 7200,
  validate: validatePemPrivateKey,
  severity: 'high',
  exposure: 'secret',
  description:
    'A passphrase-protected private key. It is not usable without the passphrase, but it can be brute-forced offline forever, and a bundle that ships the key often ships the passphrase too.',
  remediation: REMEDIATION,
  samples: {
    positives: [(gen) => pemBlock('ENCRYPTED PRIVATE KEY', fakeEncryptedPkcs8(gen)), (gen) => `"${pemBlock('ENCRYPTED PRIVATE KEY', fakeEncryptedPkcs8(gen), '\\n')}"`],
    negatives: commonNegatives('ENCRYPTED PRIVATE KEY'),
  },
};
