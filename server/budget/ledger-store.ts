import type { LedgerRecord } from './ledger-record.ts';

/**
 * Where the ledger keeps its records. The ledger calls these one at a time, never concurrently,
 * and counts a record only after its `append` resolves, so a store must resolve only once the
 * record is durable. Implementations: `FileLedgerStore` (Node, JSON lines + fsync) and
 * `MemoryLedgerStore` (tests, or runtimes where a single process need not survive restarts).
 */
export interface LedgerStore {
  /** Every record in order. A torn final record (crash mid-write) is left out; other damage throws. */
  load(): Promise<LedgerRecord[]>;
  /** Adds one record durably. */
  append(record: LedgerRecord): Promise<void>;
  /** Replaces all records at once (compaction): after a crash, either the old or the new set is there, never a mix. */
  rewrite(records: readonly LedgerRecord[]): Promise<void>;
}
