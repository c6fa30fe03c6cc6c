/**
 * The rule registry: every category folder contributes its list. Order matters only for ties between
 * two specific rules on the very same span (the first wins), so the more specific categories come first.
 */
import type { Rule } from '../types.ts';
import { aiRules } from './ai/index.ts';
import { cloudRules } from './cloud/index.ts';
import { codeRules } from './code/index.ts';
import { connectionStringsRules } from './connection-strings/index.ts';
import { databaseRules } from './database/index.ts';
import { emailRules } from './email/index.ts';
import { genericRules } from './generic/index.ts';
import { jwtRules } from './jwt/index.ts';
import { keysRules } from './keys/index.ts';
import { messagingRules } from './messaging/index.ts';
import { observabilityRules } from './observability/index.ts';
import { paymentRules } from './payment/index.ts';
import { saasRules } from './saas/index.ts';

export const RULE_CATEGORIES = {
  keys: keysRules,
  code: codeRules,
  cloud: cloudRules,
  payment: paymentRules,
  ai: aiRules,
  messaging: messagingRules,
  email: emailRules,
  database: databaseRules,
  observability: observabilityRules,
  saas: saasRules,
  'connection-strings': connectionStringsRules,
  jwt: jwtRules,
  generic: genericRules,
} as const satisfies Record<string, readonly Rule[]>;

export const RULES: readonly Rule[] = Object.values(RULE_CATEGORIES).flat();
