/**
 * Why the database cannot be used. The server refuses to start on any of these rather than run
 * with money it cannot account for.
 *
 * - `DAMAGED`: the file or its contents fail SQLite's checks (truncated, garbled, emptied).
 * - `NEWER_SCHEMA`: written by a newer Chorus; this one does not know its tables.
 * - `UNREACHABLE`: it cannot be opened or connected to (permissions, a wrong URL, a server down).
 * - `OLD_LEDGER_DAMAGED`: the file ledger of an earlier version could not be read to migrate it.
 */
export type DatabaseErrorCode = 'DAMAGED' | 'NEWER_SCHEMA' | 'UNREACHABLE' | 'OLD_LEDGER_DAMAGED';

export class DatabaseError extends Error {
  override readonly name = 'DatabaseError';
  constructor(
    readonly code: DatabaseErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
