/** JSON Web Tokens: decoded offline (alg, lifetime, issuer, role); placement decides severity. */
import type { Rule } from '../../types.ts';
import { analyzeJwt } from '../../validators/jwt.ts';

export const jsonWebToken: Rule = {
  id: 'jwt',
  title: 'JSON Web Token',
  provider: 'JWT',
  category: 'jwt',
  // Every JWT header starts with `{"` → base64url `eyJ`; the payload too.
  keywords: ['eyj'],
  pattern:
    /(?<![A-Za-z0-9_-])(?<secret>eyJ[A-Za-z0-9_-]{8,2000}\.eyJ[A-Za-z0-9_-]{4,8000}\.[A-Za-z0-9_-]{0,1400})(?![A-Za-z0-9_-])/,
  maxLength: 10_000,
  validate: (token) => analyzeJwt(token),
  severity: 'medium',
  exposure: 'secret',
  description:
    'A JWT is a bearer credential: whoever holds it acts as its subject until it expires. Where it is kept and how long it lives decide how bad its exposure is.',
  remediation:
    'Keep access tokens short-lived (minutes), keep refresh tokens out of page-readable storage (use HttpOnly, Secure, SameSite cookies or a backend-for-frontend), and send tokens in the Authorization header, never in URLs.',
  samples: {
    positives: [
      // {"alg":"HS256","typ":"JWT"} . {"sub":"…"} . signature
      (gen) => `localStorage.setItem("t","eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${base64UrlJson({ sub: `user-${gen.alnum(8)}`, exp: 4102444800 })}.${gen.base64url(43)}")`,
      (gen) => `Authorization: Bearer eyJhbGciOiJub25lIn0.${base64UrlJson({ sub: gen.alnum(10) })}.`,
    ],
    negatives: [
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9',
      (gen) => `eyJ${gen.alnum(30)}.eyJ${gen.alnum(30)}.${gen.alnum(20)}`,
    ],
  },
};

function base64UrlJson(value: unknown): string {
  // Samples only: btoa is available in node 20 and browsers; the engine itself never encodes.
  return btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
