import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../test/server/postgres-server.ts';
import { openPostgresDatabase } from '../db/open-postgres-database.ts';
import { openSqliteDatabase } from '../db/open-sqlite-database.ts';
import type { SqlDatabase } from '../db/sql-database.ts';
import { BudgetError, type BudgetErrorCode } from './budget-error.ts';
import { createLedger, type Ledger, type LedgerOptions } from './ledger.ts';
import type { LedgerStore } from './ledger-store.ts';
import { MemoryLedgerStore } from './memory-ledger-store.ts';
import { SqlLedgerStore } from './sql-ledger-store.ts';

/** A clock the test moves by hand. */
function manualClock(iso: string) {
  let current = new Date(iso);
  return {
    now: () => current,
    set: (next: string) => {
      current = new Date(next);
    },
  };
}

async function expectBudgetError(promise: Promise<unknown>, code: BudgetErrorCode): Promise<void> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(BudgetError);
  expect((error as BudgetError).code).toBe(code);
  expect((error as BudgetError).message).toMatch(/^[A-Z].*\.$/);
}

/** A store that fails every call while `broken` (a full disk, a read-only folder). */
class BreakableStore implements LedgerStore {
  broken = false;
  constructor(readonly inner: LedgerStore) {}
  #check() {
    if (this.broken) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
  }
  reserve: LedgerStore['reserve'] = async (...args) => (this.#check(), this.inner.reserve(...args));
  finish: LedgerStore['finish'] = async (...args) => (this.#check(), this.inner.finish(...args));
  totals: LedgerStore['totals'] = async (...args) => (this.#check(), this.inner.totals(...args));
  heartbeat: LedgerStore['heartbeat'] = async (...args) => (this.#check(), this.inner.heartbeat(...args));
  recoverAbandoned: LedgerStore['recoverAbandoned'] = async (...args) => (this.#check(), this.inner.recoverAbandoned(...args));
  retire: LedgerStore['retire'] = async (...args) => (this.#check(), this.inner.retire(...args));
}

let postgres: TestPostgres | undefined;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);
afterAll(async () => {
  await postgres?.stop();
});

const STORES: Record<string, (dir: string, opened: SqlDatabase[]) => Promise<() => Promise<LedgerStore>>> = {
  memory: async () => {
    const store = new MemoryLedgerStore();
    return async () => store;
  },
  sqlite: async (dir, opened) => async () => {
    const db = await openSqliteDatabase(join(dir, 'chorus.db'));
    opened.push(db);
    return new SqlLedgerStore(db);
  },
  postgres: async (_dir, opened) => {
    const db = await openPostgresDatabase(postgres!.url);
    opened.push(db);
    // A fresh day's tables for each test.
    await db.query('TRUNCATE ledger_days, reservations, ledger_owners');
    return async () => {
      const connection = await openPostgresDatabase(postgres!.url);
      opened.push(connection);
      return new SqlLedgerStore(connection);
    };
  },
};

describe.each(Object.keys(STORES))('createLedger over the %s store', (kind) => {
  let dir: string;
  const opened: SqlDatabase[] = [];
  /** Each call is another connection to the same store: another process, as far as the ledger knows. */
  let connect: () => Promise<LedgerStore>;
  const ledgers: Ledger[] = [];
  const open = async (options: Partial<LedgerOptions> = {}) => {
    const ledger = await createLedger({ store: await connect(), dailyCapUsd: 5, heartbeatMs: 0, ...options });
    ledgers.push(ledger);
    return ledger;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chorus-ledger-'));
    connect = await STORES[kind]!(dir, opened);
  });
  afterEach(async () => {
    for (const ledger of ledgers.splice(0)) await ledger.stop();
    for (const db of opened.splice(0)) await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('reserves within the cap and refuses a reservation beyond it', async () => {
    const ledger = await open();
    const first = await ledger.reserve('run-1', 3);
    expect(first).toMatchObject({ runId: 'run-1', amountUsd: 3 });
    expect(await ledger.reserve('run-2', 2.5)).toBeNull();
    expect(ledger.reservedToday()).toBe(3);
    expect(ledger.remainingToday()).toBe(2);
  });

  it('settle books what was billed (in full, even past the cap); release books nothing', async () => {
    const ledger = await open();
    await ledger.release((await ledger.reserve('c', 1))!);
    await ledger.settle((await ledger.reserve('a', 1))!, 0.4);
    await ledger.settle((await ledger.reserve('b', 1))!, 6);
    expect(ledger.spentToday()).toBeCloseTo(6.4, 9);
    expect(ledger.reservedToday()).toBe(0);
    expect(ledger.remainingToday()).toBe(0);
  });

  it('keeps cents exact over many small bookings', async () => {
    const ledger = await open({ dailyCapUsd: 1 });
    for (let i = 0; i < 100; i++) await ledger.settle((await ledger.reserve(`r${i}`, 0.01))!, 0.01);
    expect(ledger.spentToday()).toBe(1);
    expect(await ledger.reserve('one-more', 0.000001)).toBeNull();
  });

  it('refuses to settle or release twice, or a reservation it never made', async () => {
    const ledger = await open();
    const reservation = (await ledger.reserve('a', 1))!;
    // The second settle starts while the first is being written: it must fail, not book twice.
    const [first, second] = await Promise.allSettled([ledger.settle(reservation, 1), ledger.settle(reservation, 1)]);
    expect(first.status).toBe('fulfilled');
    await expectBudgetError(second.status === 'rejected' ? Promise.reject(second.reason) : Promise.resolve(), 'RESERVATION_CLOSED');
    await expectBudgetError(ledger.release(reservation), 'RESERVATION_CLOSED');
    await expectBudgetError(ledger.settle({ ...reservation, id: 'never-made' }, 1), 'UNKNOWN_RESERVATION');
    expect(ledger.spentToday()).toBe(1);
  });

  it('refuses amounts that are negative, not finite, or not numbers, and an empty run id', async () => {
    const ledger = await open();
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY, '1' as unknown as number]) await expectBudgetError(ledger.reserve('a', bad), 'INVALID_AMOUNT');
    await expectBudgetError(ledger.reserve('', 1), 'INVALID_AMOUNT');
  });

  it('never lets racing reservations from two processes exceed the cap', async () => {
    const [a, b] = [await open(), await open()];
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? a : b).reserve(`r${i}`, 0.5)));
    expect(results.filter(Boolean)).toHaveLength(10);
    await a.refresh();
    expect(a.reservedToday()).toBe(5);
  });

  it('sees what another process booked', async () => {
    const [a, b] = [await open(), await open()];
    await a.settle((await a.reserve('a', 2))!, 2);
    await b.refresh();
    expect(b.spentToday()).toBe(2);
    expect(await b.reserve('b', 3.5)).toBeNull();
  });

  it('starts each UTC day at zero and books a reservation spanning midnight to its own day', async () => {
    const clock = manualClock('2026-12-03T23:59:59.000Z');
    const ledger = await open({ now: clock.now });
    const late = (await ledger.reserve('late', 4))!;
    clock.set('2026-12-04T00:00:01.000Z');
    expect(ledger.remainingToday()).toBe(5);
    await ledger.settle(late, 4);
    expect(ledger.spentToday()).toBe(0);
    expect(await ledger.reserve('early', 5)).not.toBeNull();
  });

  it('books a crashed process’s open reservations as spent at their reserved amount, once it is stale, and keeps what it settled', async () => {
    const clock = manualClock('2026-12-03T10:00:00.000Z');
    const crashed = await open({ now: clock.now, staleAfterMs: 15_000 });
    await crashed.settle((await crashed.reserve('settled', 1))!, 0.7);
    await crashed.reserve('in-flight', 2);
    // The process dies here: no settle, no stop. A restart sees the money still held...
    const restarted = await open({ now: clock.now, staleAfterMs: 15_000 });
    expect(restarted.reservedToday()).toBe(2);
    expect(restarted.spentToday()).toBeCloseTo(0.7, 9);
    // ...and once the dead process has missed its heartbeats, booked as spent.
    clock.set('2026-12-03T10:00:16.000Z');
    const later = await open({ now: clock.now, staleAfterMs: 15_000 });
    expect(later.reservedToday()).toBe(0);
    expect(later.spentToday()).toBeCloseTo(2.7, 9);
  });

  it('does not take a live process for dead while it keeps its heartbeat', async () => {
    const clock = manualClock('2026-12-03T10:00:00.000Z');
    const alive = await open({ now: clock.now, staleAfterMs: 15_000 });
    const held = (await alive.reserve('long-call', 1))!;
    clock.set('2026-12-03T10:00:10.000Z');
    await alive.refresh();
    await (await open({ now: clock.now, staleAfterMs: 15_000 })).refresh();
    clock.set('2026-12-03T10:00:20.000Z');
    // Its own tick keeps it alive: the reservation is still open, and settles normally.
    const other = await open({ now: clock.now, staleAfterMs: 15_000 });
    expect(other.reservedToday()).toBe(1);
    await alive.settle(held, 0.25);
    await other.refresh();
    expect(other.spentToday()).toBe(0.25);
  });

  it('is LEDGER_UNAVAILABLE while its store fails, keeps a settle to retry, and recovers by itself', async () => {
    const store = new BreakableStore(await connect());
    const ledger = await createLedger({ store, dailyCapUsd: 5, heartbeatMs: 20 });
    ledgers.push(ledger);
    const held = (await ledger.reserve('a', 1))!;
    store.broken = true;
    await expectBudgetError(ledger.reserve('b', 1), 'LEDGER_UNAVAILABLE');
    expect(ledger.available()).toBe(false);
    // The bill cannot be written yet: the call resolves, the booking waits.
    await ledger.settle(held, 0.5);
    store.broken = false;
    await expect.poll(() => ledger.available()).toBe(true);
    await expect.poll(async () => (await ledger.refresh(), ledger.spentToday())).toBe(0.5);
    expect(ledger.reservedToday()).toBe(0);
    expect(await ledger.reserve('c', 1)).not.toBeNull();
  });
});
