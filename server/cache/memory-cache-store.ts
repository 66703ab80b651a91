import type { CacheStore } from './cache-store.ts';
import { assertCacheKey } from './private/assert-cache-key.ts';

/** Entries kept when not told otherwise. */
export const DEFAULT_MEMORY_STORE_ENTRIES = 500;

/** A `CacheStore` in memory, least recently used evicted first once over `maxEntries`. Gone on restart. */
export class MemoryCacheStore implements CacheStore {
  readonly maxEntries: number;
  /** Map order is recency: the first key is the least recently used. */
  #entries = new Map<string, string>();

  constructor(options: { maxEntries?: number } = {}) {
    this.maxEntries = options.maxEntries ?? DEFAULT_MEMORY_STORE_ENTRIES;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) throw new RangeError(`maxEntries must be a whole number ≥ 1, got ${this.maxEntries}.`);
  }

  async get(key: string): Promise<string | undefined> {
    assertCacheKey(key);
    const json = this.#entries.get(key);
    if (json === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, json);
    return json;
  }

  async set(key: string, json: string): Promise<void> {
    assertCacheKey(key);
    this.#entries.delete(key);
    this.#entries.set(key, json);
    for (const oldest of this.#entries.keys()) {
      if (this.#entries.size <= this.maxEntries) break;
      this.#entries.delete(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    assertCacheKey(key);
    this.#entries.delete(key);
  }

  /** Entries held now. */
  get size(): number {
    return this.#entries.size;
  }
}
