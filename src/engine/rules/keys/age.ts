/** age encryption secret keys (age-encryption.org): bech32 with a checksum. */
import type { Rule, SampleGenerator, ValidationResult } from '../../types.ts';
import { decodeBech32, encodeBech32 } from '../../validators/bech32.ts';

export function fakeAgeSecretKey(gen: SampleGenerator): string {
  const words = [...gen.chars('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 52)].map((char) => 'qpzry9x8gf2tvdw0s3jn54khce6mua7l'.indexOf(char));
  return encodeBech32('age-secret-key-', words).toUpperCase();
}

function validateAgeSecretKey(key: string): ValidationResult {
  const decoded = decodeBech32(key);
  if (!decoded || decoded.hrp !== 'age-secret-key-' || decoded.variant !== 'bech32') return { verdict: 'invalid' };
  return { verdict: 'valid', details: { keyType: 'age X25519 identity', checksum: true } };
}

export const ageSecretKey: Rule = {
  id: 'age-secret-key',
  title: 'age secret key',
  provider: 'age',
  category: 'private-key',
  keywords: ['age-secret-key-1'],
  pattern: /(?<![A-Za-z0-9-])AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Za-z0-9])/,
  validate: validateAgeSecretKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'An age identity decrypts every file and secret encrypted to its recipient: SOPS files, backups, password stores. Its bech32 checksum is verified offline.',
  remediation:
    'Generate a new identity with age-keygen, re-encrypt everything (for SOPS: update the recipients and run sops updatekeys), delete the old identity, and keep identities out of front-end code.',
  samples: {
    positives: [(gen) => `# created: 2024-01-01\n${fakeAgeSecretKey(gen)}`, (gen) => `SOPS_AGE_KEY=${fakeAgeSecretKey(gen)}`],
    negatives: [
      (gen) => {
        const key = fakeAgeSecretKey(gen);
        return key.slice(0, -1) + (key.endsWith('Q') ? 'P' : 'Q');
      },
      'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ',
      'AGE-SECRET-KEY-1{{chars:QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L:57}}',
    ],
  },
};
