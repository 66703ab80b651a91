import { z } from 'zod';
import { hexSchema } from '../palette/palette-color.ts';
import { roleSchema } from '../palette/role.ts';
import { colorVoteSchema } from '../vote/color-vote.ts';
import { voterKindSchema } from '../vote/voter-kind.ts';

export const tierSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Tier = z.infer<typeof tierSchema>;

/** How an extractor ended, as the stream reports it. */
export const extractorStatusSchema = z.enum(['done', 'failed', 'timeout', 'skipped', 'cancelled']);
export type ExtractorStatus = z.infer<typeof extractorStatusSchema>;

/** Why an extractor did not run or did not finish: a code for programs, `reason` for people. */
export const statusCodeSchema = z.enum([
  'NO_AI',
  'NOT_CONFIGURED',
  'MISSING_KEY',
  'OVER_BUDGET',
  'DAILY_CAP',
  'NO_DOUBT',
  'LEDGER_UNAVAILABLE',
  'CLIENT_VOTES',
  'TIMEOUT',
  'RATE_LIMITED',
  'PROVIDER_ERROR',
  'INVALID_OUTPUT',
  'REFUSED',
  'CANCELLED',
  'FAILED',
]);
export type StatusCode = z.infer<typeof statusCodeSchema>;

const candidateSchema = z.object({
  hex: hexSchema,
  weight: z.number(),
  measured: z.boolean(),
  votes: z.array(z.object({ extractor: z.string(), weight: z.number(), hex: hexSchema, name: z.string().optional() })),
});

/** One colour of a tier's consensus (see core/vote/consensus.ts). */
export const tokenSchema = z.object({
  hex: hexSchema,
  role: z.optional(roleSchema),
  name: z.string().optional(),
  share: z.number().optional(),
  agreement: z.number(),
  confidence: z.number(),
  conflict: z.boolean(),
  /** Why the vote flagged it, a sentence for the designer (conflicts only). */
  reason: z.string().optional(),
  /** The kinds of evidence behind it (`cv`, `local-model`, `hosted-model`). */
  evidence: z.array(voterKindSchema).optional(),
  candidates: z.array(candidateSchema),
});
export type Token = z.infer<typeof tokenSchema>;

const envelope = {
  v: z.literal(1),
  run_id: z.string(),
  seq: z.number().int().nonnegative(),
  /** USD booked so far in this run. */
  total_cost: z.number().nonnegative(),
};

export const planEntrySchema = z.object({
  extractor: z.string(),
  tier: tierSchema,
  kind: z.enum(['cv', 'local-model', 'hosted-model']),
  model: z.string().optional(),
  estimated_cost: z.number().nonnegative(),
  will_run: z.boolean(),
  code: statusCodeSchema.optional(),
  reason: z.string().optional(),
});
export type PlanEntry = z.infer<typeof planEntrySchema>;

/** Everything the server sends about a run, in order: accepted → (tier_started → extractor_done… → tier_N_complete)… → complete. */
export const runEventSchema = z.discriminatedUnion('stage', [
  z.object({ ...envelope, stage: z.literal('accepted'), max_cost: z.number(), images: z.number().int(), plan: z.array(planEntrySchema) }),
  z.object({ ...envelope, stage: z.literal('tier_started'), tier: tierSchema, extractors: z.array(z.string()) }),
  z.object({
    ...envelope,
    stage: z.literal('extractor_done'),
    extractor: z.string(),
    tier: tierSchema,
    status: extractorStatusSchema,
    code: statusCodeSchema.optional(),
    reason: z.string().optional(),
    duration_ms: z.number().nonnegative(),
    cost: z.number().nonnegative(),
    cached: z.boolean(),
    votes: z.array(colorVoteSchema),
  }),
  z.object({
    ...envelope,
    stage: z.enum(['tier_1_complete', 'tier_2_complete', 'tier_3_complete', 'tier_4_complete']),
    tier: tierSchema,
    tokens: z.record(z.string(), tokenSchema),
    confidence: z.number(),
  }),
  z.object({ ...envelope, stage: z.literal('budget_warning'), spent: z.number(), max_cost: z.number(), message: z.string() }),
  z.object({
    ...envelope,
    stage: z.literal('complete'),
    tokens: z.record(z.string(), tokenSchema),
    confidence: z.number(),
    duration_ms: z.number().nonnegative(),
  }),
  z.object({ ...envelope, stage: z.literal('error'), code: z.string(), message: z.string() }),
]);
export type RunEvent = z.infer<typeof runEventSchema>;
/** An event before the envelope is stamped on it. */
export type RunEventBody = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'v' | 'run_id' | 'seq' | 'total_cost'> : never) : never;
