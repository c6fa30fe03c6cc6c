/**
 * Offline JWT analysis: decode header and claims (never verify signatures: we have no keys and want
 * none), and derive what matters for exposure — algorithm (`none` means anyone can forge it), lifetime
 * from exp/iat, issuer, and role/scope claims (a Supabase `service_role` token bypasses row-level
 * security; an `anon` one is public by design).
 */
import type { FindingDetails } from '../../shared/finding.ts';
import { decodeBase64Bytes } from '../decode.ts';
import type { ValidationResult } from '../types.ts';

export interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  signed: boolean;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeJsonSegment(segment: string): Record<string, unknown> | undefined {
  const bytes = decodeBase64Bytes(segment);
  if (!bytes) return undefined;
  try {
    const value: unknown = JSON.parse(utf8.decode(bytes));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const header = decodeJsonSegment(parts[0]!);
  const claims = decodeJsonSegment(parts[1]!);
  if (!header || !claims || typeof header.alg !== 'string') return undefined;
  return { header, claims, signed: parts[2]!.length > 0 };
}

const HOUR = 3600;

/** `nowSeconds` is a parameter so the analysis stays pure and testable. */
export function analyzeJwt(token: string, nowSeconds = Math.floor(Date.now() / 1000)): ValidationResult {
  const decoded = decodeJwt(token);
  if (!decoded) return { verdict: 'invalid' };
  const { header, claims } = decoded;
  const details: FindingDetails = { alg: String(header.alg) };
  const notes: string[] = [];
  let severity: ValidationResult['severity'];
  let exposure: ValidationResult['exposure'];
  let title: string | undefined;

  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  const iat = typeof claims.iat === 'number' ? claims.iat : undefined;
  if (exp !== undefined) {
    details.expiresAt = new Date(exp * 1000).toISOString();
    details.expired = exp < nowSeconds;
    details.lifetimeHours = Math.round(((exp - (iat ?? nowSeconds)) / HOUR) * 10) / 10;
  } else {
    details.noExpiry = true;
    notes.push('It has no expiry (`exp`): it stays valid until its signing key is rotated.');
  }
  if (typeof claims.iss === 'string') details.issuer = claims.iss.slice(0, 200);
  if (typeof claims.sub === 'string') details.subject = claims.sub.slice(0, 80);
  const scope = claims.scope ?? claims.scp;
  if (typeof scope === 'string') details.scope = scope.slice(0, 200);
  else if (Array.isArray(scope)) details.scope = scope.join(' ').slice(0, 200);
  if (typeof claims.role === 'string') details.role = claims.role.slice(0, 80);

  if (String(header.alg).toLowerCase() === 'none') {
    severity = 'high';
    notes.push('Its algorithm is `none`: it carries no signature, and a server that accepts it accepts forgeries.');
  }
  // Supabase: the anon key is public by design (RLS protects data); service_role bypasses RLS.
  if (claims.role === 'service_role') {
    severity = 'critical';
    exposure = 'secret';
    title = 'Supabase service_role key (bypasses row-level security)';
  } else if (claims.role === 'anon' && (typeof claims.iss !== 'string' || claims.iss.includes('supabase'))) {
    exposure = 'public-by-design';
    severity = 'info';
    title = 'Supabase anon key (public by design)';
    notes.push('Safe only while row-level security is enabled on every table it can reach.');
  }
  const result: ValidationResult = { verdict: 'valid', details };
  if (severity) result.severity = severity;
  if (exposure) result.exposure = exposure;
  if (title) result.title = title;
  if (notes.length) result.note = notes.join(' ');
  return result;
}
