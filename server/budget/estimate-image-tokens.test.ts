import { describe, expect, it } from 'vitest';
import { estimateAnthropicImageTokens, fitAnthropicImage } from './estimate-anthropic-image-tokens.ts';
import { fitImageForModel } from './fit-image-for-model.ts';
import { estimateImageTokens } from './estimate-image-tokens.ts';
import { estimateOpenAiPatchTokens, fitOpenAiPatchImage } from './estimate-openai-patch-tokens.ts';
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

// Anthropic, "Images and vision" → "Calculate image costs" (platform.claude.com/docs/en/build-with-claude/vision,
// checked 2026-12-03): ⌈width/28⌉ × ⌈height/28⌉ tokens, within the model's long edge and per-image cap.
describe('estimateAnthropicImageTokens against Anthropic’s rule and examples', () => {
  const highRes = { maxLongEdge: 2576, maxTokens: 4784 } as const;

  it('1000 × 1000 px is 36 × 36 = 1296 tokens (Anthropic’s worked example)', () => {
    expect(estimateAnthropicImageTokens({ width: 1000, height: 1000 }, highRes)).toBe(1296);
    expect(estimateAnthropicImageTokens({ width: 1000, height: 1000 })).toBe(1296);
  });

  it('counts a started patch as a whole one', () => {
    expect(estimateAnthropicImageTokens({ width: 29, height: 28 }, highRes)).toBe(2);
    expect(estimateAnthropicImageTokens({ width: 1, height: 1 }, highRes)).toBe(1);
  });

  it('sends 2576 × 1456 unscaled on the high-resolution tier: exactly its 92 × 52 = 4784-token cap', () => {
    expect(fitAnthropicImage({ width: 2576, height: 1456 }, highRes)).toEqual({ width: 2576, height: 1456 });
    expect(estimateAnthropicImageTokens({ width: 2576, height: 1456 }, highRes)).toBe(4784);
  });

  it('scales a larger image down until it fits both the long edge and the cap, never past either', () => {
    for (const [width, height] of [
      [3840, 2160],
      [8000, 8000],
      [8000, 100],
      [100, 8000],
      [2880, 1800],
    ] as const) {
      const fitted = fitAnthropicImage({ width, height }, highRes);
      expect(Math.max(fitted.width, fitted.height)).toBeLessThanOrEqual(2576);
      expect(Math.ceil(fitted.width / 28) * Math.ceil(fitted.height / 28)).toBeLessThanOrEqual(4784);
      // Aspect ratio kept to within a pixel's rounding.
      expect(Math.abs(fitted.width / fitted.height - width / height) / (width / height)).toBeLessThan(0.02);
      expect(estimateAnthropicImageTokens({ width, height }, highRes)).toBeLessThanOrEqual(4784);
    }
  });

  it('on the standard tier caps at 1568 px and 1568 tokens', () => {
    const fitted = fitAnthropicImage({ width: 2880, height: 1800 });
    expect(Math.ceil(fitted.width / 28) * Math.ceil(fitted.height / 28)).toBeLessThanOrEqual(1568);
    expect(fitted.width).toBeLessThanOrEqual(1568);
  });

  it('never scales up', () => {
    expect(fitAnthropicImage({ width: 300, height: 200 }, highRes)).toEqual({ width: 300, height: 200 });
  });
});

describe('fitOpenAiPatchImage: the size gpt-6-luna looks at', () => {
  it('keeps an image whose patches fit the 2500 cap', () => {
    expect(fitOpenAiPatchImage({ width: 1920, height: 1080 }, 2500)).toEqual({ width: 1920, height: 1080 });
    // 60 × 34 = 2040 patches × 1.2 = 2448 tokens, the published figure for 1920 × 1080.
    expect(estimateOpenAiPatchTokens({ width: 1920, height: 1080 }, { multiplier: 1.2, maxPatches: 2500 })).toBe(2448);
  });

  it('shrinks 2560 × 1440 to 2104 × 1184: 66 × 37 = 2442 patches, 2931 tokens at × 1.2', () => {
    expect(fitOpenAiPatchImage({ width: 2560, height: 1440 }, 2500)).toEqual({ width: 2104, height: 1184 });
    expect(estimateOpenAiPatchTokens({ width: 2560, height: 1440 }, { multiplier: 1.2, maxPatches: 2500 })).toBe(2931);
  });
});

describe('fitImageForModel', () => {
  it('applies the operator’s long edge first, then the vendor’s own rule', () => {
    const rule = { rule: 'anthropic-patches', maxLongEdge: 2576, maxTokens: 4784 } as const;
    expect(fitImageForModel({ width: 2880, height: 1800 }, rule, 1568)).toEqual({ width: 1568, height: 980 });
    expect(fitImageForModel({ width: 1000, height: 500 }, { rule: 'gemini-fixed', tokensPerImage: 1120 }, 1536)).toEqual({ width: 1000, height: 500 });
    expect(fitImageForModel({ width: 3072, height: 1536 }, { rule: 'gemini-fixed', tokensPerImage: 1120 }, 1536)).toEqual({ width: 1536, height: 768 });
  });
});

describe('estimateImageTokens', () => {
  it('dispatches on the rule', () => {
    const size = { width: 1024, height: 1024 };
    expect(estimateImageTokens({ rule: 'openai-tiles', ...gpt4oHigh }, size)).toBe(765);
    expect(estimateImageTokens({ rule: 'openai-patches', multiplier: 1 }, size)).toBe(1024);
    expect(estimateImageTokens({ rule: 'anthropic-patches' }, { width: 1000, height: 1000 })).toBe(1296);
    expect(estimateImageTokens({ rule: 'gemini-fixed', tokensPerImage: 1120 }, { width: 4000, height: 3000 })).toBe(1120);
    expect(estimateImageTokens({ rule: 'free' }, size)).toBe(0);
  });

  it('refuses a size that is not positive whole pixels', () => {
    for (const size of [
      { width: 0, height: 10 },
      { width: 10, height: -1 },
      { width: Number.NaN, height: 10 },
      { width: 10.5, height: 10 },
    ]) {
      expect(() => estimateImageTokens({ rule: 'anthropic-patches' }, size)).toThrow(RangeError);
      expect(() => estimateImageTokens({ rule: 'free' }, size)).toThrow(RangeError);
    }
  });
});
