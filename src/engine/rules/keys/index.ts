/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { ageSecretKey } from './age.ts';
import { jwkPrivateKey, jwkSymmetricKey } from './jwk.ts';
import { opensshPrivateKey, ssh2PrivateKey } from './openssh.ts';
import { dsaPrivateKey, ecPrivateKey, pkcs8EncryptedPrivateKey, pkcs8PrivateKey, rsaPrivateKey } from './pem.ts';
import { pgpPrivateKeyBlock } from './pgp.ts';
import { puttyPrivateKey } from './putty.ts';

export const keysRules: readonly Rule[] = [
  rsaPrivateKey,
  ecPrivateKey,
  dsaPrivateKey,
  pkcs8PrivateKey,
  pkcs8EncryptedPrivateKey,
  opensshPrivateKey,
  ssh2PrivateKey,
  pgpPrivateKeyBlock,
  puttyPrivateKey,
  jwkPrivateKey,
  jwkSymmetricKey,
  ageSecretKey,
];
