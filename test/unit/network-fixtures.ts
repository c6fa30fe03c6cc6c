/**
 * Request fixtures for the network inspector tests: headers as Chromium sends them, and fake provider
 * keys generated at test time (never committed as literals). Not a test file itself.
 */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { HeaderEntry } from '../../src/engine/inspectors/exchange.ts';
import type { Finding } from '../../src/shared/finding.ts';
import { randomFrom } from '../support/fake-secrets.ts';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const B64URL = `${ALNUM}-_`;

export const fakeSendgridKey = () => `SG.${randomFrom(B64URL, 22)}.${randomFrom(B64URL, 42)}${randomFrom(ALNUM, 1)}`;
export const fakeOpenAiKey = () => `sk-proj-${randomFrom(B64URL, 74)}T3BlbkFJ${randomFrom(B64URL, 73)}${randomFrom(ALNUM, 1)}`;
export const fakeStripeSecret = () => `sk_live_${randomFrom(ALNUM, 32)}`;
export const fakePassword = () => `${randomFrom(ALNUM, 6)}-${randomFrom(ALNUM, 6)}-${randomFrom(ALNUM, 6)}`;

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function headers(record: Record<string, string>): HeaderEntry[] {
  return Object.entries(record).map(([name, value]) => ({ name, value }));
}

/** What Chromium 156 sends with a cross-origin fetch (PLATFORM.md), before anything the page adds. */
export function chromeHeaders(extra: Record<string, string> = {}, page = 'https://app.example.test'): HeaderEntry[] {
  return headers({
    'sec-ch-ua': '"Chromium";v="156", "Not:A-Brand";v="24"',
    'sec-ch-ua-mobile': '?0',
    'sec-ch-ua-platform': '"Linux"',
    'User-Agent': 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    Accept: '*/*',
    Origin: page,
    'Sec-Fetch-Site': 'same-site',
    'Sec-Fetch-Mode': 'cors',
    'Sec-Fetch-Dest': 'empty',
    Referer: `${page}/`,
    'Accept-Encoding': 'gzip, deflate, br, zstd',
    'Accept-Language': 'en-US,en;q=0.9',
    ...extra,
  });
}

export const sha32 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 32);

/** No raw value anywhere in what the inspectors return (and so in what the store keeps). */
export function expectNoRawValues(findings: readonly Finding[], ...values: string[]): void {
  const text = JSON.stringify(findings);
  for (const value of values) expect(text.includes(value), `raw value ${value.slice(0, 4)}… leaked`).toBe(false);
}

export function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}
