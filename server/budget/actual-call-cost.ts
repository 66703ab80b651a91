import { callUsageSchema, type CallUsage } from './call-usage.ts';
import type { ModelPricing } from './model-pricing.ts';

/** Vendors quote prices per million tokens. */
const TOKENS_PER_MTOK = 1_000_000;

/**
 * What one call cost, in USD, from the provider's own usage figures, read in that vendor's terms
 * (see `CallUsage`). Cached input is billed at `cachedInputPerMTok`, or at the full input price when
 * the model has none. Local models cost 0. Throws the ZodError of `callUsageSchema` on a negative or
 * fractional count, and a RangeError when OpenAI-style usage claims more cached than total input.
 */
export function actualCallCost(model: ModelPricing, usage: CallUsage): number {
  const { inputTokens, outputTokens, cachedInputTokens = 0 } = callUsageSchema.parse(usage);
  if (model.vendor === 'local') return 0;
  // OpenAI (and Gemini's OpenAI-compatible usage) count cached tokens inside prompt_tokens; Anthropic beside input_tokens.
  const cachedInside = model.vendor !== 'anthropic';
  if (cachedInside && cachedInputTokens > inputTokens) {
    throw new RangeError(`OpenAI usage has ${cachedInputTokens} cached tokens but only ${inputTokens} input tokens; cached tokens are part of the input.`);
  }
  const fullPriceInput = cachedInside ? inputTokens - cachedInputTokens : inputTokens;
  const cachedPrice = model.cachedInputPerMTok ?? model.inputPerMTok;
  return (fullPriceInput * model.inputPerMTok + cachedInputTokens * cachedPrice + outputTokens * model.outputPerMTok) / TOKENS_PER_MTOK;
}
