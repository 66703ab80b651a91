import { estimateAnthropicImageTokens } from './estimate-anthropic-image-tokens.ts';
import { estimateOpenAiPatchTokens } from './estimate-openai-patch-tokens.ts';
import { estimateOpenAiTileTokens } from './estimate-openai-tile-tokens.ts';
import type { ImageSize, ImageTokenRule } from './model-pricing.ts';
import { assertImageSize } from './private/assert-image-size.ts';

/** Input tokens one image costs under a model's rule (see `ImageTokenRule`). Throws RangeError on a non-positive size. */
export function estimateImageTokens(rule: ImageTokenRule, image: ImageSize): number {
  switch (rule.rule) {
    case 'openai-tiles':
      return estimateOpenAiTileTokens(image, rule);
    case 'openai-patches':
      return estimateOpenAiPatchTokens(image, rule);
    case 'anthropic-patches':
      return estimateAnthropicImageTokens(image, rule);
    case 'gemini-fixed':
      assertImageSize(image);
      return rule.tokensPerImage;
    case 'free':
      assertImageSize(image);
      return 0;
  }
}
