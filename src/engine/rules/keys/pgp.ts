/** OpenPGP (GnuPG) secret keys in ASCII armor. */
import type { Rule, SampleGenerator } from '../../types.ts';
import { crc24, validatePgpPrivateKeyBlock } from '../../validators/pgp.ts';
import { base64, randomBytes } from './pem.ts';

/** A v4 EdDSA secret-key packet with random material, armored with its CRC-24 (samples only). */
export function fakePgpPrivateKeyBlock(gen: SampleGenerator, encrypted = false, withChecksum = true): string {
  const secretPart = encrypted
    ? [254, 9, 3, 8, ...randomBytes(gen, 8), 0xff, ...randomBytes(gen, 16), ...randomBytes(gen, 54)]
    : [0, 0x01, 0x00, 0x80 | randomBytes(gen, 1)[0]!, ...randomBytes(gen, 31), ...randomBytes(gen, 2)];
  const body = [4, ...randomBytes(gen, 4), 22, 9, 0x2b, 0x06, 0x01, 0x04, 0x01, 0xda, 0x47, 0x0f, 0x01, 0x01, 0x07, 0x40, ...randomBytes(gen, 32), ...secretPart];
  const packet = [0xc5, body.length, ...body];
  const crc = crc24(Uint8Array.from(packet));
  const lines = base64(packet).match(/.{1,64}/g) ?? [];
  const checksum = withChecksum ? `\n=${base64([(crc >> 16) & 0xff, (crc >> 8) & 0xff, crc & 0xff])}` : '';
  return `-----BEGIN PGP PRIVATE KEY BLOCK-----\nComment: exported\n\n${lines.join('\n')}${checksum}\n-----END PGP PRIVATE KEY BLOCK-----`;
}

export const pgpPrivateKeyBlock: Rule = {
  id: 'pgp-private-key-block',
  title: 'PGP private key block',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['begin pgp private key block'],
  pattern: /-----BEGIN PGP PRIVATE KEY BLOCK-----(?:[A-Za-z0-9+/=\s\\:,.()@<>"'`_+]|-(?!----)){40,12000}?-----END PGP PRIVATE KEY BLOCK-----/,
  maxLength: 12_500,
  validate: validatePgpPrivateKeyBlock,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An OpenPGP secret key signs commits, packages and mail as its owner and decrypts messages sent to them. Passphrase-protected keys are reported at high: they can still be cracked offline.',
  remediation:
    'Revoke the key (publish its revocation certificate to keyservers and wherever the public key is pinned, such as package signing and Git hosting), create a new key, and keep secret keys out of web assets.',
  samples: {
    positives: [
      (gen) => fakePgpPrivateKeyBlock(gen),
      (gen) => `const key = ${JSON.stringify(fakePgpPrivateKeyBlock(gen, true))};`,
      (gen) => fakePgpPrivateKeyBlock(gen, false, false),
    ],
    negatives: [
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBF...\n-----END PGP PRIVATE KEY BLOCK-----',
      '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{{base64:64}}\n{{base64:64}}\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----',
      (gen) => fakePgpPrivateKeyBlock(gen).replace(/\n=[A-Za-z0-9+/]{4}\n/, '\n=AAAA\n'),
      (gen) => fakePgpPrivateKeyBlock(gen).replace(/PRIVATE KEY BLOCK/g, 'PUBLIC KEY BLOCK'),
    ],
  },
};
