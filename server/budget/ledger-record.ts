import { z } from 'zod';

/** A UTC day, `YYYY-MM-DD`. */
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Money in whole nano-USD (1e-9 USD): integers add exactly, so the cap comparison never drifts. */
const nanoUsdSchema = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const idSchema = z.string().min(1).max(128);

/**
 * One line of the ledger: a reservation made, settled (booked at what the provider billed) or
 * released (nothing billed). `day` is the reservation's UTC day on all three; a settle with
 * `recovered: true` was written on start for a reservation a crash left open.
 */
export const ledgerRecordSchema = z.discriminatedUnion('kind', [
  z.object({ v: z.literal(1), kind: z.literal('reserve'), id: idSchema, runId: z.string().min(1).max(256), day: daySchema, nanoUsd: nanoUsdSchema, at: z.string() }),
  z.object({ v: z.literal(1), kind: z.literal('settle'), id: idSchema, day: daySchema, nanoUsd: nanoUsdSchema, at: z.string(), recovered: z.literal(true).optional() }),
  z.object({ v: z.literal(1), kind: z.literal('release'), id: idSchema, day: daySchema, at: z.string() }),
]);
export type LedgerRecord = z.infer<typeof ledgerRecordSchema>;
