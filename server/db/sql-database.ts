/** A value bound to a statement: the stores keep money in integer nano-USD, times in ms, text otherwise. */
export type SqlValue = string | number | null;
export type SqlRow = Readonly<Record<string, unknown>>;

export interface SqlExecutor {
  /** Runs one statement written with PostgreSQL placeholders (`$1`, `$2`, …) and resolves with its rows (RETURNING included). */
  query(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
}

/**
 * The one database a backend keeps its money and answers in: SQLite under CHORUS_DATA_DIR, or
 * PostgreSQL at CHORUS_DATABASE_URL. The stores write one SQL for both.
 */
export interface SqlDatabase extends SqlExecutor {
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for messages (a file path, or the URL without its password). */
  readonly where: string;
  /**
   * Runs `work` in one transaction. SQLite: `BEGIN IMMEDIATE`, so it holds the database's one write
   * lock from the start and no other process can interleave; PostgreSQL: on one connection, with the
   * row locks its statements take (`UPDATE … RETURNING` on a day's row serialises that day).
   * Rolls back and rejects if `work` rejects.
   */
  transaction<T>(work: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A number column as a JS number: PostgreSQL returns BIGINT as a string (nano-USD stay far below 2^53). */
export function toNumber(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint' || typeof value === 'string') return Number(value);
  return 0;
}
