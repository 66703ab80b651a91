/** A UTC day's money, in whole nano-USD. */
export interface DayTotals {
  /** Booked by settled calls (and by reservations of crashed processes, at their reserved amount). */
  readonly spentNano: number;
  /** Held by open reservations. */
  readonly reservedNano: number;
}

export interface NewReservation {
  readonly id: string;
  readonly runId: string;
  /** The UTC day it is held against, `YYYY-MM-DD`. */
  readonly day: string;
  readonly nanoUsd: number;
  /** The backend process holding it (see `heartbeat`). */
  readonly owner: string;
  readonly at: Date;
}

/** What closing a reservation found: closed now, never made, or closed before. */
export type FinishOutcome = 'closed' | 'unknown' | 'already-closed';

/**
 * Where the ledger keeps its money: shared by every backend process that uses the same store, so
 * each operation is one transaction. Every method resolves only once its change is durable, and
 * rejects on a storage failure (a full disk, a read-only folder, a lost database connection).
 * Implementations: `SqlLedgerStore` (SQLite or PostgreSQL) and `MemoryLedgerStore` (tests).
 */
export interface LedgerStore {
  /** Adds the reservation if the day's spent + reserved + its amount stays within `capNano`; no other process can interleave. */
  reserve(reservation: NewReservation, capNano: number): Promise<{ readonly reserved: boolean; readonly totals: DayTotals }>;
  /** Closes an open reservation: booked at `bookedNano` (settle) or at nothing (release, `null`). */
  finish(id: string, bookedNano: number | null, at: Date): Promise<{ readonly outcome: FinishOutcome; readonly totals: DayTotals }>;
  totals(day: string): Promise<DayTotals>;
  /** Records that `owner` is alive at `at`. */
  heartbeat(owner: string, at: Date): Promise<void>;
  /**
   * Books as spent, at their reserved amount, the open reservations of owners last alive before
   * `staleBefore` (or never seen), and forgets those owners. Resolves with how many it booked.
   */
  recoverAbandoned(staleBefore: Date, at: Date): Promise<number>;
  /** Forgets `owner` (it stopped cleanly); any reservation it left open is then recovered as abandoned. */
  retire(owner: string): Promise<void>;
}
