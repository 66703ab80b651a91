import pg from 'pg';
import { DatabaseError } from './database-error.ts';
import { migrate } from './migrate.ts';
import type { SqlDatabase, SqlExecutor, SqlRow } from './sql-database.ts';

/** Connections per backend process: its queries are short; a few suffice and leave room for many instances. */
const POOL_SIZE = 5;
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects to PostgreSQL at `url` (`postgres://user:password@host:port/database`), checks it answers
 * and migrates it. Any number of backend processes, on any number of hosts, may share one.
 * Rejects with DatabaseError `UNREACHABLE` (saying where, without the password) when it cannot connect.
 */
export async function openPostgresDatabase(url: string): Promise<SqlDatabase> {
  const where = redact(url);
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  // An idle connection the server drops (a restart, a failover) must not crash the process; the pool reconnects.
  pool.on('error', (error) => console.warn(`chorus: PostgreSQL connection lost (${where}): ${error.message}`));
  try {
    await pool.query('SELECT 1');
  } catch (error) {
    await pool.end();
    throw new DatabaseError('UNREACHABLE', `Cannot connect to PostgreSQL at ${where}: ${(error as Error).message}. Check CHORUS_DATABASE_URL and that the server is up.`, { cause: error });
  }
  const database: SqlDatabase = {
    kind: 'postgres',
    where,
    query: async (sql, params) => (await pool.query(sql, params ? [...params] : [])).rows as SqlRow[],
    async transaction(work) {
      const client = await pool.connect();
      const executor: SqlExecutor = { query: async (sql, params) => (await client.query(sql, params ? [...params] : [])).rows as SqlRow[] };
      try {
        await client.query('BEGIN');
        const result = await work(executor);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
  try {
    await migrate(database);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return database;
}

/** The URL without its password, for logs and messages. */
function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured CHORUS_DATABASE_URL (not a valid URL)';
  }
}
