import type { LedgerRecord } from './ledger-record.ts';
import type { LedgerStore } from './ledger-store.ts';

/** A `LedgerStore` in memory: the cap holds within one process but is forgotten on restart. */
export class MemoryLedgerStore implements LedgerStore {
  #records: LedgerRecord[] = [];

  async load(): Promise<LedgerRecord[]> {
    return this.#records.map((record) => ({ ...record }));
  }

  async append(record: LedgerRecord): Promise<void> {
    this.#records.push({ ...record });
  }

  async rewrite(records: readonly LedgerRecord[]): Promise<void> {
    this.#records = records.map((record) => ({ ...record }));
  }
}
