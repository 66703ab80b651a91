import { toNumber, type SqlDatabase, type SqlExecutor } from '../db/sql-database.ts';
import type { DayTotals, FinishOutcome, LedgerStore, NewReservation } from './ledger-store.ts';

/**
 * The ledger in SQLite or PostgreSQL (tables in db/migrate.ts). The cap's check and the hold are one
 * statement on the day's row, `UPDATE … SET reserved = reserved + $n WHERE spent + reserved + $n <= cap`,
 * inside a transaction with the reservation's insert: SQLite's write lock (BEGIN IMMEDIATE) or
 * PostgreSQL's row lock on that day serialises every process and host, so together they cannot pass the cap.
 */
export class SqlLedgerStore implements LedgerStore {
  constructor(private readonly db: SqlDatabase) {}

  reserve(reservation: NewReservation, capNano: number): Promise<{ reserved: boolean; totals: DayTotals }> {
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO ledger_days (day) VALUES ($1) ON CONFLICT (day) DO NOTHING', [reservation.day]);
      const held = await tx.query(
        'UPDATE ledger_days SET reserved_nano = reserved_nano + $2 WHERE day = $1 AND spent_nano + reserved_nano + $2 <= $3 RETURNING spent_nano, reserved_nano',
        [reservation.day, reservation.nanoUsd, capNano],
      );
      if (held.length === 0) return { reserved: false, totals: await dayTotals(tx, reservation.day) };
      await tx.query(
        `INSERT INTO reservations (id, run_id, day, reserved_nano, state, owner, created_at) VALUES ($1, $2, $3, $4, 'open', $5, $6)`,
        [reservation.id, reservation.runId, reservation.day, reservation.nanoUsd, reservation.owner, reservation.at.getTime()],
      );
      return { reserved: true, totals: { spentNano: toNumber(held[0]!.spent_nano), reservedNano: toNumber(held[0]!.reserved_nano) } };
    });
  }

  finish(id: string, bookedNano: number | null, at: Date): Promise<{ outcome: FinishOutcome; totals: DayTotals }> {
    return this.db.transaction(async (tx) => {
      const closed = await tx.query(
        `UPDATE reservations SET state = $2, booked_nano = $3, closed_at = $4 WHERE id = $1 AND state = 'open' RETURNING day, reserved_nano`,
        [id, bookedNano === null ? 'released' : 'settled', bookedNano, at.getTime()],
      );
      if (closed.length === 0) {
        const known = await tx.query('SELECT day FROM reservations WHERE id = $1', [id]);
        return { outcome: known.length === 0 ? 'unknown' : 'already-closed', totals: known.length === 0 ? { spentNano: 0, reservedNano: 0 } : await dayTotals(tx, String(known[0]!.day)) };
      }
      const day = String(closed[0]!.day);
      const rows = await tx.query('UPDATE ledger_days SET reserved_nano = reserved_nano - $2, spent_nano = spent_nano + $3 WHERE day = $1 RETURNING spent_nano, reserved_nano', [
        day,
        toNumber(closed[0]!.reserved_nano),
        bookedNano ?? 0,
      ]);
      return { outcome: 'closed', totals: { spentNano: toNumber(rows[0]!.spent_nano), reservedNano: toNumber(rows[0]!.reserved_nano) } };
    });
  }

  totals(day: string): Promise<DayTotals> {
    return dayTotals(this.db, day);
  }

  async heartbeat(owner: string, at: Date): Promise<void> {
    await this.db.query('INSERT INTO ledger_owners (owner, seen_at) VALUES ($1, $2) ON CONFLICT (owner) DO UPDATE SET seen_at = $2', [owner, at.getTime()]);
  }

  recoverAbandoned(staleBefore: Date, at: Date): Promise<number> {
    return this.db.transaction(async (tx) => {
      const abandoned = await tx.query(
        `UPDATE reservations SET state = 'recovered', booked_nano = reserved_nano, closed_at = $2
         WHERE state = 'open' AND owner NOT IN (SELECT owner FROM ledger_owners WHERE seen_at >= $1)
         RETURNING day, reserved_nano`,
        [staleBefore.getTime(), at.getTime()],
      );
      for (const row of abandoned) {
        const nano = toNumber(row.reserved_nano);
        await tx.query('UPDATE ledger_days SET reserved_nano = reserved_nano - $2, spent_nano = spent_nano + $2 WHERE day = $1', [String(row.day), nano]);
      }
      await tx.query('DELETE FROM ledger_owners WHERE seen_at < $1', [staleBefore.getTime()]);
      return abandoned.length;
    });
  }

  async retire(owner: string): Promise<void> {
    await this.db.query('DELETE FROM ledger_owners WHERE owner = $1', [owner]);
  }
}

async function dayTotals(db: SqlExecutor, day: string): Promise<DayTotals> {
  const rows = await db.query('SELECT spent_nano, reserved_nano FROM ledger_days WHERE day = $1', [day]);
  return rows.length === 0 ? { spentNano: 0, reservedNano: 0 } : { spentNano: toNumber(rows[0]!.spent_nano), reservedNano: toNumber(rows[0]!.reserved_nano) };
}
