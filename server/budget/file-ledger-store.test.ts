import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BudgetError } from './budget-error.ts';
import { FileLedgerStore, LEDGER_FILE_NAME } from './file-ledger-store.ts';
import { createLedger, type Reservation } from './ledger.ts';
import type { LedgerRecord } from './ledger-record.ts';

const now = () => new Date('2025-06-01T12:00:00.000Z');

describe('FileLedgerStore', () => {
  let directory: string;
  const stores: FileLedgerStore[] = [];

  /** A store over the test directory, closed in afterEach. */
  const storeAt = (dataDirectory = directory): FileLedgerStore => {
    const store = new FileLedgerStore(dataDirectory);
    stores.push(store);
    return store;
  };

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'chorus-ledger-'));
  });

  afterEach(async () => {
    await Promise.all(stores.splice(0).map((store) => store.close()));
    await rm(directory, { recursive: true, force: true });
  });

  const reserve = (id: string, nanoUsd: number): LedgerRecord => ({ v: 1, kind: 'reserve', id, runId: `run-${id}`, day: '2025-06-01', nanoUsd, at: '2025-06-01T10:00:00.000Z' });
  const settle = (id: string, nanoUsd: number): LedgerRecord => ({ v: 1, kind: 'settle', id, day: '2025-06-01', nanoUsd, at: '2025-06-01T10:00:01.000Z' });

  it('writes one JSON record per line, newline-terminated, and reads them back in order', async () => {
    const store = storeAt();
    await store.append(reserve('a', 5));
    await store.append(settle('a', 4));
    const text = await readFile(join(directory, LEDGER_FILE_NAME), 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([reserve('a', 5), settle('a', 4)]);
    expect(await storeAt().load()).toEqual([reserve('a', 5), settle('a', 4)]);
  });

  it('creates the data directory on first write, and loads nothing where there is no file', async () => {
    const nested = join(directory, 'not', 'yet');
    expect(await storeAt(nested).load()).toEqual([]);
    await storeAt(nested).append(reserve('a', 1));
    expect(await storeAt(nested).load()).toEqual([reserve('a', 1)]);
  });

  it('ignores a torn last line, and cuts it off before the next append', async () => {
    const path = join(directory, LEDGER_FILE_NAME);
    await writeFile(path, `${JSON.stringify(reserve('a', 5))}\n${JSON.stringify(settle('a', 4)).slice(0, 25)}`);
    expect(await storeAt().load()).toEqual([reserve('a', 5)]);
    const store = storeAt();
    await store.append(reserve('b', 7));
    expect(await storeAt().load()).toEqual([reserve('a', 5), reserve('b', 7)]);
  });

  it('keeps a complete last record that only lacks its newline', async () => {
    await writeFile(join(directory, LEDGER_FILE_NAME), `${JSON.stringify(reserve('a', 5))}\n${JSON.stringify(settle('a', 4))}`);
    expect(await storeAt().load()).toEqual([reserve('a', 5), settle('a', 4)]);
  });

  it('refuses a damaged line in the middle with LEDGER_CORRUPT', async () => {
    await writeFile(join(directory, LEDGER_FILE_NAME), `${JSON.stringify(reserve('a', 5))}\n{"v":1,"kind":"bogus"}\n${JSON.stringify(settle('a', 4))}\n`);
    const error: unknown = await storeAt().load().catch((rejection: unknown) => rejection);
    expect(error).toBeInstanceOf(BudgetError);
    expect((error as BudgetError).code).toBe('LEDGER_CORRUPT');
    expect((error as BudgetError).message).toContain('line 2');
  });

  it('rewrites the file whole, and appends continue after it', async () => {
    const store = storeAt();
    await store.append(reserve('a', 5));
    await store.append(settle('a', 5));
    await store.rewrite([settle('a', 5)]);
    await store.append(reserve('b', 1));
    expect(await storeAt().load()).toEqual([settle('a', 5), reserve('b', 1)]);
  });

  it('never interleaves concurrent appends', async () => {
    const store = storeAt();
    const records = Array.from({ length: 50 }, (_, i) => reserve(`id-${i}`, i));
    await Promise.all(records.map((record) => store.append(record)));
    expect(await storeAt().load()).toEqual(records);
  });

  describe('under a ledger', () => {
    it('holds the cap across a restart: a new ledger over the same directory sees today’s spend', async () => {
      const first = await createLedger({ store: storeAt(), dailyCapUsd: 5, now });
      const reservation = (await first.reserve('run-1', 4)) as Reservation;
      await first.settle(reservation, 3.25);

      const second = await createLedger({ store: storeAt(), dailyCapUsd: 5, now });
      expect(second.spentToday()).toBe(3.25);
      expect(second.remainingToday()).toBe(1.75);
      expect(await second.reserve('run-2', 2)).toBeNull();
      expect(await second.reserve('run-2', 1.75)).not.toBeNull();
    });

    it('counts a reservation left open by a crash as spent after restart', async () => {
      const first = await createLedger({ store: storeAt(), dailyCapUsd: 5, now });
      await first.reserve('run-1', 4);
      const second = await createLedger({ store: storeAt(), dailyCapUsd: 5, now });
      expect(second.spentToday()).toBe(4);
      expect(second.reservedToday()).toBe(0);
    });

    it('starts after a crash mid-append, ignoring the torn line', async () => {
      const first = await createLedger({ store: storeAt(), dailyCapUsd: 5, now });
      await first.settle((await first.reserve('run-1', 1)) as Reservation, 1);
      await appendFile(join(directory, LEDGER_FILE_NAME), '{"v":1,"kind":"reserve","id":"torn","ru');
      const second = await createLedger({ store: storeAt(), dailyCapUsd: 5, now });
      expect(second.spentToday()).toBe(1);
      await second.settle((await second.reserve('run-2', 2)) as Reservation, 2);
      const third = await createLedger({ store: storeAt(), dailyCapUsd: 5, now });
      expect(third.spentToday()).toBe(3);
    });

    it('refuses to start over a damaged ledger instead of forgetting spend', async () => {
      await writeFile(join(directory, LEDGER_FILE_NAME), `not json\n${JSON.stringify(settle('a', 1))}\n`);
      await expect(createLedger({ store: storeAt(), dailyCapUsd: 5, now })).rejects.toMatchObject({ code: 'LEDGER_CORRUPT' });
    });

    it('never lets racing reservations exceed the cap', async () => {
      const ledger = await createLedger({ store: storeAt(), dailyCapUsd: 1, now });
      const granted = (await Promise.all(Array.from({ length: 30 }, (_, i) => ledger.reserve(`run-${i}`, 0.07)))).filter((r) => r !== null);
      expect(granted).toHaveLength(14);
      const reopened = await createLedger({ store: storeAt(), dailyCapUsd: 1, now });
      // All 14 were open at "restart", so all count as spent: 14 × 0.07.
      expect(reopened.spentToday()).toBeCloseTo(0.98, 9);
      expect(reopened.spentToday()).toBeLessThanOrEqual(1);
    });

    it('keeps only today’s and yesterday’s records on start', async () => {
      const old: LedgerRecord[] = [
        { v: 1, kind: 'reserve', id: 'old', runId: 'run-old', day: '2025-05-20', nanoUsd: 9, at: '2025-05-20T10:00:00.000Z' },
        { v: 1, kind: 'settle', id: 'old', day: '2025-05-20', nanoUsd: 9, at: '2025-05-20T10:00:01.000Z' },
        { v: 1, kind: 'reserve', id: 'y', runId: 'run-y', day: '2025-05-31', nanoUsd: 9, at: '2025-05-31T10:00:00.000Z' },
        { v: 1, kind: 'settle', id: 'y', day: '2025-05-31', nanoUsd: 9, at: '2025-05-31T10:00:01.000Z' },
      ];
      await writeFile(join(directory, LEDGER_FILE_NAME), old.map((record) => `${JSON.stringify(record)}\n`).join(''));
      await createLedger({ store: storeAt(), dailyCapUsd: 5, now });
      const kept = await storeAt().load();
      expect(kept.map((record) => record.id)).toEqual(['y', 'y']);
    });
  });
});
