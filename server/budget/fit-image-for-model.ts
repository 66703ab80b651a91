import { fitAnthropicImage } from './estimate-anthropic-image-tokens.ts';
import { fitOpenAiPatchImage } from './estimate-openai-patch-tokens.ts';
import type { ImageSize, ImageTokenRule } from './model-pricing.ts';
import { assertImageSize } from './private/assert-image-size.ts';

/**
 * The size an image is sent to a model at: scaled down (never up), aspect ratio kept, to
 * `maxLongEdge` (the operator's choice for that model: its native size, or less for simple
 * screens), then to what the vendor's own rule would shrink it to, so the vendor resamples nothing
 * and the estimate is on the pixels really sent. Throws RangeError on a non-positive size.
 */
export function fitImageForModel(image: ImageSize, rule: ImageTokenRule, maxLongEdge: number): ImageSize {
  assertImageSize(image);
  const scale = Math.min(1, maxLongEdge / Math.max(image.width, image.height));
  const capped = scale === 1 ? image : { width: Math.max(1, Math.floor(image.width * scale + 1e-9)), height: Math.max(1, Math.floor(image.height * scale + 1e-9)) };
  switch (rule.rule) {
    case 'anthropic-patches':
      return fitAnthropicImage(capped, rule);
    case 'openai-patches':
      return fitOpenAiPatchImage(capped, rule.maxPatches);
    case 'openai-tiles':
    case 'gemini-fixed':
    case 'free':
      return capped;
  }
}
