/**
 * Bech32 (BIP 173) checksums, used by age keys (`AGE-SECRET-KEY-1…`): a 6-character BCH checksum over
 * the human-readable part and the data. A typo or an invented value fails it offline.
 */
export const BECH32_CHARSET = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
const BECH32_CONST = 1;
const BECH32M_CONST = 0x2bc830a3;

function polymod(values: number[]): number {
  let chk = 1;
  for (const value of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= GENERATOR[i]!;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) >> 5);
  out.push(0);
  for (let i = 0; i < hrp.length; i++) out.push(hrp.charCodeAt(i) & 31);
  return out;
}

/** Decode and verify; returns the variant and the 5-bit data words, or undefined. Case-insensitive, not mixed. */
export function decodeBech32(value: string): { hrp: string; variant: 'bech32' | 'bech32m'; words: number[] } | undefined {
  if (value !== value.toLowerCase() && value !== value.toUpperCase()) return undefined;
  const lower = value.toLowerCase();
  const separator = lower.lastIndexOf('1');
  if (separator < 1 || separator + 7 > lower.length) return undefined;
  const hrp = lower.slice(0, separator);
  const words: number[] = [];
  for (const char of lower.slice(separator + 1)) {
    const word = BECH32_CHARSET.indexOf(char);
    if (word < 0) return undefined;
    words.push(word);
  }
  const check = polymod([...hrpExpand(hrp), ...words]);
  const variant = check === BECH32_CONST ? 'bech32' : check === BECH32M_CONST ? 'bech32m' : undefined;
  if (!variant) return undefined;
  return { hrp, variant, words: words.slice(0, -6) };
}

/** Encode 5-bit words with a bech32 checksum (tests and samples). */
export function encodeBech32(hrp: string, words: number[]): string {
  const lowerHrp = hrp.toLowerCase();
  const mod = polymod([...hrpExpand(lowerHrp), ...words, 0, 0, 0, 0, 0, 0]) ^ BECH32_CONST;
  const checksum: number[] = [];
  for (let i = 0; i < 6; i++) checksum.push((mod >>> (5 * (5 - i))) & 31);
  return `${lowerHrp}1${[...words, ...checksum].map((word) => BECH32_CHARSET[word]).join('')}`;
}
