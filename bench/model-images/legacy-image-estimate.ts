import type { ImageSize } from '../../server/budget/model-pricing.ts';
import { estimateOpenAiPatchTokens } from '../../server/budget/estimate-openai-patch-tokens.ts';

/**
 * What Chorus estimated and sent per image before issue 9 (the configuration at commit 36465ec^,
 * 2026-12-02): every image went at full size, and the estimate used these rules. Kept here only so
 * the bench can print "before" beside "now"; nothing in the server uses them.
 */
export interface LegacyModel {
  readonly model: string;
  readonly inputPerMTok: number;
  readonly outputPerMTok: number;
  readonly maxOutputTokens: number;
  /** Image tokens the old estimator gave a full-size image. */
  readonly imageTokens: (image: ImageSize) => number;
}

/** Claude before the 5.5 rule: ⌈w·h/750⌉ after fitting 1568 px on the long edge and 784 × 1568 px in area. */
function claudePixelTokens(image: ImageSize): number {
  const scale = Math.min(1, 1568 / Math.max(image.width, image.height), Math.sqrt((784 * 1568) / (image.width * image.height)));
  return Math.ceil((Math.round(image.width * scale) * Math.round(image.height * scale)) / 750);
}

/** Old model per extractor id; an id without an entry (Gemini) did not exist then. */
export const LEGACY_MODELS: Readonly<Record<string, LegacyModel>> = {
  openai: { model: 'gpt-4.1-mini', inputPerMTok: 0.4, outputPerMTok: 1.6, maxOutputTokens: 1500, imageTokens: (image) => estimateOpenAiPatchTokens(image, { multiplier: 1.62 }) },
  anthropic: { model: 'claude-haiku-5-5', inputPerMTok: 0.1, outputPerMTok: 0.5, maxOutputTokens: 1500, imageTokens: claudePixelTokens },
  'anthropic-deep': { model: 'claude-sonnet-5-5', inputPerMTok: 2, outputPerMTok: 10, maxOutputTokens: 2500, imageTokens: claudePixelTokens },
};
