/** JSON Web Keys carrying private material (`d`) or a symmetric secret (`k`). */
import type { Rule } from '../../types.ts';
import { validateJwkPrivateKey } from '../../validators/jwk.ts';

const member = (name: string, value: string) => String.raw`(?:[^{}]{0,8000}?[,\s])?["']?${name}["']?\s{0,4}:\s{0,4}["']${value}`;

export const jwkPrivateKey: Rule = {
  id: 'jwk-private-key',
  title: 'JSON Web Key with private key material',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['kty'],
  pattern: new RegExp(
    String.raw`\{(?=${member('kty', String.raw`(?:RSA|EC|OKP)["']`)})(?=${member('d', '[A-Za-z0-9_-]{20}')})[^{}]{20,8000}\}`,
  ),
  maxLength: 8200,
  validate: validateJwkPrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A JWK with a "d" member is a private key (RSA, EC or Ed25519). Whoever holds it can sign tokens that your servers accept, or decrypt what was encrypted to it. A public JWKS never contains "d".',
  remediation:
    'Rotate the key: publish a new key in your JWKS, stop accepting the leaked "kid", and re-issue tokens. Keep signing keys on the server (or in a KMS) and ship only the public members (kty, n, e, crv, x, y) to clients.',
  samples: {
    positives: [
      '{"kty":"EC","crv":"P-256","x":"{{base64url:43}}","y":"{{base64url:43}}","d":"{{base64url:43}}","kid":"sig-1"}',
      'const signingKey={kty:"OKP",crv:"Ed25519",x:"{{base64url:43}}",d:"{{base64url:43}}"};',
      '{\n  "d": "{{base64url:342}}",\n  "e": "AQAB",\n  "kty": "RSA",\n  "n": "{{base64url:342}}"\n}',
    ],
    negatives: [
      '{"kty":"RSA","n":"{{base64url:342}}","e":"AQAB","kid":"2024-01"}',
      '{"kty":"EC","crv":"P-256","x":"{{base64url:43}}","y":"{{base64url:43}}","d":"..."}',
      'if(e.kty==="RSA"&&e.d){return importKey(e)}',
      '{"kty":"EC","crv":"P-256","x":"{{base64url:43}}","d":"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}',
    ],
  },
};

export const jwkSymmetricKey: Rule = {
  id: 'jwk-symmetric-key',
  title: 'JSON Web Key with a symmetric secret',
  provider: 'Private key',
  category: 'private-key',
  keywords: ['kty'],
  pattern: new RegExp(String.raw`\{(?=${member('kty', String.raw`oct["']`)})(?=${member('k', '[A-Za-z0-9_-]{20}')})[^{}]{20,4000}\}`),
  maxLength: 4200,
  validate: validateJwkPrivateKey,
  severity: 'critical',
  exposure: 'secret',
  description:
    'A JWK of type "oct" holds a raw symmetric key in "k": with an HMAC key anyone can mint tokens your API accepts; with an AES key anyone can decrypt the data it protects.',
  remediation:
    'Replace the key on the server (new "kid"), invalidate tokens or ciphertexts made with the old one, and never send symmetric keys to the browser: verify and encrypt server-side.',
  samples: {
    positives: ['{"kty":"oct","k":"{{base64url:43}}","alg":"HS256"}', "jwks:{keys:[{kty:'oct',kid:'hmac',k:'{{base64url:86}}'}]}"],
    negatives: ['{"kty":"oct","alg":"HS256","kid":"k1"}', '{"kty":"oct","k":"your-256-bit-secret-goes-here"}', '{"kty":"oct","k":"<secret>"}'],
  },
};
