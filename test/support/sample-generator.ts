/**
 * Expands rule sample templates into fake secrets at test time, so the repository holds templates,
 * never live-looking credentials. Deterministic per seed: a failing sample reproduces.
 *
 * Template language: `{{alnum:24}}`, `{{hex:40}}`, `{{HEX:32}}` (upper), `{{lower:10}}`, `{{upper:10}}`,
 * `{{digits:12}}`, `{{base64:40}}`, `{{base64url:43}}`, `{{base32:16}}` (A-Z2-7), `{{alnumlower:20}}`,
 * `{{chars:abc123:10}}` (any alphabet, no `:` or `}` in it).
 */
import type { SampleGenerator, SampleTemplate } from '../../src/engine/types.ts';
import { prng } from './prng.ts';

const ALPHABETS: Record<string, string> = {
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  alnumlower: 'abcdefghijklmnopqrstuvwxyz0123456789',
  alnumupper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  hex: '0123456789abcdef',
  HEX: '0123456789ABCDEF',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  digits: '0123456789',
  base64: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
  base64url: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_',
  base32: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567',
};

const PLACEHOLDER = /\{\{(\w+)(?::([^:}]+))?:(\d+)\}\}/g;

export function createSampleGenerator(seed = 0x1eac1e45): SampleGenerator {
  const next = prng(seed);
  const chars = (alphabet: string, length: number) => {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
    return out;
  };
  const generator: SampleGenerator = {
    chars,
    alnum: (length) => chars(ALPHABETS.alnum!, length),
    hex: (length) => chars(ALPHABETS.hex!, length),
    base64: (length) => chars(ALPHABETS.base64!, length),
    base64url: (length) => chars(ALPHABETS.base64url!, length),
    digits: (length) => chars(ALPHABETS.digits!, length),
    expand(template) {
      return template.replace(PLACEHOLDER, (_all, kind: string, custom: string | undefined, count: string) => {
        const alphabet = kind === 'chars' ? custom : ALPHABETS[kind];
        if (!alphabet) throw new Error(`unknown sample placeholder {{${kind}}} in ${template}`);
        return chars(alphabet, Number(count));
      });
    },
  };
  return generator;
}

export function expandSample(template: SampleTemplate, generator: SampleGenerator): string {
  return typeof template === 'function' ? template(generator) : generator.expand(template);
}
