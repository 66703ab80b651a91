import { z } from 'zod';

/**
 * How a model counts an input image in tokens. The constants differ per model, so they live
 * here as configuration, not in the estimators; each estimator file cites the vendor's rule.
 *
 * - `openai-tiles`: GPT-4o / GPT-4.1 family. `base` tokens always, plus `perTile` per 512 px
 *   tile at `detail: 'high'`; `detail: 'low'` costs `base` only. gpt-4o: 85 + 170 × tiles.
 *   Send the same `detail` in the request: `auto` lets OpenAI choose, and this cannot.
 * - `openai-patches`: GPT-4.1-mini / -nano and the other "patch" models: 32 px patches, capped,
 *   times a per-model `multiplier` (1.62 for gpt-4.1-mini, 2.46 for gpt-4.1-nano, per OpenAI).
 *   `maxPatches` defaults to the published 1536.
 * - `anthropic-patches`: Claude. ⌈width / 28⌉ × ⌈height / 28⌉ after the image is scaled to fit
 *   `maxLongEdge` and `maxTokens` (1568 px / 1568 on the standard tier, 2576 px / 4784 on the
 *   high-resolution tier of Claude 4.7 and later).
 * - `gemini-fixed`: Gemini 3 and later bill every image at the media resolution's token budget
 *   (`tokensPerImage`, 1120 at the default `high` for images), whatever its size.
 * - `free`: a local model; images cost nothing.
 */
export const imageTokenRuleSchema = z.discriminatedUnion('rule', [
  z.object({
    rule: z.literal('openai-tiles'),
    base: z.number().int().nonnegative(),
    perTile: z.number().int().nonnegative(),
    detail: z.enum(['high', 'low']),
  }),
  z.object({
    rule: z.literal('openai-patches'),
    multiplier: z.number().positive().finite(),
    maxPatches: z.number().int().positive().optional(),
  }),
  z.object({
    rule: z.literal('anthropic-patches'),
    maxLongEdge: z.number().int().positive().optional(),
    maxTokens: z.number().int().positive().optional(),
  }),
  z.object({ rule: z.literal('gemini-fixed'), tokensPerImage: z.number().int().positive() }),
  z.object({ rule: z.literal('free') }),
]);
export type ImageTokenRule = z.infer<typeof imageTokenRuleSchema>;

/** A price per million tokens, in USD (the unit every vendor's price page uses). */
const perMTok = z.number().nonnegative().finite();

/**
 * One model's prices and image rule, as configured by the server operator. Prices are USD per
 * million tokens, copied from the vendor's price page. `cachedInputPerMTok` is the price of
 * input served from the provider's prompt cache; without it, cached input is billed at the full
 * input price (the conservative reading).
 *
 * A local model must be `vendor: 'local'` with rule `free` and zero prices, and a rule must
 * belong to its vendor: a mismatch is a configuration mistake, refused at parse time.
 */
export const modelPricingSchema = z
  .object({
    vendor: z.enum(['openai', 'anthropic', 'gemini', 'local']),
    model: z.string().min(1),
    inputPerMTok: perMTok,
    outputPerMTok: perMTok,
    cachedInputPerMTok: perMTok.optional(),
    imageTokens: imageTokenRuleSchema,
    /** The day these prices were read off the vendor's price page (YYYY-MM-DD). */
    checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-03').optional(),
  })
  .superRefine((pricing, context) => {
    const rule = pricing.imageTokens.rule;
    const expectedVendor = RULE_VENDOR[rule];
    if (expectedVendor !== pricing.vendor) {
      context.addIssue({
        code: 'custom',
        path: ['imageTokens', 'rule'],
        message: `Image rule '${rule}' belongs to vendor '${expectedVendor}', but model '${pricing.model}' is configured as '${pricing.vendor}'.`,
      });
    }
    if (pricing.vendor === 'local' && (pricing.inputPerMTok !== 0 || pricing.outputPerMTok !== 0 || (pricing.cachedInputPerMTok ?? 0) !== 0)) {
      context.addIssue({
        code: 'custom',
        path: ['inputPerMTok'],
        message: `Local model '${pricing.model}' must have zero prices: local calls are never charged against the budget.`,
      });
    }
  });
export type ModelPricing = z.infer<typeof modelPricingSchema>;

const RULE_VENDOR: Record<ImageTokenRule['rule'], ModelPricing['vendor']> = {
  'openai-tiles': 'openai',
  'openai-patches': 'openai',
  'anthropic-patches': 'anthropic',
  'gemini-fixed': 'gemini',
  free: 'local',
};

/** Width and height of the image as it will be sent, in pixels. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}
