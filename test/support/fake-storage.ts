/** An in-memory `storage.session` with the real API's shape, plus a latency knob to expose races. */
import type { StorageAreaLike } from '../../src/background/findings-store.ts';

export class FakeStorageArea implements StorageAreaLike {
  readonly data = new Map<string, unknown>();
  constructor(private readonly latencyMs = 0) {}

  private async tick() {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * this.latencyMs));
  }

  async get(keys?: string | string[] | null) {
    await this.tick();
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : Array.isArray(keys) ? keys : [keys];
    const result: Record<string, unknown> = {};
    // Structured clone, as the real storage does: callers must not share objects with it.
    for (const key of wanted) if (this.data.has(key)) result[key] = structuredClone(this.data.get(key));
    return result;
  }

  async set(items: Record<string, unknown>) {
    await this.tick();
    for (const [key, value] of Object.entries(items)) this.data.set(key, structuredClone(value));
  }

  async remove(keys: string | string[]) {
    await this.tick();
    for (const key of Array.isArray(keys) ? keys : [keys]) this.data.delete(key);
  }

  /** Everything stored, serialised: for "no raw secret in storage" assertions. */
  dump(): string {
    return JSON.stringify([...this.data.entries()]);
  }
}
