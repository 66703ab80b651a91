import { toNumber, type SqlDatabase } from '../db/sql-database.ts';
import type { CacheStore } from './cache-store.ts';
import { CacheError } from './cache-error.ts';
import { assertCacheKey } from './private/assert-cache-key.ts';

/** Entries kept by default: ~500 images × 4 AI extractors. */
export const DEFAULT_CACHE_ENTRIES = 2000;
/** Bytes kept by default: a palette result is a few KB, so this is far above 2000 of them. */
export const DEFAULT_CACHE_BYTES = 32 * 1024 * 1024;

/**
 * A `CacheStore` in the backend's database (SQLite or PostgreSQL): one row per entry, so every
 * process (and host) sharing the database shares the answers it paid for, and a write is whole or
 * absent. Bounded by entries and bytes; over either, the oldest-written entries go first.
 */
export class SqlCacheStore implements CacheStore {
  readonly maxEntries: number;
  readonly maxBytes: number;

  constructor(
    private readonly db: SqlDatabase,
    options: { maxEntries?: number | undefined; maxBytes?: number | undefined } = {},
  ) {
    this.maxEntries = options.maxEntries ?? DEFAULT_CACHE_ENTRIES;
    this.maxBytes = options.maxBytes ?? DEFAULT_CACHE_BYTES;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) throw new RangeError(`maxEntries must be a whole number ≥ 1, got ${this.maxEntries}.`);
    if (!Number.isInteger(this.maxBytes) || this.maxBytes < 1) throw new RangeError(`maxBytes must be a whole number ≥ 1, got ${this.maxBytes}.`);
  }

  async get(key: string): Promise<string | undefined> {
    assertCacheKey(key);
    const rows = await this.db.query('SELECT payload FROM cache_entries WHERE key = $1', [key]);
    return rows.length === 0 ? undefined : String(rows[0]!.payload);
  }

  async set(key: string, json: string): Promise<void> {
    assertCacheKey(key);
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > this.maxBytes) {
      throw new CacheError('TOO_LARGE', `A cache entry of ${bytes} bytes is larger than the cache's whole budget of ${this.maxBytes} bytes; it was not stored.`);
    }
    await this.db.transaction(async (tx) => {
      // write_seq: one past the newest, so the order of writes is exact even within a millisecond
      // (two PostgreSQL writers at once may tie; the key then breaks it, and either order is fair).
      const now = Date.now();
      await tx.query(
        `INSERT INTO cache_entries (key, payload, bytes, written_at, write_seq) VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(write_seq), $4) + 1 FROM cache_entries))
         ON CONFLICT (key) DO UPDATE SET payload = $2, bytes = $3, written_at = $4, write_seq = (SELECT COALESCE(MAX(write_seq), $4) + 1 FROM cache_entries)`,
        [key, json, bytes, now],
      );
      // Within both bounds (the usual case) nothing more is read than a count. Over the entries
      // bound only, the oldest go by the write-order index. Over the bytes bound (rare: entries are
      // a few KB), newest first, the running total of bytes and the rank: whatever is past either goes.
      const [usage] = await tx.query('SELECT COUNT(*) AS entries, COALESCE(SUM(bytes), 0) AS bytes FROM cache_entries');
      const entries = toNumber(usage!.entries);
      if (toNumber(usage!.bytes) > this.maxBytes) {
        await tx.query(
          `DELETE FROM cache_entries WHERE key IN (
             SELECT key FROM (
               SELECT key, SUM(bytes) OVER (ORDER BY write_seq DESC, key ROWS UNBOUNDED PRECEDING) AS running, ROW_NUMBER() OVER (ORDER BY write_seq DESC, key) AS n FROM cache_entries
             ) ranked WHERE running > $1 OR n > $2)`,
          [this.maxBytes, this.maxEntries],
        );
      } else if (entries > this.maxEntries) {
        await tx.query(`DELETE FROM cache_entries WHERE key IN (SELECT key FROM cache_entries ORDER BY write_seq ASC, key DESC LIMIT $1)`, [entries - this.maxEntries]);
      }
    });
  }

  async delete(key: string): Promise<void> {
    assertCacheKey(key);
    await this.db.query('DELETE FROM cache_entries WHERE key = $1', [key]);
  }

  /** Entries and bytes held now. */
  async usage(): Promise<{ entries: number; bytes: number }> {
    const rows = await this.db.query('SELECT COUNT(*) AS entries, COALESCE(SUM(bytes), 0) AS bytes FROM cache_entries');
    return { entries: toNumber(rows[0]!.entries), bytes: toNumber(rows[0]!.bytes) };
  }
}
