/** Types for slow-inputs.mjs, so the TypeScript slow-input test imports it checked. */
export function slowInputs(rules: readonly { keywords: readonly string[] }[]): [name: string, make: () => string][];
