import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { DatabaseError } from './database-error.ts';
import { migrate } from './migrate.ts';
import type { SqlDatabase, SqlExecutor, SqlRow, SqlValue } from './sql-database.ts';

/** The database file's name inside CHORUS_DATA_DIR. */
export const SQLITE_FILE_NAME = 'chorus.db';
/** How long a statement waits for another process's write lock before failing: far above any of ours (a few ms). */
const BUSY_TIMEOUT_MS = 5_000;

/**
 * Opens (creating if absent) the SQLite database at `path`: WAL, so readers never wait for the one
 * writer and several processes on one host share it; `synchronous = FULL`, so a committed booking
 * survives a power cut; checked (`quick_check`) and migrated before use.
 * Rejects with DatabaseError `DAMAGED` (with what to do) for an emptied, truncated or garbled file.
 */
export async function openSqliteDatabase(path: string): Promise<SqlDatabase> {
  // One connection per file per process: statements run synchronously, so a second connection in the
  // same thread waiting on the first one's write lock would block the very thread that must release it.
  const key = resolve(path);
  let shared = SHARED.get(key);
  if (!shared) {
    const opening = openConnection(key);
    shared = { opening, users: 0 };
    SHARED.set(key, shared);
    opening.catch(() => SHARED.delete(key));
  }
  const connection = shared;
  const database = await connection.opening;
  connection.users++;
  let closed = false;
  return {
    ...database,
    async close() {
      if (closed) return;
      closed = true;
      if (--connection.users > 0) return;
      SHARED.delete(key);
      await database.close();
    },
  };
}

const SHARED = new Map<string, { opening: Promise<SqlDatabase>; users: number }>();

async function openConnection(path: string): Promise<SqlDatabase> {
  const damaged = (detail: string, cause?: unknown) =>
    new DatabaseError(
      'DAMAGED',
      `The Chorus database ${path} is damaged (${detail}), so the money spent today cannot be known and the server will not start. Restore the file from a backup; or, to start with an empty ledger and cache (forgetting today's spend), move it aside: mv "${path}" "${path}.damaged" (and its -wal and -shm files).`,
      cause === undefined ? undefined : { cause },
    );
  // SQLite takes an empty file for a new database: ours is never empty once created, so this is a ledger someone emptied.
  if (existsSync(path) && statSync(path).size === 0) throw damaged('the file is empty');
  let db: Database.Database;
  try {
    db = new Database(path);
  } catch (error) {
    throw new DatabaseError('UNREACHABLE', `Cannot open the Chorus database ${path}: ${(error as Error).message}. Check that CHORUS_DATA_DIR exists and this user may write to it.`, { cause: error });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw damaged(`SQLite's check says: ${String(check)}`);
  } catch (error) {
    db.close();
    if (error instanceof DatabaseError) throw error;
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB')) throw damaged((error as Error).message, error);
    throw error;
  }
  const database = sqliteDatabase(db, path);
  try {
    await migrate(database);
  } catch (error) {
    db.close();
    throw error;
  }
  return database;
}

/** `$1`-style SQL as SQLite's `?`, with the parameters in the order they appear. */
function positional(sql: string, params: readonly SqlValue[]): { sql: string; values: SqlValue[] } {
  const values: SqlValue[] = [];
  const text = sql.replace(/\$(\d+)/g, (_match, index: string) => {
    values.push(params[Number(index) - 1] ?? null);
    return '?';
  });
  return { sql: text, values };
}

function sqliteDatabase(db: Database.Database, path: string): SqlDatabase {
  const statements = new Map<string, Database.Statement>();
  const run = (sql: string, params: readonly SqlValue[] = []): SqlRow[] => {
    const { sql: text, values } = positional(sql, params);
    let statement = statements.get(text);
    if (!statement) {
      statement = db.prepare(text);
      statements.set(text, statement);
    }
    return statement.reader ? (statement.all(...values) as SqlRow[]) : (statement.run(...values), []);
  };
  // better-sqlite3 is synchronous: one connection, so work is queued and a transaction is never
  // interleaved with another caller's statements while it awaits.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work);
    queue = result.catch(() => undefined);
    return result;
  };
  const executor: SqlExecutor = { query: async (sql, params) => run(sql, params) };
  return {
    kind: 'sqlite',
    where: path,
    query: (sql, params) => serially(async () => run(sql, params)),
    transaction: (work) =>
      serially(async () => {
        run('BEGIN IMMEDIATE');
        try {
          const result = await work(executor);
          run('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) run('ROLLBACK');
          throw error;
        }
      }),
    close: () =>
      serially(async () => {
        db.close();
      }),
  };
}
