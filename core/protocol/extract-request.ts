import { z } from 'zod';
import { isBase64 } from './is-base64.ts';
import { colorVoteSchema } from '../vote/color-vote.ts';

/** Version of the extraction protocol; every server message carries it as `v`. */
export const PROTOCOL_VERSION = 1;

/** Images one request may carry: a designer's selection of a few frames, not an album. */
export const MAX_IMAGES_PER_REQUEST = 8;
/** Base64 characters per image: 20 MB of PNG, the backend's upload limit. */
export const MAX_IMAGE_BASE64 = Math.ceil((20 * 1024 * 1024 * 4) / 3);
/** A request's spend cap when it names none, in USD: a few hosted calls on a screenshot. */
export const DEFAULT_MAX_COST_USD = 0.1;

/**
 * Start a run. `images` are base64 PNGs (or JPEGs); `votes` are the client's tier-1 votes, which
 * count as tier 1 so the server need not repeat them; `max_cost` caps this request's spend in USD.
 * `paid`: `auto` runs the hosted models (tier 3) within `max_cost`, and the deep model (tier 4) only
 * when tier 3 left doubt; `always` runs tier 4 too.
 */
export const extractRequestSchema = z.object({
  action: z.literal('extract'),
  images: z
    .array(z.string().min(1).max(MAX_IMAGE_BASE64).refine(isBase64, 'base64'))
    .min(1)
    .max(MAX_IMAGES_PER_REQUEST),
  use_ai: z.boolean().default(true),
  max_cost: z.number().min(0).max(10).default(DEFAULT_MAX_COST_USD),
  paid: z.enum(['auto', 'always']).default('auto'),
  votes: z.array(colorVoteSchema).max(1024).default([]),
  /**
   * Multipliers on extractors' configured weights for this run (0.25–4), e.g. learned from the
   * designer's review decisions: an extractor that keeps being right counts for more.
   */
  weights: z.record(z.string().min(1).max(64), z.number().min(0.25).max(4)).default({}),
});
export type ExtractRequest = z.infer<typeof extractRequestSchema>;
export type ExtractRequestInput = z.input<typeof extractRequestSchema>;

export const cancelRequestSchema = z.object({ action: z.literal('cancel') });

/** What a WebSocket client may send. */
export const clientMessageSchema = z.discriminatedUnion('action', [extractRequestSchema, cancelRequestSchema]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;
