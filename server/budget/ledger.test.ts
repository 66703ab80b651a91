import { beforeEach, describe, expect, it } from 'vitest';
import { BudgetError, type BudgetErrorCode } from './budget-error.ts';
import { createLedger, type Ledger, type Reservation } from './ledger.ts';
import type { LedgerRecord } from './ledger-record.ts';
import type { LedgerStore } from './ledger-store.ts';
import { MemoryLedgerStore } from './memory-ledger-store.ts';

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

/** A store whose appends wait until the test opens the gate, to see what counts before a record is durable. */
class GatedStore implements LedgerStore {
  readonly inner = new MemoryLedgerStore();
  #gate: Promise<void> = Promise.resolve();
  #open: () => void = () => undefined;
  failNext = false;

  close(): void {
    this.#gate = new Promise((resolve) => {
      this.#open = resolve;
    });
  }

  open(): void {
    this.#open();
    this.#gate = Promise.resolve();
  }

  load(): Promise<LedgerRecord[]> {
    return this.inner.load();
  }

  async append(record: LedgerRecord): Promise<void> {
    await this.#gate;
    if (this.failNext) {
      this.failNext = false;
      throw new Error('disk full');
    }
    await this.inner.append(record);
  }

  rewrite(records: readonly LedgerRecord[]): Promise<void> {
    return this.inner.rewrite(records);
  }
}

/** Lets pending promise callbacks run. */
const settleMicrotasks = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLedger', () => {
  const clock = manualClock('2025-06-01T12:00:00.000Z');
  const open = (store: LedgerStore = new MemoryLedgerStore(), dailyCapUsd = 10): Promise<Ledger> => createLedger({ store, dailyCapUsd, now: clock.now });

  beforeEach(() => {
    clock.set('2025-06-01T12:00:00.000Z');
  });

  it('reserves within the cap and refuses a reservation beyond it, writing nothing', async () => {
    const store = new MemoryLedgerStore();
    const ledger = await open(store);
    const first = await ledger.reserve('run-1', 6);
    expect(first).toMatchObject({ runId: 'run-1', day: '2025-06-01', amountUsd: 6 });
    const recordsBefore = (await store.load()).length;
    expect(await ledger.reserve('run-2', 4.01)).toBeNull();
    expect((await store.load()).length).toBe(recordsBefore);
    expect(ledger.reservedToday()).toBe(6);
    expect(ledger.remainingToday()).toBe(4);
    // Exactly the remainder still fits.
    expect(await ledger.reserve('run-2', 4)).not.toBeNull();
    expect(ledger.remainingToday()).toBe(0);
  });

  it('settle books what the provider billed and frees the rest of the reservation', async () => {
    const ledger = await open();
    const reservation = (await ledger.reserve('run-1', 2)) as Reservation;
    await ledger.settle(reservation, 0.35);
    expect(ledger.spentToday()).toBe(0.35);
    expect(ledger.reservedToday()).toBe(0);
    expect(ledger.remainingToday()).toBe(9.65);
  });

  it('settle books the full bill even above the reservation and the cap', async () => {
    const ledger = await open();
    const reservation = (await ledger.reserve('run-1', 1)) as Reservation;
    await ledger.settle(reservation, 12);
    expect(ledger.spentToday()).toBe(12);
    expect(ledger.remainingToday()).toBe(0);
    expect(await ledger.reserve('run-2', 0.01)).toBeNull();
  });

  it('release frees the whole reservation and books nothing', async () => {
    const ledger = await open();
    const reservation = (await ledger.reserve('run-1', 7)) as Reservation;
    expect(await ledger.reserve('run-2', 5)).toBeNull();
    await ledger.release(reservation);
    expect(ledger.spentToday()).toBe(0);
    expect(ledger.reservedToday()).toBe(0);
    expect(await ledger.reserve('run-2', 5)).not.toBeNull();
  });

  it('keeps cents exact over many small bookings', async () => {
    const ledger = await open(new MemoryLedgerStore(), 1);
    for (let i = 0; i < 10; i++) {
      const reservation = (await ledger.reserve(`run-${i}`, 0.1)) as Reservation;
      await ledger.settle(reservation, 0.1);
    }
    // Ten floating-point 0.1s add to 0.9999999999999999; nano-USD integers add to exactly 1.
    expect(ledger.spentToday()).toBe(1);
    expect(ledger.remainingToday()).toBe(0);
  });

  it('refuses to settle or release twice, or a reservation it never made', async () => {
    const ledger = await open();
    const reservation = (await ledger.reserve('run-1', 1)) as Reservation;
    await ledger.settle(reservation, 0.5);
    await expectBudgetError(ledger.settle(reservation, 0.5), 'RESERVATION_CLOSED');
    await expectBudgetError(ledger.release(reservation), 'RESERVATION_CLOSED');
    await expectBudgetError(ledger.release({ id: 'nope', runId: 'run-x', day: '2025-06-01', amountUsd: 1 }), 'UNKNOWN_RESERVATION');
    expect(ledger.spentToday()).toBe(0.5);
  });

  it('refuses a second settle while the first is still being written', async () => {
    const store = new GatedStore();
    const ledger = await open(store);
    const reservation = (await ledger.reserve('run-1', 1)) as Reservation;
    store.close();
    const first = ledger.settle(reservation, 1);
    await expectBudgetError(ledger.settle(reservation, 1), 'RESERVATION_CLOSED');
    store.open();
    await first;
    expect(ledger.spentToday()).toBe(1);
  });

  it('refuses amounts that are negative, not finite, or not numbers, and an empty run id', async () => {
    const ledger = await open();
    await expectBudgetError(ledger.reserve('run-1', -0.01), 'INVALID_AMOUNT');
    await expectBudgetError(ledger.reserve('run-1', Number.NaN), 'INVALID_AMOUNT');
    await expectBudgetError(ledger.reserve('run-1', Number.POSITIVE_INFINITY), 'INVALID_AMOUNT');
    await expectBudgetError(ledger.reserve('', 1), 'INVALID_AMOUNT');
    const reservation = (await ledger.reserve('run-1', 1)) as Reservation;
    await expectBudgetError(ledger.settle(reservation, -1), 'INVALID_AMOUNT');
    await expect(createLedger({ store: new MemoryLedgerStore(), dailyCapUsd: -5 })).rejects.toThrow(BudgetError);
  });

  it('never lets racing reservations exceed the cap', async () => {
    const ledger = await open(new MemoryLedgerStore(), 10);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => ledger.reserve(`run-${i}`, 0.3)));
    const granted = results.filter((reservation) => reservation !== null);
    expect(granted).toHaveLength(33);
    expect(ledger.reservedToday()).toBeCloseTo(9.9, 9);
    expect(ledger.reservedToday()).toBeLessThanOrEqual(10);
  });

  it('never lets reservations racing with slow writes and settles exceed the cap', async () => {
    const store = new GatedStore();
    const ledger = await open(store, 5);
    store.close();
    // All of these are decided while no write has finished.
    const pending = Array.from({ length: 40 }, (_, i) => ledger.reserve(`run-${i}`, 0.5));
    expect(ledger.reservedToday()).toBe(5);
    store.open();
    const granted = (await Promise.all(pending)).filter((reservation): reservation is Reservation => reservation !== null);
    expect(granted).toHaveLength(10);
    // Settling frees room for exactly what was not billed, even with new reservations racing the settles.
    const racing = [...granted.map((reservation) => ledger.settle(reservation, 0.25)), ...Array.from({ length: 40 }, (_, i) => ledger.reserve(`late-${i}`, 0.5))];
    await Promise.all(racing);
    expect(ledger.spentToday() + ledger.reservedToday()).toBeLessThanOrEqual(5);
  });

  it('counts a booking only once it is durable in the store', async () => {
    const store = new GatedStore();
    const ledger = await open(store);
    const reservation = (await ledger.reserve('run-1', 2)) as Reservation;
    store.close();
    let settled = false;
    const settling = ledger.settle(reservation, 1.5).then(() => {
      settled = true;
    });
    await settleMicrotasks();
    // Not yet written: still held as a reservation, not yet spent.
    expect(settled).toBe(false);
    expect(ledger.spentToday()).toBe(0);
    expect(ledger.reservedToday()).toBe(2);
    store.open();
    await settling;
    expect(ledger.spentToday()).toBe(1.5);
    expect(ledger.reservedToday()).toBe(0);
  });

  it('gives the money back when a reservation cannot be written', async () => {
    const store = new GatedStore();
    const ledger = await open(store);
    store.failNext = true;
    await expect(ledger.reserve('run-1', 4)).rejects.toThrow('disk full');
    expect(ledger.reservedToday()).toBe(0);
    expect(ledger.remainingToday()).toBe(10);
  });

  it('keeps a reservation open when its settle cannot be written', async () => {
    const store = new GatedStore();
    const ledger = await open(store);
    const reservation = (await ledger.reserve('run-1', 4)) as Reservation;
    store.failNext = true;
    await expect(ledger.settle(reservation, 1)).rejects.toThrow('disk full');
    expect(ledger.reservedToday()).toBe(4);
    await ledger.settle(reservation, 1);
    expect(ledger.spentToday()).toBe(1);
  });

  it('starts each UTC day at zero', async () => {
    clock.set('2025-06-01T23:59:59.000Z');
    const ledger = await open();
    const reservation = (await ledger.reserve('run-1', 9)) as Reservation;
    await ledger.settle(reservation, 9);
    expect(ledger.remainingToday()).toBe(1);
    clock.set('2025-06-02T00:00:00.000Z');
    expect(ledger.spentToday()).toBe(0);
    expect(ledger.remainingToday()).toBe(10);
    expect(await ledger.reserve('run-2', 10)).toMatchObject({ day: '2025-06-02' });
  });

  it('books a reservation that spans midnight to the day it was made', async () => {
    clock.set('2025-06-01T23:59:00.000Z');
    const ledger = await open();
    const reservation = (await ledger.reserve('run-1', 3)) as Reservation;
    clock.set('2025-06-02T00:01:00.000Z');
    await ledger.settle(reservation, 3);
    expect(ledger.spentToday()).toBe(0);
    clock.set('2025-06-01T23:59:30.000Z');
    expect(ledger.spentToday()).toBe(3);
  });

  it('after a crash, counts reservations never settled as spent at their reserved amount', async () => {
    const store = new MemoryLedgerStore();
    const before = await open(store);
    const settled = (await before.reserve('run-1', 1)) as Reservation;
    await before.settle(settled, 0.5);
    await before.reserve('run-2', 3); // the process dies before this is settled
    const after = await open(store);
    expect(after.spentToday()).toBe(3.5);
    expect(after.reservedToday()).toBe(0);
    expect(after.remainingToday()).toBe(6.5);
    const recovered = (await store.load()).filter((record) => record.kind === 'settle' && record.recovered);
    expect(recovered).toHaveLength(1);
    // A third start finds nothing left to recover and the same spend.
    const again = await open(store);
    expect(again.spentToday()).toBe(3.5);
    expect((await store.load()).filter((record) => record.kind === 'settle' && record.recovered)).toHaveLength(1);
  });

  it('drops days before yesterday from the store on start', async () => {
    const store = new MemoryLedgerStore();
    const record = (day: string, id: string): LedgerRecord[] => [
      { v: 1, kind: 'reserve', id, runId: 'run', day, nanoUsd: 1_000_000_000, at: `${day}T10:00:00.000Z` },
      { v: 1, kind: 'settle', id, day, nanoUsd: 1_000_000_000, at: `${day}T10:00:01.000Z` },
    ];
    await store.rewrite([...record('2025-05-29', 'a'), ...record('2025-05-31', 'b'), ...record('2025-06-01', 'c')]);
    const ledger = await open(store);
    expect(ledger.spentToday()).toBe(1);
    expect(new Set((await store.load()).map((r) => r.day))).toEqual(new Set(['2025-05-31', '2025-06-01']));
  });

  it('compacts when the day rolls over while running, keeping open reservations', async () => {
    const store = new MemoryLedgerStore();
    clock.set('2025-06-01T08:00:00.000Z');
    const ledger = await open(store);
    await ledger.settle((await ledger.reserve('old', 1)) as Reservation, 1);
    const stillOpen = (await ledger.reserve('long-run', 1)) as Reservation;
    clock.set('2025-06-03T08:00:00.000Z');
    await ledger.settle((await ledger.reserve('new', 2)) as Reservation, 2);
    const records = await store.load();
    expect(records.some((r) => r.kind === 'reserve' && r.runId === 'old')).toBe(false);
    expect(records.some((r) => r.kind === 'reserve' && r.runId === 'long-run')).toBe(true);
    // The open reservation can still be closed after its day was compacted away.
    await ledger.release(stillOpen);
    expect(ledger.spentToday()).toBe(2);
  });
});
