/** Rules of this category, one provider family per file. Keep the list sorted by file name. */
import type { Rule } from '../../types.ts';
import { awsAccessKeyId, awsSecretAccessKey } from './aws.ts';

export const cloudRules: readonly Rule[] = [awsAccessKeyId, awsSecretAccessKey];
