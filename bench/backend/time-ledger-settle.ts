import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createLedger } from '../../server/budget/ledger.ts';
import { SqlLedgerStore } from '../../server/budget/sql-ledger-store.ts';
import { openSqliteDatabase } from '../../server/db/open-sqlite-database.ts';
import { median } from '../median.ts';

/** A typical paid call's booking, USD: the amount does not change the work. */
const CALL_USD = 0.001;

/**
 * Median ms of one `ledger.settle` on the server's SQLite ledger (a transaction, fsynced) in a
 * temporary directory beside where the benchmark's servers keep theirs. The orchestrator settles
 * a paid call after stamping its `duration_ms`, so this lands in the tier's overhead.
 */
export async function timeLedgerSettle(runs: number): Promise<number> {
  const directory = await mkdtemp(path.join(tmpdir(), 'chorus-bench-ledger-'));
  try {
    const db = await openSqliteDatabase(path.join(directory, 'chorus.db'));
    const ledger = await createLedger({ store: new SqlLedgerStore(db), dailyCapUsd: 1_000, heartbeatMs: 0 });
    const samples: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const reservation = await ledger.reserve(`bench-${i}`, CALL_USD);
      if (!reservation) throw new Error('the bench ledger refused a reservation');
      const start = performance.now();
      await ledger.settle(reservation, CALL_USD);
      // The first settle warms the statement cache: a warm-up, as the server's first paid call is.
      if (i > 0) samples.push(performance.now() - start);
    }
    await ledger.stop();
    await db.close();
    return median(samples);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
