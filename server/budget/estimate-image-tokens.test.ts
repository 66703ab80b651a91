import { describe, expect, it } from 'vitest';
import { estimateAnthropicImageTokens } from './estimate-anthropic-image-tokens.ts';
import { estimateImageTokens } from './estimate-image-tokens.ts';
import { estimateOpenAiPatchTokens } from './estimate-openai-patch-tokens.ts';
import { estimateOpenAiTileTokens } from './estimate-openai-tile-tokens.ts';

const gpt4oHigh = { base: 85, perTile: 170, detail: 'high' } as const;
const gpt4oLow = { base: 85, perTile: 170, detail: 'low' } as const;

// OpenAI, "Images and vision" → "Calculating costs": https://platform.openai.com/docs/guides/images-vision#calculating-costs
// (worked examples quoted verbatim from the earlier /docs/guides/vision#calculating-costs).
describe('estimateOpenAiTileTokens against OpenAI’s worked examples (gpt-4o)', () => {
  it('1024 × 1024 at detail high costs 765 (scaled to 768 × 768, 4 tiles: 170 × 4 + 85)', () => {
    expect(estimateOpenAiTileTokens({ width: 1024, height: 1024 }, gpt4oHigh)).toBe(765);
  });

  it('2048 × 4096 at detail high costs 1105 (1024 × 2048, then 768 × 1536, 6 tiles: 170 × 6 + 85)', () => {
    expect(estimateOpenAiTileTokens({ width: 2048, height: 4096 }, gpt4oHigh)).toBe(1105);
  });

  it('4096 × 8192 at detail low costs 85, whatever the size', () => {
    expect(estimateOpenAiTileTokens({ width: 4096, height: 8192 }, gpt4oLow)).toBe(85);
  });

  it('does not scale a small image up to 768: 128 × 64 is one tile', () => {
    // Measured by an OpenAI forum user (community.openai.com/t/…/1262691): 128 × 64 on gpt-4o bills
    // 267 input tokens at high detail and 97 at low, with the same 12-token text prompt: 85 + 170 and 85.
    expect(estimateOpenAiTileTokens({ width: 128, height: 64 }, gpt4oHigh)).toBe(267 - 12);
    expect(estimateOpenAiTileTokens({ width: 128, height: 64 }, gpt4oLow)).toBe(97 - 12);
  });

  it('takes other models’ constants from configuration, not code', () => {
    // gpt-4o-mini bills images at 2833 + 5667 per tile; the same forum measurement: 8512 high, 2845 low (12 text tokens).
    const gpt4oMini = { base: 2833, perTile: 5667 } as const;
    expect(estimateOpenAiTileTokens({ width: 128, height: 64 }, { ...gpt4oMini, detail: 'high' })).toBe(8512 - 12);
    expect(estimateOpenAiTileTokens({ width: 128, height: 64 }, { ...gpt4oMini, detail: 'low' })).toBe(2845 - 12);
  });

  it('rounds a scaled size that spills past a tile edge up to the extra tile', () => {
    // 1920 × 1080 → 1365.3 × 768: three tiles across, two down.
    expect(estimateOpenAiTileTokens({ width: 1920, height: 1080 }, gpt4oHigh)).toBe(85 + 170 * 6);
  });
});

// Same OpenAI page, the patch-billed models (gpt-4.1-mini, gpt-4.1-nano, …).
describe('estimateOpenAiPatchTokens against OpenAI’s worked examples', () => {
  it('1024 × 1024 is 32 × 32 = 1024 patches, under the 1536 cap', () => {
    expect(estimateOpenAiPatchTokens({ width: 1024, height: 1024 }, { multiplier: 1 })).toBe(1024);
  });

  it('1800 × 2400 needs 57 × 75 = 4275 patches, so it is shrunk to 1056 × 1408: 33 × 44 = 1452', () => {
    expect(estimateOpenAiPatchTokens({ width: 1800, height: 2400 }, { multiplier: 1 })).toBe(1452);
    // Landscape is the same image turned: the rule is symmetric.
    expect(estimateOpenAiPatchTokens({ width: 2400, height: 1800 }, { multiplier: 1 })).toBe(1452);
  });

  it('applies the model multiplier (gpt-4.1-mini 1.62, gpt-4.1-nano 2.46), rounding up', () => {
    expect(estimateOpenAiPatchTokens({ width: 1024, height: 1024 }, { multiplier: 1.62 })).toBe(Math.ceil(1024 * 1.62));
    // 1452 × 1.62 = 2352.24: the figure a forum user computed for 2400 × 1800 on gpt-4.1-mini (billed 2362 with text).
    expect(estimateOpenAiPatchTokens({ width: 2400, height: 1800 }, { multiplier: 1.62 })).toBe(2353);
    expect(estimateOpenAiPatchTokens({ width: 1024, height: 1024 }, { multiplier: 2.46 })).toBe(Math.ceil(1024 * 2.46));
  });

  it('never exceeds the cap, whatever the aspect ratio', () => {
    for (const [width, height] of [
      [8000, 8000],
      [8000, 100],
      [100, 8000],
      [4097, 2049],
      [1537 * 32, 32],
    ] as const) {
      expect(estimateOpenAiPatchTokens({ width, height }, { multiplier: 1 })).toBeLessThanOrEqual(1536);
    }
  });

  it('a 2048 × 768 image is exactly at the cap, unscaled', () => {
    expect(estimateOpenAiPatchTokens({ width: 2048, height: 768 }, { multiplier: 1 })).toBe(1536);
  });
});

// Anthropic, "Vision" → "Evaluate image size" / "Calculate image costs":
// https://docs.anthropic.com/en/docs/build-with-claude/vision — tokens = (width px × height px) / 750.
describe('estimateAnthropicImageTokens against Anthropic’s examples table', () => {
  it.each([
    { width: 200, height: 200, tokens: 54 },
    { width: 1000, height: 1000, tokens: 1334 },
    { width: 1092, height: 1092, tokens: 1590 },
  ])('$width × $height ≈ $tokens tokens', ({ width, height, tokens }) => {
    expect(estimateAnthropicImageTokens({ width, height })).toBe(tokens);
  });

  it('does not shrink the sizes Anthropic lists as the largest sent without resizing', () => {
    for (const [width, height] of [
      [1092, 1092],
      [951, 1268],
      [896, 1344],
      [819, 1456],
      [784, 1568],
    ] as const) {
      expect(estimateAnthropicImageTokens({ width, height })).toBe(Math.ceil((width * height) / 750));
    }
  });

  it('caps a large image at what its resized version costs', () => {
    // A 1:2 image twice the table's 784 × 1568 is resized to it.
    expect(estimateAnthropicImageTokens({ width: 1568, height: 3136 })).toBe(Math.ceil((784 * 1568) / 750));
    // Nothing, however large, costs more than the largest un-resized size.
    expect(estimateAnthropicImageTokens({ width: 8000, height: 8000 })).toBeLessThanOrEqual(Math.ceil((784 * 1568) / 750));
    // A wide strip is limited by its long edge: 3136 × 200 → 1568 × 100.
    expect(estimateAnthropicImageTokens({ width: 3136, height: 200 })).toBe(Math.ceil((1568 * 100) / 750));
  });

  it('takes a larger native resolution from configuration', () => {
    const larger = { maxLongEdge: 2576, maxPixels: 2576 * 1456 };
    expect(estimateAnthropicImageTokens({ width: 2000, height: 1000 }, larger)).toBe(Math.ceil((2000 * 1000) / 750));
  });
});

describe('estimateImageTokens', () => {
  it('dispatches on the rule', () => {
    const size = { width: 1024, height: 1024 };
    expect(estimateImageTokens({ rule: 'openai-tiles', ...gpt4oHigh }, size)).toBe(765);
    expect(estimateImageTokens({ rule: 'openai-patches', multiplier: 1 }, size)).toBe(1024);
    expect(estimateImageTokens({ rule: 'anthropic-pixels' }, { width: 1000, height: 1000 })).toBe(1334);
    expect(estimateImageTokens({ rule: 'free' }, size)).toBe(0);
  });

  it('refuses a size that is not positive whole pixels', () => {
    for (const size of [
      { width: 0, height: 10 },
      { width: 10, height: -1 },
      { width: Number.NaN, height: 10 },
      { width: 10.5, height: 10 },
    ]) {
      expect(() => estimateImageTokens({ rule: 'anthropic-pixels' }, size)).toThrow(RangeError);
      expect(() => estimateImageTokens({ rule: 'free' }, size)).toThrow(RangeError);
    }
  });
});
