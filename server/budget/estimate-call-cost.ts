import { estimateImageTokens } from './estimate-image-tokens.ts';
import type { ImageSize, ModelPricing } from './model-pricing.ts';
import { assertTokenCount } from './private/assert-token-count.ts';

// The budget's public face, so callers import one file (the extractors already do).
export { actualCallCost } from './actual-call-cost.ts';
export type { CallUsage } from './call-usage.ts';
export type { ImageSize, ModelPricing } from './model-pricing.ts';

/** Vendors quote prices per million tokens. */
const TOKENS_PER_MTOK = 1_000_000;

/**
 * The most one call can cost, in USD, before making it: the image's tokens (by the model's
 * published rule; pass undefined for no image) plus `promptTokens`, both at the full input price
 * (no cache discount), plus `maxOutputTokens` at the output price, as if the model wrote up to its
 * cap. For several images, add one estimate per image with zero prompt and output tokens.
 * Local models cost 0. Throws RangeError on a non-positive image size or a negative/fractional token count.
 */
export function estimateCallCost(model: ModelPricing, image: ImageSize | undefined, promptTokens: number, maxOutputTokens: number): number {
  assertTokenCount('promptTokens', promptTokens);
  assertTokenCount('maxOutputTokens', maxOutputTokens);
  const imageTokens = image === undefined ? 0 : estimateImageTokens(model.imageTokens, image);
  if (model.vendor === 'local') return 0;
  return ((imageTokens + promptTokens) * model.inputPerMTok + maxOutputTokens * model.outputPerMTok) / TOKENS_PER_MTOK;
}
