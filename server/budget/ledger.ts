import { BudgetError } from './budget-error.ts';
import type { DayTotals, LedgerStore } from './ledger-store.ts';
import { utcDay } from './utc-day.ts';

/** Money is kept in whole nano-USD so sums are exact; a sub-nano-dollar rounding never moves the cap. */
const NANO_PER_USD = 1e9;
/** Largest amount accepted in one booking, USD: far above any real call, small enough that nano-USD stay exact integers. */
const MAX_AMOUNT_USD = 1_000_000;
/** How often a process says it is alive, retries bookings the store refused, and recovers crashed processes' reservations. */
export const DEFAULT_HEARTBEAT_MS = 2_000;
/**
 * A process not heard from for this long is taken for dead and its open reservations are booked as
 * spent: several missed heartbeats, so a busy event loop or a brief database hiccup is not a death.
 */
export const DEFAULT_STALE_AFTER_MS = 15_000;

/** Money held for one run's call until it is settled or released. Amounts in USD. */
export interface Reservation {
  readonly id: string;
  readonly runId: string;
  /** The UTC day (`YYYY-MM-DD`) the money was held against; settling books it to that day. */
  readonly day: string;
  readonly amountUsd: number;
}

/**
 * The daily spend cap, shared by every backend process on the same store. All amounts are USD;
 * "today" is the current UTC day.
 *
 * Reserve before a paid call, then settle with what the provider billed, or release if nothing was
 * billed; do it in a `finally`, since an open reservation holds its money for the rest of the day.
 */
export interface Ledger {
  readonly dailyCapUsd: number;
  /**
   * Holds `amountUsd` for `runId` against today's cap, across every process. Resolves to null,
   * holding nothing, when spent + reserved + amount would pass the cap. Rejects with
   * `BudgetError('INVALID_AMOUNT')` on a bad amount, and `BudgetError('LEDGER_UNAVAILABLE')` when the
   * store cannot be written (a full disk, a read-only folder, a lost database): no paid call may then start.
   */
  reserve(runId: string, amountUsd: number): Promise<Reservation | null>;
  /**
   * Books `actualUsd` (what the provider billed; may exceed the reservation, and is booked in full
   * even past the cap, since it was spent) and frees the rest of the reservation. If the store
   * cannot be written it resolves anyway and the booking is retried until it is durable (until then
   * the reservation keeps holding its money). Rejects with `BudgetError` if the reservation is
   * unknown or already closed.
   */
  settle(reservation: Reservation, actualUsd: number): Promise<void>;
  /** Frees the whole reservation: the call was not billed. Rejects and retries as `settle` does. */
  release(reservation: Reservation): Promise<void>;
  /** USD booked today by settled calls (and by crashed processes' reservations), as of the last operation or `refresh`. */
  spentToday(): number;
  /** USD held today by open reservations, as of the last operation or `refresh`. */
  reservedToday(): number;
  /** USD still available today: cap − spent − reserved, never below 0. */
  remainingToday(): number;
  /**
   * What the heartbeat does, now: says this process is alive, books crashed processes' reservations,
   * retries bookings not yet durable, and reads today's figures (other processes book too).
   * Rejects with `BudgetError('LEDGER_UNAVAILABLE')` when the store cannot be reached.
   */
  refresh(): Promise<void>;
  /** False while the store is failing (since the last failed operation, until one succeeds). */
  available(): boolean;
  /** Stops the heartbeat, makes a last attempt at bookings not yet durable, and retires this process. */
  stop(): Promise<void>;
}

export interface LedgerOptions {
  readonly store: LedgerStore;
  /** The most the server may spend per UTC day, USD. */
  readonly dailyCapUsd: number;
  /** The clock; inject to test day boundaries. */
  readonly now?: (() => Date) | undefined;
  /** Reservation ids (and this process's owner id); defaults to random UUIDs. */
  readonly newId?: (() => string) | undefined;
  /** Default DEFAULT_HEARTBEAT_MS; 0 turns the timer off (tests drive `refresh`). */
  readonly heartbeatMs?: number | undefined;
  readonly staleAfterMs?: number | undefined;
}

/**
 * Opens the ledger over `store`: says this process is alive, books as spent the open reservations
 * of processes that died (see `LedgerStore.recoverAbandoned`: a crash books at most what was
 * reserved, and never loses what was settled), reads today's figures, and starts the heartbeat.
 * Rejects with the store's error when it cannot be reached at start.
 */
export async function createLedger(options: LedgerOptions): Promise<Ledger> {
  const { store } = options;
  const now = options.now ?? (() => new Date());
  const newId = options.newId ?? (() => crypto.randomUUID());
  const capNano = toNano(options.dailyCapUsd, 'The daily cap (dailyCapUsd)');
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS;
  const owner = `owner-${newId()}`;

  let figures: { day: string; totals: DayTotals } = { day: '', totals: { spentNano: 0, reservedNano: 0 } };
  const remember = (day: string, totals: DayTotals) => {
    figures = { day, totals };
  };
  const today = (): DayTotals => (figures.day === utcDay(now()) ? figures.totals : { spentNano: 0, reservedNano: 0 });

  let failing: string | undefined;
  /** Runs a store operation; a failure is LEDGER_UNAVAILABLE, reported once per outage rather than per call. */
  const guarded = async <T>(what: string, operation: () => Promise<T>): Promise<T> => {
    try {
      const result = await operation();
      if (failing) console.warn(`chorus: the spend ledger is writable again; paid tiers resume.`);
      failing = undefined;
      return result;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      if (!failing) console.error(`chorus: the spend ledger cannot be written (${what}: ${detail}); paid tiers are skipped until it can.`);
      failing = detail;
      throw new BudgetError('LEDGER_UNAVAILABLE', `The server cannot record spending right now (${detail}), so paid models are skipped; computer vision still runs.`, { cause: error });
    }
  };

  /** Settles and releases the store refused: retried until durable, so the money they free is never lost. */
  const pending = new Map<string, { reservation: Reservation; bookedNano: number | null }>();
  /** Ids being closed right now: a second close fails fast instead of booking twice. */
  const closing = new Set<string>();

  const finish = async (reservation: Reservation, bookedNano: number | null): Promise<'closed' | 'unknown' | 'already-closed'> => {
    const { outcome, totals } = await guarded('booking', () => store.finish(reservation.id, bookedNano, now()));
    if (outcome !== 'unknown' && reservation.day === utcDay(now())) remember(reservation.day, totals);
    return outcome;
  };

  const retryPending = async (): Promise<void> => {
    for (const [id, { reservation, bookedNano }] of [...pending]) {
      await finish(reservation, bookedNano);
      pending.delete(id);
    }
  };

  const tick = async (): Promise<void> => {
    const at = now();
    await guarded('heartbeat', () => store.heartbeat(owner, at));
    await guarded('recovery', () => store.recoverAbandoned(new Date(at.getTime() - staleAfterMs), at));
    await retryPending();
    const day = utcDay(now());
    remember(day, await guarded('reading', () => store.totals(day)));
  };

  await tick();
  let timer: ReturnType<typeof setInterval> | undefined;
  if (heartbeatMs > 0) {
    let ticking = false;
    timer = setInterval(() => {
      if (ticking) return;
      ticking = true;
      // A failed tick is already reported (once per outage) by `guarded`; the next one retries.
      tick()
        .catch(() => undefined)
        .finally(() => {
          ticking = false;
        });
    }, heartbeatMs);
    // The heartbeat alone must not keep a process (a CLI run, a test) alive.
    unref(timer);
  }

  const close = async (reservation: Reservation, bookedNano: number | null): Promise<void> => {
    if (closing.has(reservation.id) || pending.has(reservation.id)) {
      throw new BudgetError('RESERVATION_CLOSED', `Reservation ${reservation.id} for run ${reservation.runId} was already settled or released.`);
    }
    closing.add(reservation.id);
    try {
      const outcome = await finish(reservation, bookedNano);
      if (outcome === 'unknown') throw new BudgetError('UNKNOWN_RESERVATION', `Reservation ${reservation.id} for run ${reservation.runId} was not made by this ledger.`);
      if (outcome === 'already-closed') throw new BudgetError('RESERVATION_CLOSED', `Reservation ${reservation.id} for run ${reservation.runId} was already settled or released.`);
    } catch (error) {
      if (!(error instanceof BudgetError) || error.code !== 'LEDGER_UNAVAILABLE') throw error;
      // Kept to retry: the reservation holds its money in the store until the booking is durable.
      pending.set(reservation.id, { reservation, bookedNano });
    } finally {
      closing.delete(reservation.id);
    }
  };

  return {
    dailyCapUsd: options.dailyCapUsd,

    async reserve(runId, amountUsd) {
      if (typeof runId !== 'string' || runId === '') throw new BudgetError('INVALID_AMOUNT', 'A reservation needs a non-empty run id.');
      const nanoUsd = toNano(amountUsd, 'A reservation (amountUsd)');
      const at = now();
      const day = utcDay(at);
      const id = newId();
      const { reserved, totals } = await guarded('reserving', () => store.reserve({ id, runId, day, nanoUsd, owner, at }, capNano));
      remember(day, totals);
      return reserved ? Object.freeze({ id, runId, day, amountUsd: nanoUsd / NANO_PER_USD }) : null;
    },

    settle: (reservation, actualUsd) => close(reservation, toNano(actualUsd, 'A settled bill (actualUsd)')),
    release: (reservation) => close(reservation, null),

    spentToday: () => today().spentNano / NANO_PER_USD,
    reservedToday: () => today().reservedNano / NANO_PER_USD,
    remainingToday: () => Math.max(0, capNano - today().spentNano - today().reservedNano) / NANO_PER_USD,
    refresh: tick,
    available: () => failing === undefined,

    async stop() {
      if (timer) clearInterval(timer);
      // A last try; a failure is reported by `guarded`, and stopping goes on: what stays open is booked as a crash's, at its reserved amount.
      await retryPending().catch(() => undefined);
      if (pending.size === 0) await guarded('retiring', () => store.retire(owner)).catch(() => undefined);
    },
  };
}

/** Node's timers have `unref` (browsers' and some runtimes' do not): called where it exists. */
function unref(timer: unknown): void {
  if (typeof timer === 'object' && timer !== null && 'unref' in timer && typeof timer.unref === 'function') timer.unref();
}

/** `usd` as whole nano-USD; `what` starts the error message. */
function toNano(usd: number, what: string): number {
  if (typeof usd !== 'number' || !Number.isFinite(usd) || usd < 0 || usd > MAX_AMOUNT_USD) {
    throw new BudgetError('INVALID_AMOUNT', `${what} must be a USD amount from 0 to ${MAX_AMOUNT_USD}, got ${usd}.`);
  }
  return Math.round(usd * NANO_PER_USD);
}
