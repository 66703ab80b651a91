import { z } from 'zod';
import { CacheError } from './cache-error.ts';
import type { CacheStore } from './cache-store.ts';
import { assertCacheKey } from './private/assert-cache-key.ts';

/** Results kept in memory in front of the store when not told otherwise. */
export const DEFAULT_MEMORY_ENTRIES = 500;

/** Why a stored entry was thrown away instead of returned: unreadable JSON, or JSON the schema rejects (e.g. written by an older version). */
export type CacheDiscardReason = 'corrupt' | 'invalid';

export interface ResultCacheOptions<T> {
  readonly store: CacheStore;
  /** Every value read back, from memory or the store, is one this schema accepted. Describe plain JSON data (no transforms). */
  readonly schema: z.ZodType<T>;
  /** Least recently used results kept in memory; default 500. */
  readonly maxMemoryEntries?: number | undefined;
  /** Told of every discarded entry (it is also deleted from the store); defaults to a console warning. */
  readonly onDiscard?: ((key: string, reason: CacheDiscardReason, detail: string) => void) | undefined;
  /** Told once per kind of failure when the store cannot be read (each such read is a miss); defaults to a console warning. */
  readonly onUnreadable?: ((detail: string) => void) | undefined;
}

/**
 * Extractor results by `cacheKey`, so a repeated (image, extractor, model, prompt) costs nothing.
 * Values must be JSON data; each `get` returns a fresh copy, so a caller's edits never reach the cache.
 */
export interface ResultCache<T> {
  /**
   * The cached value, or undefined on a miss. A damaged or schema-invalid stored entry is deleted,
   * reported, and is a miss; so is an entry the store cannot read (reported once per kind of failure):
   * a cache is only ever a saving, so it never fails a run.
   */
  get(key: string): Promise<T | undefined>;
  /** Caches `value`. Rejects with `CacheError('INVALID_VALUE')` if it fails the schema or does not survive JSON; store errors reject too. */
  set(key: string, value: T): Promise<void>;
}

/** Kinds of read failure remembered as reported; past this, new kinds are not logged (the log stays bounded). */
const MAX_REPORTED = 16;
/** Envelope version of stored entries; a different shape is read as invalid and discarded. */
const ENVELOPE_VERSION = 1;

/** A `ResultCache` over `store`, with an LRU of up to `maxMemoryEntries` validated values in front. */
export function createResultCache<T>(options: ResultCacheOptions<T>): ResultCache<T> {
  const { store, schema } = options;
  const maxMemoryEntries = options.maxMemoryEntries ?? DEFAULT_MEMORY_ENTRIES;
  if (!Number.isInteger(maxMemoryEntries) || maxMemoryEntries < 0) {
    throw new RangeError(`maxMemoryEntries must be a whole number ≥ 0, got ${maxMemoryEntries}.`);
  }
  const onDiscard =
    options.onDiscard ??
    ((key: string, reason: CacheDiscardReason, detail: string) => console.warn(`chorus cache: discarded ${reason} entry ${key}: ${detail}`));
  const onUnreadable = options.onUnreadable ?? ((detail: string) => console.warn(`chorus cache: cannot read the cache (${detail}); counting entries as misses.`));
  /** Failures already reported: a broken disk would otherwise log on every run. */
  const reported = new Set<string>();
  const unreadable = (error: unknown): undefined => {
    const detail = error instanceof Error ? `${'code' in error ? `${String(error.code)}: ` : ''}${error.message}` : String(error);
    const kind = error instanceof Error && 'code' in error ? String(error.code) : detail;
    if (!reported.has(kind) && reported.size < MAX_REPORTED) {
      reported.add(kind);
      onUnreadable(detail);
    }
    return undefined;
  };
  const envelopeSchema = z.object({ v: z.literal(ENVELOPE_VERSION), value: schema });
  /** Map order is recency: the first key is the least recently used. */
  const memory = new Map<string, T>();

  const remember = (key: string, value: T): void => {
    memory.delete(key);
    if (maxMemoryEntries === 0) return;
    memory.set(key, value);
    for (const oldest of memory.keys()) {
      if (memory.size <= maxMemoryEntries) break;
      memory.delete(oldest);
    }
  };

  const discard = async (key: string, reason: CacheDiscardReason, detail: string): Promise<undefined> => {
    onDiscard(key, reason, detail);
    await store.delete(key).catch(unreadable);
    return undefined;
  };

  return {
    async get(key) {
      assertCacheKey(key);
      const remembered = memory.get(key);
      if (remembered !== undefined) {
        remember(key, remembered);
        return structuredClone(remembered);
      }
      let json: string | undefined;
      try {
        json = await store.get(key);
      } catch (error) {
        return unreadable(error);
      }
      if (json === undefined) return undefined;
      let parsed: unknown;
      try {
        parsed = JSON.parse(json);
      } catch (error) {
        return discard(key, 'corrupt', error instanceof Error ? error.message : String(error));
      }
      const checked = envelopeSchema.safeParse(parsed);
      if (!checked.success) return discard(key, 'invalid', z.prettifyError(checked.error));
      remember(key, checked.data.value);
      return structuredClone(checked.data.value);
    },

    async set(key, value) {
      assertCacheKey(key);
      let json: string;
      try {
        json = JSON.stringify({ v: ENVELOPE_VERSION, value });
      } catch (error) {
        throw new CacheError('INVALID_VALUE', `The result for ${key} cannot be written as JSON, so it was not cached.`, { cause: error });
      }
      // Validate what will be read back, not the object in hand: JSON drops undefined and turns NaN into null.
      const checked = envelopeSchema.safeParse(JSON.parse(json));
      if (!checked.success) {
        throw new CacheError('INVALID_VALUE', `The result for ${key} does not match its schema after a JSON round trip, so it was not cached: ${z.prettifyError(checked.error)}`);
      }
      await store.set(key, json);
      remember(key, checked.data.value);
    },
  };
}
