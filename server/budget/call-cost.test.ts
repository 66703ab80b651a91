import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { actualCallCost, estimateCallCost } from './estimate-call-cost.ts';
import { modelPricingSchema, type ModelPricing } from './model-pricing.ts';

// gpt-4o: $2.50 input, $1.25 cached input, $10.00 output per million tokens (openai.com/api/pricing).
const gpt4o: ModelPricing = modelPricingSchema.parse({
  vendor: 'openai',
  model: 'gpt-4o',
  inputPerMTok: 2.5,
  cachedInputPerMTok: 1.25,
  outputPerMTok: 10,
  imageTokens: { rule: 'openai-tiles', base: 85, perTile: 170, detail: 'high' },
});

// Claude Sonnet 5.5 at its price page's $2 in / $0.20 cache read / $10 out per MTok (checked 2026-12-03).
const sonnet: ModelPricing = modelPricingSchema.parse({
  vendor: 'anthropic',
  model: 'claude-sonnet-5-5',
  inputPerMTok: 2,
  cachedInputPerMTok: 0.2,
  outputPerMTok: 10,
  imageTokens: { rule: 'anthropic-patches', maxLongEdge: 2576, maxTokens: 4784 },
});

const local: ModelPricing = modelPricingSchema.parse({
  vendor: 'local',
  model: 'llava:7b',
  inputPerMTok: 0,
  outputPerMTok: 0,
  imageTokens: { rule: 'free' },
});

describe('estimateCallCost', () => {
  it('prices an image at its 28 px patches, capped, at the input price', () => {
    // 1000 × 1000 = 1296 tokens (Anthropic's example); 3840 × 2160 is capped at 4784 tokens.
    expect(estimateCallCost(sonnet, { width: 1000, height: 1000 }, 0, 0)).toBeCloseTo((1296 * 2) / 1e6, 12);
    expect(estimateCallCost(sonnet, { width: 3840, height: 2160 }, 0, 0)).toBeLessThanOrEqual((4784 * 2) / 1e6);
  });

  it('adds the prompt at the input price and the whole output cap at the output price', () => {
    // 765 image tokens + 600 prompt tokens at $2.50/M, 1000 output tokens at $10/M.
    expect(estimateCallCost(gpt4o, { width: 1024, height: 1024 }, 600, 1000)).toBeCloseTo((1365 * 2.5 + 1000 * 10) / 1e6, 12);
  });

  it('costs the text alone when there is no image', () => {
    expect(estimateCallCost(gpt4o, undefined, 600, 0)).toBeCloseTo((600 * 2.5) / 1e6, 12);
  });

  it('is free for a local model', () => {
    expect(estimateCallCost(local, { width: 4000, height: 3000 }, 600, 4096)).toBe(0);
  });

  it('refuses negative or fractional token counts', () => {
    expect(() => estimateCallCost(gpt4o, undefined, -1, 0)).toThrow(RangeError);
    expect(() => estimateCallCost(gpt4o, undefined, 0, 1.5)).toThrow(RangeError);
  });
});

describe('actualCallCost', () => {
  it('bills OpenAI input, output, and cached input (counted inside prompt_tokens) at their prices', () => {
    // 2000 prompt tokens of which 1000 cached, 500 completion tokens.
    const cost = actualCallCost(gpt4o, { inputTokens: 2000, cachedInputTokens: 1000, outputTokens: 500 });
    expect(cost).toBeCloseTo((1000 * 2.5 + 1000 * 1.25 + 500 * 10) / 1e6, 12);
  });

  it('bills Anthropic cache reads, reported beside input_tokens, on top of the input', () => {
    const cost = actualCallCost(sonnet, { inputTokens: 1500, cachedInputTokens: 2000, outputTokens: 300 });
    expect(cost).toBeCloseTo((1500 * 2 + 2000 * 0.2 + 300 * 10) / 1e6, 12);
  });

  it('bills cached input at the full price when the model has no cached price', () => {
    const noCachePrice = modelPricingSchema.parse({ ...gpt4o, cachedInputPerMTok: undefined });
    expect(actualCallCost(noCachePrice, { inputTokens: 1000, cachedInputTokens: 1000, outputTokens: 0 })).toBeCloseTo((1000 * 2.5) / 1e6, 12);
  });

  it('is free for a local model', () => {
    expect(actualCallCost(local, { inputTokens: 5000, outputTokens: 5000 })).toBe(0);
  });

  it('refuses malformed usage', () => {
    expect(() => actualCallCost(gpt4o, { inputTokens: -1, outputTokens: 0 })).toThrow(ZodError);
    expect(() => actualCallCost(gpt4o, { inputTokens: 10, outputTokens: 0.5 })).toThrow(ZodError);
    expect(() => actualCallCost(gpt4o, { inputTokens: 10, cachedInputTokens: 11, outputTokens: 0 })).toThrow(RangeError);
  });
});

describe('modelPricingSchema', () => {
  it('refuses a rule that belongs to another vendor', () => {
    const result = modelPricingSchema.safeParse({ ...gpt4o, imageTokens: { rule: 'anthropic-patches' } });
    expect(result.success).toBe(false);
  });

  it('refuses a priced local model', () => {
    const result = modelPricingSchema.safeParse({ ...local, inputPerMTok: 1 });
    expect(result.success).toBe(false);
  });

  it('refuses negative prices', () => {
    expect(modelPricingSchema.safeParse({ ...gpt4o, outputPerMTok: -1 }).success).toBe(false);
  });
});
