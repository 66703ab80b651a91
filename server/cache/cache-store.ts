/**
 * Where cached results live, as JSON text under a `cacheKey`. A store bounds itself and may drop
 * any entry at any time; it never interprets the text (`ResultCache` parses and validates it).
 * Implementations: `SqlCacheStore` (the backend's database) and `MemoryCacheStore`.
 */
export interface CacheStore {
  /** The text stored under `key`, or undefined if there is none. */
  get(key: string): Promise<string | undefined>;
  /** Stores `json` under `key`, replacing any previous entry, then evicts to stay within bounds. */
  set(key: string, json: string): Promise<void>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}
