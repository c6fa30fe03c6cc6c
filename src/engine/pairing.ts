/**
 * An AWS access key id and its secret access key near each other are one credential: report them as
 * one critical finding at the key id (what users search their IAM console for), with the secret's
 * masked preview and hash in the details, instead of two half-findings.
 */
import type { RawMatch } from './scanner.ts';
import { maskSecret } from './redact.ts';
import { secretHash } from './sha256.ts';

export const AWS_KEY_ID_RULE = 'aws-access-key-id';
export const AWS_SECRET_RULE = 'aws-secret-access-key';
/** How far apart (in characters) an id and a secret may be to count as one pair. */
export const AWS_PAIR_DISTANCE = 1000;

export function pairAwsCredentials(matches: RawMatch[]): RawMatch[] {
  const ids = matches.filter((match) => match.rule.id === AWS_KEY_ID_RULE);
  const secrets = matches.filter((match) => match.rule.id === AWS_SECRET_RULE);
  if (ids.length === 0 || secrets.length === 0) return matches;
  const consumed = new Set<RawMatch>();
  const paired = new Map<RawMatch, RawMatch>();
  for (const id of ids) {
    let best: RawMatch | undefined;
    for (const secret of secrets) {
      if (consumed.has(secret)) continue;
      const distance = Math.abs(secret.start - id.start);
      if (distance <= AWS_PAIR_DISTANCE && (!best || distance < Math.abs(best.start - id.start))) best = secret;
    }
    if (!best) continue;
    consumed.add(best);
    const idValidation = id.validation;
    const exposure = idValidation?.exposure ?? id.rule.exposure;
    paired.set(id, {
      ...id,
      validation: {
        verdict: idValidation?.verdict ?? 'unknown',
        title: 'AWS access key pair (key id and secret access key)',
        // The pair can sign requests: a real credential, unless the id says it is an example.
        exposure: exposure === 'identifier' ? 'secret' : exposure,
        severity: 'critical',
        details: {
          ...(idValidation?.details ?? {}),
          secretAccessKeyPreview: maskSecret(best.secret),
          secretAccessKeyHash: secretHash(best.secret),
        },
        note: 'The key id and its secret access key are both here: together they sign AWS API requests as this IAM identity.',
      },
    });
  }
  return matches.filter((match) => !consumed.has(match)).map((match) => paired.get(match) ?? match);
}
