import { z } from 'zod';
import { modelPricingSchema } from '../budget/model-pricing.ts';
import { tierSchema } from '../../core/protocol/run-event.ts';

const common = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
  tier: tierSchema,
  timeout_ms: z.number().int().min(100).max(600_000),
  required: z.boolean().default(false),
};
const model = {
  weight: z.number().positive().max(10),
  model: z.string().min(1),
  max_output_tokens: z.number().int().min(64).max(32_000),
  pricing: modelPricingSchema,
};

/** One extractor as the operator configures it (server/config/extractors.json). */
export const extractorConfigSchema = z.discriminatedUnion('type', [
  // Tier-1 CV runs the same code as the plugin; its weight is core's (TIER1_EXTRACTORS), so the plugin and server vote alike.
  z.object({ ...common, type: z.literal('cv-tier1') }),
  z.object({ ...common, type: z.literal('cv-full-resolution'), weight: z.number().positive().max(10) }),
  z.object({ ...common, ...model, type: z.literal('openai-compatible'), base_url_env: z.string().min(1), model_env: z.string().min(1).optional() }),
  z.object({ ...common, ...model, type: z.literal('openai') }),
  z.object({ ...common, ...model, type: z.literal('anthropic') }),
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
