import { z } from 'zod';

/**
 * What the provider reported for one call, in tokens, in each vendor's own terms:
 *
 * - OpenAI (and local OpenAI-compatible servers): `inputTokens` = `usage.prompt_tokens`, which
 *   already includes `cachedInputTokens` = `usage.prompt_tokens_details.cached_tokens`.
 * - Anthropic: `inputTokens` = `usage.input_tokens` (+ `cache_creation_input_tokens`), and
 *   `cachedInputTokens` = `usage.cache_read_input_tokens`, which Anthropic counts beside, not inside,
 *   `input_tokens`. Cache writes are billed by Anthropic at a premium this does not model: a caller
 *   that turns prompt caching on under-books them.
 */
export const callUsageSchema = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  cachedInputTokens: z.number().int().nonnegative().optional(),
});
export type CallUsage = z.infer<typeof callUsageSchema>;
