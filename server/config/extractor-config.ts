import { z } from 'zod';
import { modelPricingSchema } from '../budget/model-pricing.ts';
import { tierSchema } from '../../core/protocol/run-event.ts';

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
  tier: tierSchema,
  timeout_ms: z.number().int().min(100).max(600_000),
  required: z.boolean().default(false),
};
/** What a model is sent: images are downscaled and re-encoded to fit, each model its own copy; CV keeps the full pixels. */
const imageLimitsSchema = z.object({
  /** Longest edge sent, px: the model's native size (more is downsampled by the vendor, at our cost in bytes and latency). */
  max_long_edge: z.number().int().min(64).max(8000),
  /** Longest edge for a simple screen (few measured colours, large flat regions that survive downscaling), px. */
  simple_long_edge: z.number().int().min(64).max(8000).optional(),
  /** Largest encoded image the vendor accepts, bytes (Anthropic: 5 MB per image). */
  max_bytes: z.number().int().min(10_000).max(50 * 1024 * 1024),
});
export type ImageLimits = z.infer<typeof imageLimitsSchema>;

/** Reasoning effort on the OpenAI-style APIs: `none` turns reasoning off so it cannot eat the output cap. */
const reasoningEffortSchema = z.enum(['none', 'minimal', 'low', 'medium', 'high']);

const model = {
  weight: z.number().positive().max(10),
  model: z.string().min(1),
  /** The output cap (`max_tokens` / `max_completion_tokens`); thinking, where on, counts against it. */
  max_output_tokens: z.number().int().min(64).max(32_000),
  image: imageLimitsSchema,
  pricing: modelPricingSchema,
};

/** One extractor as the operator configures it (server/config/extractors.json). */
export const extractorConfigSchema = z.discriminatedUnion('type', [
  // Tier-1 CV runs the same code as the plugin; its weight is core's (TIER1_EXTRACTORS), so the plugin and server vote alike.
  z.object({ ...common, type: z.literal('cv-tier1') }),
  z.object({ ...common, type: z.literal('cv-full-resolution'), weight: z.number().positive().max(10) }),
  z.object({
    ...common,
    ...model,
    type: z.literal('openai-compatible'),
    base_url_env: z.string().min(1),
    model_env: z.string().min(1).optional(),
    // Low: a colour list is a reading, not a creative task; a hot sampler invents hex values.
    temperature: z.number().min(0).max(2).default(0.1),
  }),
  z.object({ ...common, ...model, type: z.literal('openai'), reasoning_effort: reasoningEffortSchema.optional() }),
  z.object({ ...common, ...model, type: z.literal('gemini'), reasoning_effort: reasoningEffortSchema.optional() }),
  z.object({
    ...common,
    ...model,
    type: z.literal('anthropic'),
    /** Claude 5.5 thinks by default and thinking counts against max_tokens: Haiku 5.5 takes `disabled`, Sonnet 5.5 `between_tools`. */
    thinking: z.enum(['disabled', 'between_tools', 'adaptive']),
    effort: z.enum(['low', 'medium', 'high']).optional(),
  }),
]);
export type ExtractorConfig = z.infer<typeof extractorConfigSchema>;

export const extractorsFileSchema = z.object({
  $comment: z.string().optional(),
  extractors: z
    .array(extractorConfigSchema)
    .min(1)
    .refine((list) => new Set(list.map((e) => e.id)).size === list.length, 'extractor ids must be unique'),
});
export type ExtractorsFile = z.infer<typeof extractorsFileSchema>;
