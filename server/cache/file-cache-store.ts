import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CacheError } from './cache-error.ts';
import { isCacheKey } from './cache-key.ts';
import type { CacheStore } from './cache-store.ts';
import { assertCacheKey } from './private/assert-cache-key.ts';

/** Entries kept on disk by default: ~500 images × 4 AI extractors. */
export const DEFAULT_DISK_ENTRIES = 2000;
/** Bytes kept on disk by default: a palette result is a few KB, so this is far above 2000 of them. */
export const DEFAULT_DISK_BYTES = 32 * 1024 * 1024;
/** Sub-directory of the data directory that holds the cache. */
export const CACHE_DIRECTORY_NAME = 'cache';
/** Prefix of files being written; any left at start are from a crash and are removed. */
const TEMPORARY_PREFIX = '.tmp-';
const ENTRY_SUFFIX = '.json';

export interface FileCacheStoreOptions {
  /** The server's data directory (`CHORUS_DATA_DIR`); entries go in `<dataDirectory>/cache/`. */
  readonly dataDirectory: string;
  readonly maxEntries?: number | undefined;
  readonly maxBytes?: number | undefined;
}

/**
 * A `CacheStore` on Node: one `<key>.json` file per entry in `<dataDirectory>/cache/`, written to a
 * temporary file and renamed into place, so a reader sees the old entry or the new one, never half.
 * Bounded by entry count and total bytes; over either, the oldest-written entries are deleted first.
 * Writes are not fsynced: a crash can lose or empty a recent entry, which reads back as damaged and
 * is discarded, and a cache entry is only ever a saving, never a record.
 */
export class FileCacheStore implements CacheStore {
  readonly directory: string;
  readonly maxEntries: number;
  readonly maxBytes: number;
  /** Key → size in bytes, oldest write first. */
  #index = new Map<string, number>();
  #bytes = 0;
  #ready: Promise<void> | undefined;

  constructor(options: FileCacheStoreOptions) {
    this.directory = join(options.dataDirectory, CACHE_DIRECTORY_NAME);
    this.maxEntries = options.maxEntries ?? DEFAULT_DISK_ENTRIES;
    this.maxBytes = options.maxBytes ?? DEFAULT_DISK_BYTES;
    if (!Number.isInteger(this.maxEntries) || this.maxEntries < 1) throw new RangeError(`maxEntries must be a whole number ≥ 1, got ${this.maxEntries}.`);
    if (!Number.isInteger(this.maxBytes) || this.maxBytes < 1) throw new RangeError(`maxBytes must be a whole number ≥ 1, got ${this.maxBytes}.`);
  }

  async get(key: string): Promise<string | undefined> {
    assertCacheKey(key);
    await this.#scan();
    let json: string;
    try {
      json = await readFile(this.#path(key), 'utf8');
    } catch (error) {
      if (isNotFound(error)) {
        this.#forget(key);
        return undefined;
      }
      throw error;
    }
    // Written by another process sharing the directory: account for it from now on.
    if (!this.#index.has(key)) this.#remember(key, Buffer.byteLength(json, 'utf8'));
    return json;
  }

  async set(key: string, json: string): Promise<void> {
    assertCacheKey(key);
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > this.maxBytes) {
      throw new CacheError('TOO_LARGE', `A cache entry of ${bytes} bytes is larger than the cache's whole budget of ${this.maxBytes} bytes; it was not stored.`);
    }
    await this.#scan();
    const temporary = join(this.directory, `${TEMPORARY_PREFIX}${crypto.randomUUID()}`);
    try {
      await writeFile(temporary, json, 'utf8');
      await rename(temporary, this.#path(key));
    } catch (error) {
      await unlinkIfExists(temporary);
      throw error;
    }
    this.#forget(key);
    this.#remember(key, bytes);
    await this.#evict();
  }

  async delete(key: string): Promise<void> {
    assertCacheKey(key);
    await this.#scan();
    this.#forget(key);
    await unlinkIfExists(this.#path(key));
  }

  /** Entries and bytes held now, as this store counts them. */
  get usage(): { entries: number; bytes: number } {
    return { entries: this.#index.size, bytes: this.#bytes };
  }

  /** Once per store: creates the directory, clears crash leftovers, indexes entries by write time, trims to bounds. */
  #scan(): Promise<void> {
    this.#ready ??= (async () => {
      await mkdir(this.directory, { recursive: true });
      const found: { key: string; bytes: number; writtenAt: number }[] = [];
      for (const name of await readdir(this.directory)) {
        if (name.startsWith(TEMPORARY_PREFIX)) {
          await unlinkIfExists(join(this.directory, name));
          continue;
        }
        const key = name.slice(0, -ENTRY_SUFFIX.length);
        if (!name.endsWith(ENTRY_SUFFIX) || !isCacheKey(key)) continue;
        try {
          const stats = await stat(join(this.directory, name));
          found.push({ key, bytes: stats.size, writtenAt: stats.mtimeMs });
        } catch (error) {
          if (!isNotFound(error)) throw error;
        }
      }
      found.sort((a, b) => a.writtenAt - b.writtenAt);
      for (const entry of found) this.#remember(entry.key, entry.bytes);
      await this.#evict();
    })();
    // A failed scan (e.g. permissions) is retried by the next call rather than cached forever.
    this.#ready.catch(() => {
      this.#ready = undefined;
    });
    return this.#ready;
  }

  async #evict(): Promise<void> {
    // Victims are chosen synchronously, so concurrent calls never pick the same entry twice.
    const victims: string[] = [];
    for (const [key, bytes] of this.#index) {
      if (this.#index.size <= this.maxEntries && this.#bytes <= this.maxBytes) break;
      this.#index.delete(key);
      this.#bytes -= bytes;
      victims.push(key);
    }
    for (const key of victims) await unlinkIfExists(this.#path(key));
  }

  #remember(key: string, bytes: number): void {
    this.#index.set(key, bytes);
    this.#bytes += bytes;
  }

  #forget(key: string): void {
    const bytes = this.#index.get(key);
    if (bytes === undefined) return;
    this.#index.delete(key);
    this.#bytes -= bytes;
  }

  #path(key: string): string {
    return join(this.directory, `${key}${ENTRY_SUFFIX}`);
  }
}

async function unlinkIfExists(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

function isNotFound(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ENOENT';
}
