import type { DayTotals, FinishOutcome, LedgerStore, NewReservation } from './ledger-store.ts';

interface Row {
  readonly day: string;
  readonly nanoUsd: number;
  readonly owner: string;
  open: boolean;
}

/** A `LedgerStore` in memory, for tests: the cap holds within one process and is forgotten on exit. */
export class MemoryLedgerStore implements LedgerStore {
  readonly #days = new Map<string, { spentNano: number; reservedNano: number }>();
  readonly #rows = new Map<string, Row>();
  readonly #owners = new Map<string, number>();

  async reserve(reservation: NewReservation, capNano: number): Promise<{ reserved: boolean; totals: DayTotals }> {
    const day = this.#day(reservation.day);
    if (day.spentNano + day.reservedNano + reservation.nanoUsd > capNano) return { reserved: false, totals: { ...day } };
    day.reservedNano += reservation.nanoUsd;
    this.#rows.set(reservation.id, { day: reservation.day, nanoUsd: reservation.nanoUsd, owner: reservation.owner, open: true });
    return { reserved: true, totals: { ...day } };
  }

  async finish(id: string, bookedNano: number | null): Promise<{ outcome: FinishOutcome; totals: DayTotals }> {
    const row = this.#rows.get(id);
    if (!row) return { outcome: 'unknown', totals: { spentNano: 0, reservedNano: 0 } };
    const day = this.#day(row.day);
    if (!row.open) return { outcome: 'already-closed', totals: { ...day } };
    row.open = false;
    day.reservedNano -= row.nanoUsd;
    day.spentNano += bookedNano ?? 0;
    return { outcome: 'closed', totals: { ...day } };
  }

  async totals(day: string): Promise<DayTotals> {
    return { ...(this.#days.get(day) ?? { spentNano: 0, reservedNano: 0 }) };
  }

  async heartbeat(owner: string, at: Date): Promise<void> {
    this.#owners.set(owner, at.getTime());
  }

  async recoverAbandoned(staleBefore: Date): Promise<number> {
    let booked = 0;
    for (const row of this.#rows.values()) {
      const seen = this.#owners.get(row.owner);
      if (!row.open || (seen !== undefined && seen >= staleBefore.getTime())) continue;
      row.open = false;
      const day = this.#day(row.day);
      day.reservedNano -= row.nanoUsd;
      day.spentNano += row.nanoUsd;
      booked++;
    }
    for (const [owner, seen] of this.#owners) if (seen < staleBefore.getTime()) this.#owners.delete(owner);
    return booked;
  }

  async retire(owner: string): Promise<void> {
    this.#owners.delete(owner);
  }

  #day(day: string): { spentNano: number; reservedNano: number } {
    let totals = this.#days.get(day);
    if (!totals) {
      totals = { spentNano: 0, reservedNano: 0 };
      this.#days.set(day, totals);
    }
    return totals;
  }
}
