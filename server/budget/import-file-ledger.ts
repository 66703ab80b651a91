import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlDatabase } from '../db/sql-database.ts';
import { BudgetError } from './budget-error.ts';
import { ledgerRecordSchema, type LedgerRecord } from './ledger-record.ts';

/** The file ledger of Chorus before the database, inside the data directory. */
export const FILE_LEDGER_NAME = 'ledger.jsonl';
/** Its owner in the database: never alive, so the reservations it left open are booked as spent, as the file ledger did after a crash. */
const MIGRATED_OWNER = 'migrated-file-ledger';

/**
 * Moves the money in `<dataDirectory>/ledger.jsonl` (JSON lines, from before the database) into
 * `db`, in one transaction that a second run repeats harmlessly, then renames the file
 * `ledger.jsonl.migrated`. Rejects with BudgetError `LEDGER_CORRUPT` (the server then refuses to
 * start) when a line in the middle is damaged: its spend cannot be known.
 */
export async function importFileLedger(dataDirectory: string, db: SqlDatabase): Promise<number> {
  const path = join(dataDirectory, FILE_LEDGER_NAME);
  if (!existsSync(path)) return 0;
  const records = parseLedger(readFileSync(path, 'utf8'), path);
  await db.transaction(async (tx) => {
    for (const record of records) {
      const at = Date.parse(record.at) || 0;
      if (record.kind === 'reserve') {
        const added = await tx.query(
          `INSERT INTO reservations (id, run_id, day, reserved_nano, state, owner, created_at) VALUES ($1, $2, $3, $4, 'open', $5, $6) ON CONFLICT (id) DO NOTHING RETURNING id`,
          [record.id, record.runId, record.day, record.nanoUsd, MIGRATED_OWNER, at],
        );
        if (added.length === 0) continue;
        await tx.query('INSERT INTO ledger_days (day) VALUES ($1) ON CONFLICT (day) DO NOTHING', [record.day]);
        await tx.query('UPDATE ledger_days SET reserved_nano = reserved_nano + $2 WHERE day = $1', [record.day, record.nanoUsd]);
        continue;
      }
      const booked = record.kind === 'settle' ? record.nanoUsd : null;
      const closed = await tx.query(
        `UPDATE reservations SET state = $2, booked_nano = $3, closed_at = $4 WHERE id = $1 AND state = 'open' AND owner = $5 RETURNING day, reserved_nano`,
        [record.id, booked === null ? 'released' : 'settled', booked, at, MIGRATED_OWNER],
      );
      if (closed.length === 0) continue;
      await tx.query('UPDATE ledger_days SET reserved_nano = reserved_nano - $2, spent_nano = spent_nano + $3 WHERE day = $1', [String(closed[0]!.day), Number(closed[0]!.reserved_nano), booked ?? 0]);
    }
  });
  renameSync(path, `${path}.migrated`);
  return records.length;
}

/** Records of a ledger file's text: a torn last line (a crash mid-append) is left out, damage elsewhere throws LEDGER_CORRUPT. */
export function parseLedger(text: string, path: string): LedgerRecord[] {
  const lines = text.split('\n');
  // After the last '\n' is '' for a whole file, or the torn remains of an interrupted append.
  const tail = lines.pop() ?? '';
  const records: LedgerRecord[] = [];
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    const record = parseRecord(line);
    if (!record) {
      throw new BudgetError(
        'LEDGER_CORRUPT',
        `The spend ledger ${path} has a damaged record on line ${index + 1}, so today's spend is unknown. Fix or remove that line (removing it forgets that spend), then restart.`,
      );
    }
    records.push(record);
  });
  // A complete record that only lacks its newline is kept: counting it can only over-count spend.
  const tailRecord = tail.trim() === '' ? undefined : parseRecord(tail);
  if (tailRecord) records.push(tailRecord);
  return records;
}

function parseRecord(line: string): LedgerRecord | undefined {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = ledgerRecordSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

