/**
 * Why the ledger refused an operation. A refusal for lack of budget is not an error (`reserve`
 * returns null); these are misuse or a damaged ledger file.
 *
 * - `INVALID_AMOUNT`: a negative, non-finite or absurd USD amount, or an empty run id.
 * - `UNKNOWN_RESERVATION`: settle/release of a reservation this ledger never made.
 * - `RESERVATION_CLOSED`: settle/release of a reservation already settled or released.
 * - `LEDGER_CORRUPT`: a line in the middle of an old file ledger (`ledger.jsonl`, migrated on
 *   start) is not a valid record, so its spend cannot be trusted; the server refuses to start.
 * - `LEDGER_UNAVAILABLE`: the store cannot be written right now (a full disk, a read-only folder, a
 *   lost database); no paid call may start until it can.
 */
export type BudgetErrorCode = 'INVALID_AMOUNT' | 'UNKNOWN_RESERVATION' | 'RESERVATION_CLOSED' | 'LEDGER_CORRUPT' | 'LEDGER_UNAVAILABLE';

export class BudgetError extends Error {
  override readonly name = 'BudgetError';

  constructor(
    readonly code: BudgetErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
