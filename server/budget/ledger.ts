import { BudgetError } from './budget-error.ts';
import type { LedgerRecord } from './ledger-record.ts';
import type { LedgerStore } from './ledger-store.ts';
import { previousUtcDay, utcDay } from './utc-day.ts';

/** Money is kept in whole nano-USD so sums are exact; a sub-nano-dollar rounding never moves the cap. */
const NANO_PER_USD = 1e9;
/** Largest amount accepted in one booking, USD: far above any real call, small enough that nano-USD stay exact integers. */
const MAX_AMOUNT_USD = 1_000_000;

/** Money held for one run's call until it is settled or released. Amounts in USD. */
export interface Reservation {
  readonly id: string;
  readonly runId: string;
  /** The UTC day (`YYYY-MM-DD`) the money was held against; settling books it to that day. */
  readonly day: string;
  readonly amountUsd: number;
}

/**
 * The server-wide daily spend cap. All amounts are USD; "today" is the current UTC day.
 *
 * Reserve before a paid call, then settle with what the provider billed, or release if nothing was
 * billed; do it in a `finally`, since an open reservation holds its money for the rest of the day.
 */
export interface Ledger {
  readonly dailyCapUsd: number;
  /**
   * Holds `amountUsd` for `runId` against today's cap. Resolves to null, writing nothing, when spent +
   * reserved + amount would exceed the cap. Resolves only once the reservation is durable in the store.
   * Rejects with `BudgetError('INVALID_AMOUNT')` on a negative or non-finite amount, or the store's error.
   */
  reserve(runId: string, amountUsd: number): Promise<Reservation | null>;
  /**
   * Books `actualUsd` (what the provider billed; may exceed the reservation, and is booked in full
   * even past the cap, since it was spent) and frees the rest of the reservation.
   * Rejects with `BudgetError` if the reservation is unknown or already closed.
   */
  settle(reservation: Reservation, actualUsd: number): Promise<void>;
  /** Frees the whole reservation: the call was not billed. Rejects as `settle` does. */
  release(reservation: Reservation): Promise<void>;
  /** USD booked today by settled calls (and by reservations a crash left open; see `createLedger`). */
  spentToday(): number;
  /** USD held today by open reservations. */
  reservedToday(): number;
  /** USD still available today: cap − spent − reserved, never below 0. */
  remainingToday(): number;
}

export interface LedgerOptions {
  readonly store: LedgerStore;
  /** The most the server may spend per UTC day, USD. */
  readonly dailyCapUsd: number;
  /** The clock; inject to test day boundaries. */
  readonly now?: (() => Date) | undefined;
  /** Reservation ids; defaults to random UUIDs. */
  readonly newId?: (() => string) | undefined;
}

interface DayTotals {
  spentNano: number;
  reservedNano: number;
}

interface OpenReservation {
  readonly runId: string;
  readonly day: string;
  readonly nanoUsd: number;
}

/**
 * Opens the ledger over `store`: loads its records, compacts the store to today's and yesterday's
 * records, and returns a ledger that enforces `dailyCapUsd`.
 *
 * Crash recovery: a reservation that was never settled nor released when the server stopped is
 * booked as spent at its reserved amount (a `settle` record with `recovered: true` is written).
 * The call it guarded may have been billed, and the provider's figure is lost with the process, so
 * the ledger assumes the worst rather than let a crash loop overspend the cap.
 */
export async function createLedger(options: LedgerOptions): Promise<Ledger> {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const capNano = toNano(options.dailyCapUsd, 'The daily cap (dailyCapUsd)');

  const days = new Map<string, DayTotals>();
  const open = new Map<string, OpenReservation>();
  /** Records of the kept days plus every open reservation's: what a compaction writes back. */
  let records: LedgerRecord[] = [];
  let compactedOn = '';
  /** Store writes run one at a time, each applied to memory right after it is durable. */
  let queue: Promise<unknown> = Promise.resolve();

  const totals = (day: string): DayTotals => {
    let dayTotals = days.get(day);
    if (!dayTotals) {
      dayTotals = { spentNano: 0, reservedNano: 0 };
      days.set(day, dayTotals);
    }
    return dayTotals;
  };

  const apply = (record: LedgerRecord): void => {
    records.push(record);
    switch (record.kind) {
      case 'reserve':
        open.set(record.id, { runId: record.runId, day: record.day, nanoUsd: record.nanoUsd });
        totals(record.day).reservedNano += record.nanoUsd;
        return;
      case 'settle':
      case 'release': {
        const held = open.get(record.id);
        if (held) {
          open.delete(record.id);
          totals(held.day).reservedNano -= held.nanoUsd;
        }
        if (record.kind === 'settle') totals(record.day).spentNano += record.nanoUsd;
        return;
      }
    }
  };

  /** Keeps today's and yesterday's records and open reservations; the rest can no longer affect a cap. */
  const compact = async (today: string): Promise<void> => {
    const oldest = previousUtcDay(today);
    const kept = records.filter((record) => record.day >= oldest || open.has(record.id));
    await store.rewrite(kept);
    records = kept;
    for (const day of days.keys()) if (day < oldest) days.delete(day);
    compactedOn = today;
  };

  const serially = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = queue.then(operation);
    queue = result.catch(() => undefined);
    return result;
  };

  /**
   * Appends `record` (compacting first on a new day) and applies it once durable. `onDurable` runs
   * in the same synchronous step as `apply`, so no other code sees a state in between.
   */
  const book = (record: LedgerRecord, onDurable?: () => void): Promise<void> =>
    serially(async () => {
      const today = utcDay(now());
      if (today !== compactedOn) await compact(today);
      await store.append(record);
      onDurable?.();
      apply(record);
    });

  // Replay, then turn reservations a crash left open into spend (see the doc comment above).
  const at = now();
  for (const record of await store.load()) apply(record);
  for (const [id, held] of [...open]) {
    apply({ v: 1, kind: 'settle', id, day: held.day, nanoUsd: held.nanoUsd, at: at.toISOString(), recovered: true });
  }
  await compact(utcDay(at));

  /** Ids being settled or released right now: a second close fails fast instead of booking twice. */
  const closing = new Set<string>();

  const closeReservation = async (reservation: Reservation, actualNano: number | undefined): Promise<void> => {
    const held = open.get(reservation.id);
    if (!held || closing.has(reservation.id)) {
      const known = closing.has(reservation.id) || records.some((record) => record.id === reservation.id);
      throw known
        ? new BudgetError('RESERVATION_CLOSED', `Reservation ${reservation.id} for run ${reservation.runId} was already settled or released.`)
        : new BudgetError('UNKNOWN_RESERVATION', `Reservation ${reservation.id} for run ${reservation.runId} was not made by this ledger.`);
    }
    const at = now().toISOString();
    const record: LedgerRecord =
      actualNano === undefined
        ? { v: 1, kind: 'release', id: reservation.id, day: held.day, at }
        : { v: 1, kind: 'settle', id: reservation.id, day: held.day, nanoUsd: actualNano, at };
    // The reservation keeps holding its money until the record is durable.
    closing.add(reservation.id);
    try {
      await book(record);
    } finally {
      closing.delete(reservation.id);
    }
  };

  return {
    dailyCapUsd: options.dailyCapUsd,

    async reserve(runId, amountUsd) {
      if (typeof runId !== 'string' || runId === '') throw new BudgetError('INVALID_AMOUNT', 'A reservation needs a non-empty run id.');
      const nanoUsd = toNano(amountUsd, 'A reservation (amountUsd)');
      const day = utcDay(now());
      const dayTotals = totals(day);
      if (dayTotals.spentNano + dayTotals.reservedNano + nanoUsd > capNano) return null;
      // Held before the await, so concurrent reserves see it and cannot together pass the cap;
      // swapped for the booked reservation in one step once the record is durable.
      dayTotals.reservedNano += nanoUsd;
      const record: LedgerRecord = { v: 1, kind: 'reserve', id: newId(), runId, day, nanoUsd, at: now().toISOString() };
      let swapped = false;
      try {
        await book(record, () => {
          dayTotals.reservedNano -= nanoUsd;
          swapped = true;
        });
      } catch (error) {
        if (!swapped) dayTotals.reservedNano -= nanoUsd;
        throw error;
      }
      return Object.freeze({ id: record.id, runId, day, amountUsd: nanoUsd / NANO_PER_USD });
    },

    async settle(reservation, actualUsd) {
      await closeReservation(reservation, toNano(actualUsd, 'A settled bill (actualUsd)'));
    },

    async release(reservation) {
      await closeReservation(reservation, undefined);
    },

    spentToday: () => (days.get(utcDay(now()))?.spentNano ?? 0) / NANO_PER_USD,
    reservedToday: () => (days.get(utcDay(now()))?.reservedNano ?? 0) / NANO_PER_USD,
    remainingToday() {
      const dayTotals = days.get(utcDay(now()));
      const used = (dayTotals?.spentNano ?? 0) + (dayTotals?.reservedNano ?? 0);
      return Math.max(0, capNano - used) / NANO_PER_USD;
    },
  };
}

/** `usd` as whole nano-USD; `what` starts the error message. */
function toNano(usd: number, what: string): number {
  if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0 || usd > MAX_AMOUNT_USD) {
    throw new BudgetError('INVALID_AMOUNT', `${what} must be a USD amount from 0 to ${MAX_AMOUNT_USD}, got ${usd}.`);
  }
  return Math.round(usd * NANO_PER_USD);
}
