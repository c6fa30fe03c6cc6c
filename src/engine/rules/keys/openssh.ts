/** SSH private keys: OpenSSH's own format and the SSH.com (Tectia) format. */
import type { Rule, SampleGenerator } from '../../types.ts';
import { validatePemPrivateKey, validateSsh2PrivateKey } from '../../validators/pem.ts';
import { base64, pemBlock, randomBytes } from './pem.ts';

const sshString = (bytes: number[]) => [(bytes.length >>> 24) & 0xff, (bytes.length >>> 16) & 0xff, (bytes.length >>> 8) & 0xff, bytes.length & 0xff, ...bytes];
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** An `openssh-key-v1` blob with random key material (samples only). */
export function fakeOpenSshKey(gen: SampleGenerator, encrypted = false): number[] {
  const publicKey = [...sshString(ascii('ssh-ed25519')), ...sshString(randomBytes(gen, 32))];
  return [
    ...ascii('openssh-key-v1'),
    0,
    ...sshString(ascii(encrypted ? 'aes256-ctr' : 'none')),
    ...sshString(ascii(encrypted ? 'bcrypt' : 'none')),
    ...sshString(encrypted ? [...sshString(randomBytes(gen, 16)), 0, 0, 0, 16] : []),
    0,
    0,
    0,
    1,
    ...sshString(publicKey),
    ...sshString(randomBytes(gen, 144)),
  ];
}

const REMEDIATION =
  'Remove the public half from every authorized_keys file, deploy key list and CI secret that trusts it, generate a new key pair, and keep private keys out of web assets. Deploy from CI with scoped deploy keys instead of shipping keys to the browser.';

export const opensshPrivateKey: Rule = {
  id: 'openssh-private-key',
  title: 'OpenSSH private key',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['begin openssh private key'],
  pattern: /-----BEGIN OPENSSH PRIVATE KEY-----(?:[A-Za-z0-9+/=\s\\"'`+,]|-(?!----)){40,7000}?-----END OPENSSH PRIVATE KEY-----/,
  maxLength: 7200,
  validate: validatePemPrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An OpenSSH private key logs in to every server, Git host and deploy target that trusts its public half. Encrypted keys are reported at high: they can still be cracked offline.',
  remediation: REMEDIATION,
  samples: {
    positives: [
      (gen) => pemBlock('OPENSSH PRIVATE KEY', fakeOpenSshKey(gen)),
      (gen) => `const deployKey = "${pemBlock('OPENSSH PRIVATE KEY', fakeOpenSshKey(gen), '\\n')}\\n";`,
      (gen) => pemBlock('OPENSSH PRIVATE KEY', fakeOpenSshKey(gen, true)),
    ],
    negatives: [
      '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA...\n-----END OPENSSH PRIVATE KEY-----',
      '-----BEGIN OPENSSH PRIVATE KEY-----\n{{base64:70}}\n{{base64:70}}\n{{base64:70}}\n-----END OPENSSH PRIVATE KEY-----',
      (gen) => `-----BEGIN OPENSSH PRIVATE KEY-----\n${base64(fakeOpenSshKey(gen)).slice(0, 64)}\n-----END RSA PRIVATE KEY-----`,
      'ssh-keygen writes -----BEGIN OPENSSH PRIVATE KEY----- blocks',
    ],
  },
};

/** The SSH.com format is rare but still exported by Tectia and some PuTTY-era tools. */
export function fakeSsh2Key(gen: SampleGenerator, cipher = 'none'): number[] {
  const content = [...sshString(ascii('if-modn{sign{rsa-pkcs1-sha1},encrypt{rsa-pkcs1v2-oaep}}')), ...sshString(ascii(cipher)), ...sshString(randomBytes(gen, 300))];
  const total = content.length + 8;
  return [0x3f, 0x6f, 0xf9, 0xeb, (total >>> 24) & 0xff, (total >>> 16) & 0xff, (total >>> 8) & 0xff, total & 0xff, ...content];
}

const ssh2Block = (bytes: number[], comment = '"rsa-key-20240101"') =>
  `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: ${comment}\n${(base64(bytes).match(/.{1,70}/g) ?? []).join('\n')}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`;

export const ssh2PrivateKey: Rule = {
  id: 'ssh2-private-key',
  title: 'SSH.com (SSH2) private key',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['begin ssh2 encrypted private key'],
  pattern: /---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----(?:[A-Za-z0-9+/=\s\\":,.{}()@_]|-(?!---)){40,7000}?---- END SSH2 ENCRYPTED PRIVATE KEY ----/,
  maxLength: 7200,
  validate: validateSsh2PrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An SSH private key in the SSH.com (Tectia) format. Despite the ENCRYPTED label, keys with cipher "none" are stored in the clear and log in wherever the public key is trusted.',
  remediation: REMEDIATION,
  samples: {
    positives: [(gen) => ssh2Block(fakeSsh2Key(gen)), (gen) => ssh2Block(fakeSsh2Key(gen, '3des-cbc'), '"work laptop"')],
    negatives: [
      '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "key"\nP2/56wAAA...\n---- END SSH2 ENCRYPTED PRIVATE KEY ----',
      '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\n{{base64:70}}\n{{base64:70}}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----',
      '---- BEGIN SSH2 PUBLIC KEY ----\n{{base64:70}}\n---- END SSH2 PUBLIC KEY ----',
    ],
  },
};
