import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { z } from 'zod';
import { CacheError } from './cache-error.ts';
import { cacheKey, sha256Hex } from './cache-key.ts';
import type { CacheStore } from './cache-store.ts';
import { openSqliteDatabase } from '../db/open-sqlite-database.ts';
import type { SqlDatabase } from '../db/sql-database.ts';
import { SqlCacheStore } from './sql-cache-store.ts';
import { MemoryCacheStore } from './memory-cache-store.ts';
import { createResultCache, type CacheDiscardReason } from './result-cache.ts';

/** The shape the lead stores: an extractor's validated votes plus metadata. */
const resultSchema = z.object({
  votes: z.array(z.object({ hex: z.string().regex(/^#[0-9a-f]{6}$/), role: z.string().optional(), confidence: z.number().min(0).max(1).optional() })),
  costUsd: z.number().nonnegative(),
});
type Result = z.infer<typeof resultSchema>;

const result = (hex: string): Result => ({ votes: [{ hex, role: 'primary', confidence: 0.9 }], costUsd: 0.002 });
const keyOf = (i: number) => i.toString(16).padStart(64, '0');

/** Counts reads that reach the store, to tell memory hits from store hits. */
class CountingStore implements CacheStore {
  readonly inner = new MemoryCacheStore();
  reads = 0;

  get(key: string) {
    this.reads++;
    return this.inner.get(key);
  }

  set(key: string, json: string) {
    return this.inner.set(key, json);
  }

  delete(key: string) {
    return this.inner.delete(key);
  }
}

describe('createResultCache', () => {
  let dataDirectory: string;
  const discards: { key: string; reason: CacheDiscardReason }[] = [];
  const onDiscard = (key: string, reason: CacheDiscardReason) => {
    discards.push({ key, reason });
  };

  beforeEach(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'chorus-result-cache-'));
    discards.length = 0;
  });

  const opened: SqlDatabase[] = [];
  /** The server's own database file in this test's directory, opened once more each call (as another process would). */
  const sqlite = async () => {
    const db = await openSqliteDatabase(join(dataDirectory, 'chorus.db'));
    opened.push(db);
    return db;
  };

  afterEach(async () => {
    for (const db of opened.splice(0)) await db.close();
    await rm(dataDirectory, { recursive: true, force: true });
  });

  it('misses, then returns what was set under a key built from the image and extractor', async () => {
    const cache = createResultCache({ store: new MemoryCacheStore(), schema: resultSchema, onDiscard });
    const key = await cacheKey({ imageSha256: await sha256Hex(new Uint8Array([1, 2, 3])), extractorId: 'openai-vision', model: 'gpt-4o', promptVersion: '1' });
    expect(await cache.get(key)).toBeUndefined();
    await cache.set(key, result('#112233'));
    expect(await cache.get(key)).toEqual(result('#112233'));
  });

  it('hands out copies, so a caller editing its result does not change the cache', async () => {
    const cache = createResultCache({ store: new MemoryCacheStore(), schema: resultSchema, onDiscard });
    const value = result('#112233');
    await cache.set(keyOf(1), value);
    value.votes[0]!.hex = '#ffffff';
    const first = await cache.get(keyOf(1));
    first!.costUsd = 99;
    expect(await cache.get(keyOf(1))).toEqual(result('#112233'));
  });

  it('keeps the most recently used entries in memory and evicts the least recently used', async () => {
    const store = new CountingStore();
    const cache = createResultCache({ store, schema: resultSchema, maxMemoryEntries: 2, onDiscard });
    await cache.set(keyOf(1), result('#000001'));
    await cache.set(keyOf(2), result('#000002'));
    await cache.get(keyOf(1)); // 1 is now more recent than 2
    await cache.set(keyOf(3), result('#000003')); // evicts 2 from memory
    expect(store.reads).toBe(0);
    expect(await cache.get(keyOf(1))).toEqual(result('#000001'));
    expect(await cache.get(keyOf(3))).toEqual(result('#000003'));
    expect(store.reads).toBe(0);
    expect(await cache.get(keyOf(2))).toEqual(result('#000002'));
    expect(store.reads).toBe(1);
  });

  it('persists in the database across cache, store and connection instances', async () => {
    const first = createResultCache({ store: new SqlCacheStore(await sqlite()), schema: resultSchema, onDiscard });
    await first.set(keyOf(1), result('#abcdef'));
    const second = createResultCache({ store: new SqlCacheStore(await sqlite()), schema: resultSchema, onDiscard });
    expect(await second.get(keyOf(1))).toEqual(result('#abcdef'));
  });

  it('treats a damaged entry as a miss, deletes it, and reports it', async () => {
    const db = await sqlite();
    const cache = createResultCache({ store: new SqlCacheStore(db), schema: resultSchema, onDiscard });
    await cache.set(keyOf(1), result('#abcdef'));
    await db.query('UPDATE cache_entries SET payload = $1', ['{"v":1,"value":{"votes":[{"hex":"#ab']);
    const fresh = createResultCache({ store: new SqlCacheStore(await sqlite()), schema: resultSchema, onDiscard });
    expect(await fresh.get(keyOf(1))).toBeUndefined();
    expect(await new SqlCacheStore(db).usage()).toEqual({ entries: 0, bytes: 0 });
    expect(discards).toEqual([{ key: keyOf(1), reason: 'corrupt' }]);
  });

  it('counts an entry the store cannot read as a miss, and says so once per kind of failure', async () => {
    const reports: string[] = [];
    const failing: CacheStore = {
      get: async () => {
        throw Object.assign(new Error('disk I/O error'), { code: 'SQLITE_IOERR' });
      },
      set: async () => undefined,
      delete: async () => undefined,
    };
    const cache = createResultCache({ store: failing, schema: resultSchema, onDiscard, onUnreadable: (detail) => reports.push(detail) });
    for (let i = 1; i <= 5; i++) expect(await cache.get(keyOf(i))).toBeUndefined();
    expect(reports).toEqual(['SQLITE_IOERR: disk I/O error']);
  });

  it('evicts the oldest entries past its bounds in entries and bytes', async () => {
    const store = new SqlCacheStore(await sqlite(), { maxEntries: 3, maxBytes: 25 });
    // All in one millisecond, as on a fast machine: the order of writes still decides.
    vi.spyOn(Date, 'now').mockReturnValue(1_760_000_000_000);
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    for (let i = 1; i <= 4; i++) await store.set(keyOf(i), String(i).repeat(5));
    expect(await store.get(keyOf(1))).toBeUndefined();
    expect(await store.usage()).toEqual({ entries: 3, bytes: 15 });
    await store.set(keyOf(5), 'x'.repeat(20));
    expect(await store.usage()).toEqual({ entries: 2, bytes: 25 });
    expect(await store.get(keyOf(5))).toBe('x'.repeat(20));
    await expect(store.set(keyOf(6), 'y'.repeat(26))).rejects.toMatchObject({ code: 'TOO_LARGE' });
  });

  it('treats a stored value its schema rejects as a miss, and deletes it', async () => {
    const store = new SqlCacheStore(await sqlite());
    // Valid JSON of another shape, as an older version of the extractor might have written.
    await store.set(keyOf(1), JSON.stringify({ v: 1, value: { votes: [{ hex: 'red' }], costUsd: 0 } }));
    await store.set(keyOf(2), JSON.stringify({ votes: [], costUsd: 0 }));
    const cache = createResultCache({ store, schema: resultSchema, onDiscard });
    expect(await cache.get(keyOf(1))).toBeUndefined();
    expect(await cache.get(keyOf(2))).toBeUndefined();
    expect(await store.get(keyOf(1))).toBeUndefined();
    expect(await store.get(keyOf(2))).toBeUndefined();
    expect(discards.map((discard) => discard.reason)).toEqual(['invalid', 'invalid']);
  });

  it('refuses to cache a value that fails its schema or does not survive JSON', async () => {
    const cache = createResultCache({ store: new MemoryCacheStore(), schema: resultSchema, onDiscard });
    await expect(cache.set(keyOf(1), { votes: [{ hex: 'red' }], costUsd: 0 })).rejects.toMatchObject({ code: 'INVALID_VALUE' });
    // NaN becomes null in JSON, which the schema rejects: it could never be read back as written.
    await expect(cache.set(keyOf(1), { votes: [], costUsd: Number.NaN })).rejects.toBeInstanceOf(CacheError);
    expect(await cache.get(keyOf(1))).toBeUndefined();
  });

  it('refuses keys that did not come from cacheKey', async () => {
    const cache = createResultCache({ store: new MemoryCacheStore(), schema: resultSchema, onDiscard });
    await expect(cache.get('palette-1')).rejects.toMatchObject({ code: 'BAD_KEY' });
    await expect(cache.set('../x', result('#000000'))).rejects.toMatchObject({ code: 'BAD_KEY' });
  });
});

describe('MemoryCacheStore', () => {
  it('evicts the least recently used entry once over maxEntries', async () => {
    const store = new MemoryCacheStore({ maxEntries: 2 });
    await store.set(keyOf(1), '1');
    await store.set(keyOf(2), '2');
    await store.get(keyOf(1));
    await store.set(keyOf(3), '3');
    expect(await store.get(keyOf(2))).toBeUndefined();
    expect(await store.get(keyOf(1))).toBe('1');
    expect(await store.get(keyOf(3))).toBe('3');
    expect(store.size).toBe(2);
  });
});
