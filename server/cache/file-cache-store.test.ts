import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CacheError } from './cache-error.ts';
import { FileCacheStore } from './file-cache-store.ts';

/** The i-th test key: any 64-digit lowercase hex string is a valid key. */
const keyOf = (i: number) => i.toString(16).padStart(64, '0');
/** A JSON value of exactly `bytes` bytes. */
const jsonOfSize = (bytes: number) => JSON.stringify('x'.repeat(bytes - 2));

describe('FileCacheStore', () => {
  let dataDirectory: string;

  beforeEach(async () => {
    dataDirectory = await mkdtemp(join(tmpdir(), 'chorus-cache-'));
  });

  afterEach(async () => {
    await rm(dataDirectory, { recursive: true, force: true });
  });

  const entriesOnDisk = async () => (await readdir(join(dataDirectory, 'cache'))).sort();

  it('stores one <key>.json file per entry under <dataDirectory>/cache', async () => {
    const store = new FileCacheStore({ dataDirectory });
    await store.set(keyOf(1), '{"a":1}');
    expect(await entriesOnDisk()).toEqual([`${keyOf(1)}.json`]);
    expect(await store.get(keyOf(1))).toBe('{"a":1}');
    expect(await store.get(keyOf(2))).toBeUndefined();
  });

  it('persists across instances', async () => {
    await new FileCacheStore({ dataDirectory }).set(keyOf(1), '{"a":1}');
    expect(await new FileCacheStore({ dataDirectory }).get(keyOf(1))).toBe('{"a":1}');
  });

  it('replaces an entry without counting it twice', async () => {
    const store = new FileCacheStore({ dataDirectory });
    await store.set(keyOf(1), jsonOfSize(10));
    await store.set(keyOf(1), jsonOfSize(20));
    expect(store.usage).toEqual({ entries: 1, bytes: 20 });
    expect(await store.get(keyOf(1))).toBe(jsonOfSize(20));
  });

  it('deletes entries, and deleting a missing one is fine', async () => {
    const store = new FileCacheStore({ dataDirectory });
    await store.set(keyOf(1), '1');
    await store.delete(keyOf(1));
    await store.delete(keyOf(2));
    expect(await store.get(keyOf(1))).toBeUndefined();
    expect(await entriesOnDisk()).toEqual([]);
    expect(store.usage).toEqual({ entries: 0, bytes: 0 });
  });

  it('keeps at most maxEntries, deleting the oldest first', async () => {
    const store = new FileCacheStore({ dataDirectory, maxEntries: 3 });
    for (let i = 1; i <= 5; i++) await store.set(keyOf(i), `${i}`);
    expect(await entriesOnDisk()).toEqual([3, 4, 5].map((i) => `${keyOf(i)}.json`));
    expect(await store.get(keyOf(1))).toBeUndefined();
    expect(await store.get(keyOf(5))).toBe('5');
  });

  it('keeps at most maxBytes, deleting the oldest first', async () => {
    const store = new FileCacheStore({ dataDirectory, maxBytes: 100 });
    for (let i = 1; i <= 4; i++) await store.set(keyOf(i), jsonOfSize(40));
    expect(await entriesOnDisk()).toEqual([3, 4].map((i) => `${keyOf(i)}.json`));
    expect(store.usage).toEqual({ entries: 2, bytes: 80 });
  });

  it('refuses one entry larger than the whole byte budget', async () => {
    const store = new FileCacheStore({ dataDirectory, maxBytes: 100 });
    const error: unknown = await store.set(keyOf(1), jsonOfSize(101)).catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(CacheError);
    expect((error as CacheError).code).toBe('TOO_LARGE');
  });

  it('on start, indexes what is on disk by write time and trims it to its bounds', async () => {
    const writer = new FileCacheStore({ dataDirectory });
    for (let i = 1; i <= 4; i++) await writer.set(keyOf(i), `${i}`);
    // Write times out of key order: 3 oldest, then 1, 4, 2.
    const seconds = { 3: 1_000, 1: 2_000, 4: 3_000, 2: 4_000 };
    for (const [i, time] of Object.entries(seconds)) await utimes(join(dataDirectory, 'cache', `${keyOf(Number(i))}.json`), time, time);
    const reader = new FileCacheStore({ dataDirectory, maxEntries: 2 });
    expect(await reader.get(keyOf(3))).toBeUndefined();
    expect(await entriesOnDisk()).toEqual([2, 4].map((i) => `${keyOf(i)}.json`));
  });

  it('removes temporary files a crash left, and leaves files that are not its own', async () => {
    await mkdir(join(dataDirectory, 'cache'), { recursive: true });
    await writeFile(join(dataDirectory, 'cache', '.tmp-1234'), '{"half":');
    await writeFile(join(dataDirectory, 'cache', 'README'), 'not an entry');
    await new FileCacheStore({ dataDirectory }).get(keyOf(1));
    expect(await entriesOnDisk()).toEqual(['README']);
  });

  it('refuses keys that are not cache keys, so no path can escape the directory', async () => {
    const store = new FileCacheStore({ dataDirectory });
    await expect(store.set('../../escape', '1')).rejects.toMatchObject({ code: 'BAD_KEY' });
    await expect(store.get(keyOf(0xabc).toUpperCase())).rejects.toMatchObject({ code: 'BAD_KEY' });
  });

  it('survives concurrent writes within its bounds', async () => {
    const store = new FileCacheStore({ dataDirectory, maxEntries: 10 });
    await Promise.all(Array.from({ length: 40 }, (_, i) => store.set(keyOf(i), `${i}`)));
    expect(store.usage.entries).toBe(10);
    expect((await entriesOnDisk()).length).toBe(10);
  });
});
