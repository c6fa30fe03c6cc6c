/** PuTTY private key files (.ppk). */
import type { Rule, SampleGenerator } from '../../types.ts';
import { validatePuttyPrivateKey } from '../../validators/putty.ts';
import { base64, randomBytes } from './pem.ts';

const sshString = (bytes: number[]) => [(bytes.length >>> 24) & 0xff, (bytes.length >>> 16) & 0xff, (bytes.length >>> 8) & 0xff, bytes.length & 0xff, ...bytes];
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/** A .ppk file with random key material (samples only). `eol` may be `\\n` for the JS-string form. */
export function fakePpk(gen: SampleGenerator, version: 2 | 3 = 3, encryption = 'none', eol = '\n'): string {
  const publicLines = base64([...sshString(ascii('ssh-ed25519')), ...sshString(randomBytes(gen, 32))]).match(/.{1,64}/g) ?? [];
  const privateLines = base64(sshString(randomBytes(gen, 32))).match(/.{1,64}/g) ?? [];
  const kdf = version === 3 && encryption !== 'none' ? [`Key-Derivation: Argon2id`, `Argon2-Memory: 8192`, `Argon2-Passes: 13`, `Argon2-Parallelism: 1`, `Argon2-Salt: ${gen.hex(32)}`] : [];
  return [
    `PuTTY-User-Key-File-${version}: ssh-ed25519`,
    `Encryption: ${encryption}`,
    `Comment: eddsa-key-20240101`,
    `Public-Lines: ${publicLines.length}`,
    ...publicLines,
    ...kdf,
    `Private-Lines: ${privateLines.length}`,
    ...privateLines,
    `Private-MAC: ${gen.hex(version === 3 ? 64 : 40)}`,
  ].join(eol);
}

/** A line end, or its escaped form inside a JavaScript/JSON string. */
const EOL = String.raw`(?:\r?\n|(?:\\r)?\\n)`;

export const puttyPrivateKey: Rule = {
  id: 'putty-private-key',
  title: 'PuTTY private key (.ppk)',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['putty-user-key-file-'],
  // Line by line: a header (`Name: value`, never a second PuTTY header) or a base64 line, so the scan
  // from one header stops at the next one.
  pattern: new RegExp(
    String.raw`PuTTY-User-Key-File-[23]: [a-z0-9@.-]{3,64}${EOL}(?:(?!PuTTY-User-Key-File)[A-Za-z][A-Za-z0-9-]{0,39}: [^\r\n\\]{0,300}${EOL}|[A-Za-z0-9+/]{1,100}={0,2}${EOL}){3,150}Private-MAC: (?:[0-9a-f]{64}|[0-9a-f]{40})`,
  ),
  maxLength: 9300,
  validate: validatePuttyPrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A PuTTY private key logs in to every SSH server that trusts its public half. Passphrase-protected keys are reported at high: they can still be cracked offline.',
  remediation:
    'Remove the public key from authorized_keys on every server, generate a new key pair with PuTTYgen, and keep .ppk files out of web roots and front-end bundles.',
  samples: {
    positives: [(gen) => fakePpk(gen), (gen) => `"${fakePpk(gen, 2, 'none', '\\n')}"`, (gen) => fakePpk(gen, 3, 'aes256-cbc')],
    negatives: [
      'PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: my key\nPublic-Lines: 6\nAAAAB3...\nPrivate-Lines: 14\n...\nPrivate-MAC: {{hex:64}}',
      (gen) => fakePpk(gen).replace(/Public-Lines: \d+/, 'Public-Lines: 5'),
      (gen) => fakePpk(gen).replace('ssh-ed25519', 'ssh-rsa'),
      'Load your PuTTY-User-Key-File-3: ssh-ed25519 file in Pageant',
    ],
  },
};
