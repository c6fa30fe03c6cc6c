/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';

export const connectionStringsRules: readonly Rule[] = [];
