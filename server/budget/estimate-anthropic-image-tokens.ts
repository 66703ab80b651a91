import type { ImageSize } from './model-pricing.ts';
import { assertImageSize } from './private/assert-image-size.ts';

// Anthropic, "Vision" → "Evaluate image size" and "Calculate image costs"
// (https://docs.anthropic.com/en/docs/build-with-claude/vision): "If your image's long edge is more than
// 1568 pixels, or your image is more than ~1,600 tokens, it will first be scaled down, preserving aspect
// ratio", and "tokens = (width px * height px)/750". Its table of the largest sizes that are not resized:
// 1:1 1092×1092, 3:4 951×1268, 2:3 896×1344, 9:16 819×1456, 1:2 784×1568. Worked examples:
// 200×200 ≈ 54 tokens, 1000×1000 ≈ 1334, 1092×1092 ≈ 1590 (all ⌈w·h/750⌉).
// Anthropic's newer page (platform.claude.com/docs/en/build-with-claude/vision) counts 28 × 28 px patches,
// ⌈w/28⌉ × ⌈h/28⌉, within a per-model native resolution; w·h/750 is ~4 % above w·h/784, so this rule
// stays a safe upper estimate for budgeting. Models with a larger native size (Opus 4.7: 2576 px long
// edge) set `maxLongEdge` and `maxPixels` in their pricing.
/** Long edge above which Claude scales an image down, px. */
const DEFAULT_MAX_LONG_EDGE = 1568;
/** Largest pixel count in Anthropic's "not resized" table (784 × 1568): using the largest keeps estimates from undershooting. */
const DEFAULT_MAX_PIXELS = 784 * 1568;
/** Pixels per token in Anthropic's published formula. */
const PIXELS_PER_TOKEN = 750;

export interface AnthropicImageLimits {
  readonly maxLongEdge?: number | undefined;
  readonly maxPixels?: number | undefined;
}

/**
 * Input tokens Anthropic bills for one image, from its size in px: ⌈w × h / 750⌉ after fitting the
 * documented maximums. Throws RangeError on a non-positive size.
 */
export function estimateAnthropicImageTokens(image: ImageSize, limits: AnthropicImageLimits = {}): number {
  assertImageSize(image);
  const maxLongEdge = limits.maxLongEdge ?? DEFAULT_MAX_LONG_EDGE;
  const maxPixels = limits.maxPixels ?? DEFAULT_MAX_PIXELS;
  const pixels = image.width * image.height;
  const scale = Math.min(1, maxLongEdge / Math.max(image.width, image.height), Math.sqrt(maxPixels / pixels));
  return Math.ceil((pixels * scale * scale) / PIXELS_PER_TOKEN);
}
