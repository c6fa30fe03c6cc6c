/** Bigger files are reported as skipped: reading them whole would exhaust memory for little gain. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;
