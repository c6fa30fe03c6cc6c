/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import {
  genericAccessToken,
  genericApiKey,
  genericApiSecret,
  genericAppSecret,
  genericAuthToken,
  genericClientSecret,
  genericPassword,
  genericPrivateKey,
  genericRefreshToken,
  genericSecretKey,
} from './assignments.ts';
import { genericBasicAuthorization, genericBearerToken } from './authorization.ts';
import { genericEnvSecret } from './env-file.ts';

// Between two generic matches on the same span the longer wins, then the first listed: the rules that
// know what the value is (by its name) come before the catch-all environment rule.
export const genericRules: readonly Rule[] = [
  genericClientSecret,
  genericAppSecret,
  genericApiSecret,
  genericSecretKey,
  genericPrivateKey,
  genericApiKey,
  genericAccessToken,
  genericRefreshToken,
  genericAuthToken,
  genericPassword,
  genericBearerToken,
  genericBasicAuthorization,
  genericEnvSecret,
];
