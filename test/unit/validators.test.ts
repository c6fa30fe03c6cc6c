/**
 * Offline validators: checksums (CRC-32, base62, base36, bech32, CRC-24), PEM/OpenSSH/PGP/PuTTY
 * structure, JWK members and placeholder detection. Every token and key is generated here at test
 * time from the deterministic sample generator: no credential-shaped literal lives in the repository.
 */
import { describe, expect, it } from 'vitest';
import { fakeGitHubToken } from '../../src/engine/rules/code/github.ts';
import { fakeGitLabRoutableToken } from '../../src/engine/rules/code/gitlab.ts';
import { fakeNpmToken } from '../../src/engine/rules/code/npm.ts';
import { fakeAgeSecretKey } from '../../src/engine/rules/keys/age.ts';
import { fakeOpenSshKey, fakeSsh2Key } from '../../src/engine/rules/keys/openssh.ts';
import {
  base64,
  fakeDsa,
  fakeEcSec1,
  fakeEncryptedPkcs8,
  fakePkcs8,
  fakeRsaPkcs1,
  pemBlock,
  randomBytes,
} from '../../src/engine/rules/keys/pem.ts';
import { fakePgpPrivateKeyBlock } from '../../src/engine/rules/keys/pgp.ts';
import { fakePpk } from '../../src/engine/rules/keys/putty.ts';
import type { MatchContext } from '../../src/engine/types.ts';
import {
  BASE62_ALPHABET,
  crc32Base62Checksum,
  decodeBase62,
  encodeBase62,
  hasCrc32Base62Checksum,
  isBase62,
} from '../../src/engine/validators/base62.ts';
import { decodeBech32, encodeBech32 } from '../../src/engine/validators/bech32.ts';
import { crc32 } from '../../src/engine/validators/crc32.ts';
import {
  GITHUB_TOKEN_TYPES,
  githubTokenChecksum,
  validateGitHubFineGrainedToken,
  validateGitHubToken,
} from '../../src/engine/validators/github.ts';
import { gitlabRoutableChecksum, validateGitLabRoutableToken, validateGitLabToken } from '../../src/engine/validators/gitlab.ts';
import { readFlatObject, validateJwkPrivateKey } from '../../src/engine/validators/jwk.ts';
import { npmTokenChecksum, validateNpmToken } from '../../src/engine/validators/npm.ts';
import {
  derLength,
  isDerSequence,
  normalizePemBlock,
  parseOpenSshKey,
  parsePem,
  validatePemPrivateKey,
  validateSsh2PrivateKey,
} from '../../src/engine/validators/pem.ts';
import { crc24, validatePgpPrivateKeyBlock } from '../../src/engine/validators/pgp.ts';
import { isPlaceholder, placeholderReason, rejectPlaceholders } from '../../src/engine/validators/placeholder.ts';
import { validatePuttyPrivateKey } from '../../src/engine/validators/putty.ts';
import { createSampleGenerator } from '../support/sample-generator.ts';

const gen = () => createSampleGenerator(0x5eed);
const flipLast = (value: string) => value.slice(0, -1) + (value.endsWith('A') ? 'B' : 'A');
const context = (text: string): MatchContext => ({ text, index: 0, match: Object.assign([text], { index: 0, input: text }) as RegExpExecArray });

describe('crc32', () => {
  it('matches the standard check values', () => {
    expect(crc32('')).toBe(0);
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('The quick brown fox jumps over the lazy dog')).toBe(0x414fa339);
    expect(crc32(new Uint8Array([0xff, 0x00, 0x80]))).toBe(crc32(Uint8Array.from([0xff, 0x00, 0x80])));
  });
});

describe('base62', () => {
  it('uses digits, then upper case, then lower case', () => {
    expect(BASE62_ALPHABET).toHaveLength(62);
    expect(encodeBase62(0)).toBe('0');
    expect(encodeBase62(10)).toBe('A');
    expect(encodeBase62(61)).toBe('z');
    expect(encodeBase62(62)).toBe('10');
    expect(encodeBase62(62 ** 2 - 1)).toBe('zz');
  });

  it('pads and round-trips', () => {
    expect(encodeBase62(5, 6)).toBe('000005');
    for (const value of [0, 1, 61, 62, 3843, 0xffffffff, 123456789]) expect(decodeBase62(encodeBase62(value, 6))).toBe(value);
    expect(encodeBase62(0xffffffff, 6)).toHaveLength(6);
    expect(decodeBase62('ab-c')).toBeUndefined();
    expect(isBase62('abcXYZ019')).toBe(true);
    expect(isBase62('abc_')).toBe(false);
    expect(() => encodeBase62(-1)).toThrow(RangeError);
  });

  it('builds and checks the CRC-32 checksum of a payload', () => {
    const payload = gen().alnum(30);
    const checksum = crc32Base62Checksum(payload);
    expect(checksum).toHaveLength(6);
    expect(checksum).toBe(encodeBase62(crc32(payload), 6));
    expect(hasCrc32Base62Checksum(payload + checksum)).toBe(true);
    expect(hasCrc32Base62Checksum(flipLast(payload + checksum))).toBe(false);
    expect(hasCrc32Base62Checksum(payload + checksum + 'x')).toBe(false);
  });
});

describe('GitHub tokens', () => {
  it.each(Object.keys(GITHUB_TOKEN_TYPES))('verifies the checksum of %s_ tokens', (prefix) => {
    const g = gen();
    const token = fakeGitHubToken(g, prefix);
    expect(token).toMatch(new RegExp(`^${prefix}_[A-Za-z0-9]{36}$`));
    const result = validateGitHubToken(token);
    expect(result.verdict).toBe('valid');
    expect(result.details?.tokenType).toBe(GITHUB_TOKEN_TYPES[prefix]);
    expect(validateGitHubToken(flipLast(token)).verdict).toBe('invalid');
  });

  it('computes the checksum over the 30 random characters only', () => {
    const random = gen().alnum(30);
    const token = `ghp_${random}${githubTokenChecksum(random)}`;
    expect(validateGitHubToken(token).verdict).toBe('valid');
    // The same body under another prefix is still valid: the prefix is not part of the CRC.
    expect(validateGitHubToken(token.replace('ghp_', 'gho_')).verdict).toBe('valid');
    // Random bodies fail (a false accept is 1 in 2^32).
    const g = gen();
    let accepted = 0;
    for (let i = 0; i < 200; i++) if (validateGitHubToken(`ghp_${g.alnum(36)}`).verdict !== 'invalid') accepted++;
    expect(accepted).toBe(0);
  });

  it('rejects other shapes and placeholders', () => {
    expect(validateGitHubToken('ghx_' + gen().alnum(36)).verdict).toBe('invalid');
    expect(validateGitHubToken('ghp_' + gen().alnum(35)).verdict).toBe('invalid');
    expect(validateGitHubToken('ghr_' + 'x'.repeat(76)).verdict).toBe('invalid');
    expect(validateGitHubToken('ghr_' + gen().alnum(76)).verdict).toBe('unknown');
  });

  it('checks fine-grained token structure', () => {
    const g = gen();
    const token = `github_pat_${g.alnum(22)}_${g.alnum(59)}`;
    expect(validateGitHubFineGrainedToken(token)).toMatchObject({ verdict: 'valid', details: { tokenType: 'fine-grained personal access token' } });
    expect(validateGitHubFineGrainedToken(`github_pat_${g.alnum(22)}_${g.alnum(58)}`).verdict).toBe('invalid');
    expect(validateGitHubFineGrainedToken(`github_pat_${'x'.repeat(22)}_${g.alnum(59)}`).verdict).toBe('invalid');
  });
});

describe('npm tokens', () => {
  it('verifies the CRC-32/base62 checksum', () => {
    const token = fakeNpmToken(gen());
    expect(validateNpmToken(token)).toMatchObject({ verdict: 'valid', details: { checksum: true } });
    expect(validateNpmToken(flipLast(token)).verdict).toBe('invalid');
    expect(validateNpmToken(`npm_${gen().alnum(36)}`).verdict).toBe('invalid');
    expect(npmTokenChecksum('a'.repeat(30))).toBe(crc32Base62Checksum('a'.repeat(30)));
  });
});

describe('GitLab tokens', () => {
  it('verifies routable tokens (versioned and unversioned)', () => {
    const g = gen();
    for (const token of [fakeGitLabRoutableToken(g), fakeGitLabRoutableToken(g, 'glpat-', false), fakeGitLabRoutableToken(g, 'glrt-t1_')]) {
      const result = validateGitLabToken(token);
      expect(result.verdict, token).toBe('valid');
      expect(result.details?.format).toBe('routable');
    }
    expect(validateGitLabToken(fakeGitLabRoutableToken(g)).details?.tokenVersion).toBe('01');
  });

  it('rejects a broken checksum or length field', () => {
    const token = fakeGitLabRoutableToken(gen());
    const crc = token.slice(-7);
    const broken = token.slice(0, -7) + (crc[0] === '0' ? '1' : '0') + crc.slice(1);
    expect(validateGitLabRoutableToken(broken)?.verdict).toBe('invalid');
    const head = token.slice(0, -9);
    const wrongLength = `${head}zz`;
    expect(validateGitLabRoutableToken(wrongLength + gitlabRoutableChecksum(wrongLength))?.verdict).toBe('invalid');
  });

  it('treats legacy tokens as unchecked unless they are placeholders', () => {
    expect(validateGitLabToken(`glpat-${gen().alnum(20)}`)).toMatchObject({ verdict: 'unknown', details: { format: 'legacy' } });
    expect(validateGitLabToken('glpat-xxxxxxxxxxxxxxxxxxxx').verdict).toBe('invalid');
    expect(validateGitLabRoutableToken(`glpat-${gen().alnum(20)}`)).toBeUndefined();
  });
});

describe('placeholders', () => {
  it.each([
    'your_api_key',
    'YOUR_API_KEY_HERE',
    '<token>',
    '${API_KEY}',
    '{{ secrets.TOKEN }}',
    'process.env.STRIPE_KEY',
    'import.meta.env.VITE_KEY',
    'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx',
    'XXXXXXXXXXXXXXXX',
    '1234567890abcdef',
    'abcdefghijklmnop',
    'REDACTED',
    'changeme',
    'dummy-token-value',
    'example-secret-value',
    'EXAMPLEKEY',
    'aaaaaaaaaaaaaaaa',
    'abababababababab',
    '0000000000000000',
    'MIIEvQIBADANBg...',
    '••••••••',
    '$GITHUB_TOKEN',
  ])('flags %s', (value) => {
    expect(isPlaceholder(value), placeholderReason(value)).toBe(true);
  });

  it('does not flag random tokens', () => {
    const g = gen();
    let flagged = 0;
    const samples: string[] = [];
    for (let i = 0; i < 2000; i++) {
      samples.push(g.alnum(40), g.hex(40), g.base64url(43), `ghp_${g.alnum(36)}`, g.chars('abcdefghijklmnopqrstuvwxyz0123456789', 52));
    }
    for (const sample of samples) if (isPlaceholder(sample)) flagged++;
    // Chance hits (a one-case five-letter filler word in a random string) are allowed, but rare.
    expect(flagged).toBeLessThanOrEqual(2);
  });

  it('does not flag words only because they appear in mixed case by chance', () => {
    expect(isPlaceholder('Qz9ExAmPlEk2Lm')).toBe(false);
  });

  it('rejectPlaceholders wraps a validator', () => {
    const base = rejectPlaceholders();
    expect(base('your_token_here', context('')).verdict).toBe('invalid');
    expect(base(gen().alnum(32), context('')).verdict).toBe('unknown');
    const wrapped = rejectPlaceholders(() => ({ verdict: 'valid', details: { checked: true } }));
    expect(wrapped('<secret>', context('')).verdict).toBe('invalid');
    expect(wrapped(gen().alnum(32), context(''))).toEqual({ verdict: 'valid', details: { checked: true } });
  });
});

describe('PEM private keys', () => {
  it('parses labels, headers and JS-string escapes', () => {
    const g = gen();
    const block = pemBlock('RSA PRIVATE KEY', fakeRsaPkcs1(g), '\\n');
    expect(normalizePemBlock(block)).toContain('\n');
    const parsed = parsePem(block);
    expect(parsed?.label).toBe('RSA PRIVATE KEY');
    expect(parsed?.body).toMatch(/^MII/);
    const concatenated = `"-----BEGIN PRIVATE KEY-----\\n" +\n  "${base64(fakePkcs8(g, 'ed25519'))}\\n" +\n  "-----END PRIVATE KEY-----"`;
    expect(validatePemPrivateKey(concatenated).verdict).toBe('valid');
    expect(parsePem('-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----')).toBeUndefined();
  });

  it('reads DER lengths', () => {
    expect(derLength(Uint8Array.from([0x30, 0x03, 1, 2, 3]))).toEqual([2, 3]);
    expect(derLength(Uint8Array.from([0x30, 0x82, 0x01, 0x00]))).toEqual([4, 256]);
    expect(isDerSequence(Uint8Array.from([0x30, 0x02, 0x05, 0x00]))).toBe(true);
    expect(isDerSequence(Uint8Array.from([0x30, 0x05, 0x05, 0x00]))).toBe(false);
    expect(isDerSequence(Uint8Array.from([0x31, 0x02, 0x05, 0x00]))).toBe(false);
  });

  it('validates each key type and reports details', () => {
    const g = gen();
    expect(validatePemPrivateKey(pemBlock('RSA PRIVATE KEY', fakeRsaPkcs1(g, 2048)))).toEqual({
      verdict: 'valid',
      details: { keyType: 'RSA', format: 'PKCS#1', keyBits: 2048 },
    });
    expect(validatePemPrivateKey(pemBlock('RSA PRIVATE KEY', fakeRsaPkcs1(g, 4096))).details?.keyBits).toBe(4096);
    expect(validatePemPrivateKey(pemBlock('EC PRIVATE KEY', fakeEcSec1(g))).details).toEqual({ keyType: 'EC P-256', format: 'SEC1' });
    expect(validatePemPrivateKey(pemBlock('DSA PRIVATE KEY', fakeDsa(g))).details?.keyType).toBe('DSA');
    expect(validatePemPrivateKey(pemBlock('PRIVATE KEY', fakePkcs8(g))).details).toEqual({ keyType: 'RSA', format: 'PKCS#8', keyBits: 2048 });
    expect(validatePemPrivateKey(pemBlock('PRIVATE KEY', fakePkcs8(g, 'ed25519'))).details?.keyType).toBe('Ed25519');
    expect(validatePemPrivateKey(pemBlock('PRIVATE KEY', fakePkcs8(g, 'ec'))).details?.keyType).toBe('EC P-256');
  });

  it('reports encrypted keys at high with a note', () => {
    const g = gen();
    const pkcs8 = validatePemPrivateKey(pemBlock('ENCRYPTED PRIVATE KEY', fakeEncryptedPkcs8(g)));
    expect(pkcs8).toMatchObject({ verdict: 'valid', severity: 'high', details: { encrypted: true } });
    expect(pkcs8.note).toMatch(/passphrase/);
    const legacy = pemBlock('RSA PRIVATE KEY', randomBytes(g, 1192), '\n', `Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,${g.hex(32).toUpperCase()}\n\n`);
    expect(validatePemPrivateKey(legacy)).toMatchObject({ verdict: 'valid', severity: 'high', details: { encrypted: true, cipher: 'AES-256-CBC' } });
    // Ciphertext must be block aligned.
    const misaligned = pemBlock('RSA PRIVATE KEY', randomBytes(g, 1191), '\n', 'Proc-Type: 4,ENCRYPTED\nDEK-Info: DES-EDE3-CBC,0011223344556677\n\n');
    expect(validatePemPrivateKey(misaligned).verdict).toBe('invalid');
  });

  it('rejects placeholders, random bodies, truncated keys and public keys', () => {
    const g = gen();
    expect(validatePemPrivateKey('-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----').verdict).toBe('invalid');
    expect(validatePemPrivateKey('-----BEGIN PRIVATE KEY-----\n<your key>\n-----END PRIVATE KEY-----').verdict).toBe('invalid');
    expect(validatePemPrivateKey(pemBlock('RSA PRIVATE KEY', randomBytes(g, 1190))).verdict).toBe('invalid');
    const full = fakeRsaPkcs1(g);
    expect(validatePemPrivateKey(pemBlock('RSA PRIVATE KEY', full.slice(0, full.length - 30))).verdict).toBe('invalid');
    expect(validatePemPrivateKey(pemBlock('PRIVATE KEY', fakePkcs8(g, 'ed25519').slice(0, 20))).verdict).toBe('invalid');
  });

  it('validates OpenSSH keys and their cipher', () => {
    const g = gen();
    const plain = fakeOpenSshKey(g);
    expect(parseOpenSshKey(Uint8Array.from(plain))).toEqual({ cipher: 'none', kdf: 'none', keyType: 'ssh-ed25519' });
    expect(validatePemPrivateKey(pemBlock('OPENSSH PRIVATE KEY', plain))).toEqual({ verdict: 'valid', details: { keyType: 'Ed25519', format: 'OpenSSH' } });
    const encrypted = validatePemPrivateKey(pemBlock('OPENSSH PRIVATE KEY', fakeOpenSshKey(g, true)));
    expect(encrypted).toMatchObject({ verdict: 'valid', severity: 'high', details: { encrypted: true, cipher: 'aes256-ctr' } });
    expect(validatePemPrivateKey(pemBlock('OPENSSH PRIVATE KEY', randomBytes(g, 400))).verdict).toBe('invalid');
  });

  it('validates SSH.com keys', () => {
    const g = gen();
    const block = (bytes: number[]) =>
      `---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nComment: "key"\n${(base64(bytes).match(/.{1,70}/g) ?? []).join('\n')}\n---- END SSH2 ENCRYPTED PRIVATE KEY ----`;
    expect(validateSsh2PrivateKey(block(fakeSsh2Key(g))).verdict).toBe('valid');
    expect(validateSsh2PrivateKey(block(fakeSsh2Key(g, '3des-cbc')))).toMatchObject({ severity: 'high', details: { cipher: '3des-cbc' } });
    expect(validateSsh2PrivateKey(block(randomBytes(g, 300))).verdict).toBe('invalid');
  });
});

describe('OpenPGP private key blocks', () => {
  it('computes the OpenPGP CRC-24', () => {
    expect(crc24(new Uint8Array())).toBe(0xb704ce);
    expect(crc24(new TextEncoder().encode('123456789'))).toBe(0x21cf02);
  });

  it('verifies armor checksum and packet type', () => {
    const g = gen();
    expect(validatePgpPrivateKeyBlock(fakePgpPrivateKeyBlock(g))).toEqual({
      verdict: 'valid',
      details: { keyType: 'OpenPGP EdDSA', format: 'OpenPGP armor', checksum: true },
    });
    expect(validatePgpPrivateKeyBlock(fakePgpPrivateKeyBlock(g, false, false)).verdict).toBe('valid');
    expect(validatePgpPrivateKeyBlock(fakePgpPrivateKeyBlock(g, true))).toMatchObject({ severity: 'high', details: { encrypted: true } });
    const tampered = fakePgpPrivateKeyBlock(g).replace(/\n=[A-Za-z0-9+/]{4}\n/, '\n=AAAA\n');
    expect(validatePgpPrivateKeyBlock(tampered).verdict).toBe('invalid');
    expect(validatePgpPrivateKeyBlock('-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBF...\n-----END PGP PRIVATE KEY BLOCK-----').verdict).toBe('invalid');
  });
});

describe('PuTTY private keys', () => {
  it('checks the counted sections and the public key type', () => {
    const g = gen();
    expect(validatePuttyPrivateKey(fakePpk(g))).toEqual({ verdict: 'valid', details: { keyType: 'ssh-ed25519', format: 'PuTTY v3' } });
    expect(validatePuttyPrivateKey(fakePpk(g, 2, 'none', '\\n')).details?.format).toBe('PuTTY v2');
    expect(validatePuttyPrivateKey(fakePpk(g, 3, 'aes256-cbc'))).toMatchObject({ severity: 'high', details: { encrypted: true } });
    expect(validatePuttyPrivateKey(fakePpk(g).replace('ssh-ed25519', 'ssh-rsa')).verdict).toBe('invalid');
    expect(validatePuttyPrivateKey(fakePpk(g).replace(/Private-MAC: \w+/, 'Private-MAC: nope')).verdict).toBe('invalid');
  });
});

describe('JSON Web Keys', () => {
  it('reads JSON and JavaScript object literals', () => {
    expect(readFlatObject('{kty:"EC",\'crv\':\'P-256\',"ext":true}')).toEqual(
      new Map([
        ['kty', 'EC'],
        ['crv', 'P-256'],
        ['ext', 'true'],
      ]),
    );
  });

  it('accepts private and symmetric keys, rejects public ones', () => {
    const g = gen();
    const ec = `{"kty":"EC","crv":"P-256","x":"${g.base64url(43)}","y":"${g.base64url(43)}","d":"${g.base64url(43)}","kid":"k1"}`;
    expect(validateJwkPrivateKey(ec)).toEqual({ verdict: 'valid', details: { keyType: 'EC', curve: 'P-256', kid: 'k1' } });
    const rsa = `{kty:"RSA",n:"${g.base64url(342)}",e:"AQAB",d:"${g.base64url(342)}"}`;
    expect(validateJwkPrivateKey(rsa).details).toMatchObject({ keyType: 'RSA', keyBits: 2048 });
    expect(validateJwkPrivateKey(`{"kty":"oct","k":"${g.base64url(43)}","alg":"HS256"}`).details).toMatchObject({ keyType: 'symmetric (oct)', alg: 'HS256' });
    expect(validateJwkPrivateKey(`{"kty":"RSA","n":"${g.base64url(342)}","e":"AQAB"}`).verdict).toBe('invalid');
    expect(validateJwkPrivateKey(`{"kty":"EC","crv":"P-256","d":"your-private-key-goes-here"}`).verdict).toBe('invalid');
    expect(validateJwkPrivateKey(`{"kty":"XYZ","d":"${g.base64url(43)}"}`).verdict).toBe('invalid');
  });
});

describe('bech32', () => {
  it('round-trips and detects errors', () => {
    const key = fakeAgeSecretKey(gen());
    expect(key).toMatch(/^AGE-SECRET-KEY-1[A-Z0-9]{58}$/);
    expect(decodeBech32(key)).toMatchObject({ hrp: 'age-secret-key-', variant: 'bech32' });
    expect(decodeBech32(flipLast(key))).toBeUndefined();
    expect(decodeBech32(key.toLowerCase())?.hrp).toBe('age-secret-key-');
    expect(decodeBech32(key.slice(0, 20) + key.slice(20).toLowerCase())).toBeUndefined();
    // BIP 173 test vector.
    expect(decodeBech32('A12UEL5L')).toMatchObject({ hrp: 'a', variant: 'bech32', words: [] });
    expect(encodeBech32('a', [])).toBe('a12uel5l');
  });
});
