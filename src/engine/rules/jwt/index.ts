/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { jsonWebToken } from './jwt.ts';

export const jwtRules: readonly Rule[] = [jsonWebToken];
