import type { ImageSize } from './model-pricing.ts';
import { assertImageSize } from './private/assert-image-size.ts';

// Anthropic, "Images and vision" → "Calculate image costs" (platform.claude.com/docs/en/build-with-claude/vision,
// checked 2026-12-03): an image costs ⌈width/28⌉ × ⌈height/28⌉ visual tokens (28 px patches), and one
// larger than the model's native size is first scaled down, aspect ratio kept, until it fits both the
// long edge and the per-image token cap: 1568 px / 1568 tokens on the standard tier (Haiku 4.5,
// Sonnet 4.6), 2576 px / 4784 tokens (92 × 52 patches) on the high-resolution tier (Claude 4.7 and
// later: Haiku 5.5, Sonnet 5.5). Worked example from that page: 1000 × 1000 px = 36 × 36 = 1296 tokens.
// (The older w·h/750 rule is ~4 % off on small images and ignores the cap on large ones.)
/** Patch edge, px. */
const PATCH = 28;
/** Standard-tier defaults, for a rule that names no limits. */
const DEFAULT_MAX_LONG_EDGE = 1568;
const DEFAULT_MAX_TOKENS = 1568;

export interface AnthropicImageLimits {
  readonly maxLongEdge?: number | undefined;
  readonly maxTokens?: number | undefined;
}

/** Visual tokens of an image of exactly this size: one per started 28 px patch. */
const patchesOf = (width: number, height: number): number => Math.ceil(width / PATCH) * Math.ceil(height / PATCH);

/**
 * The size Claude looks at: the image scaled down (never up), aspect ratio kept, to its long-edge
 * limit and then until its patches fit the token cap. Whole pixels, at least 1 × 1. Sending this
 * size spares the upload and the model's own resampling. Throws RangeError on a non-positive size.
 */
export function fitAnthropicImage(image: ImageSize, limits: AnthropicImageLimits = {}): ImageSize {
  assertImageSize(image);
  const maxLongEdge = limits.maxLongEdge ?? DEFAULT_MAX_LONG_EDGE;
  const maxTokens = limits.maxTokens ?? DEFAULT_MAX_TOKENS;
  const { width, height } = image;
  let scale = Math.min(1, maxLongEdge / Math.max(width, height));
  // Patches grow with area: start at the area that would fit exactly, then step down a pixel of the long edge at a time.
  if (patchesOf(Math.floor(width * scale), Math.floor(height * scale)) > maxTokens) scale = Math.min(scale, Math.sqrt((maxTokens * PATCH * PATCH) / (width * height)));
  const longEdge = Math.max(width, height);
  for (let edge = Math.floor(longEdge * scale); edge >= 1; edge--) {
    const s = edge / longEdge;
    const w = Math.max(1, Math.floor(width * s + 1e-9));
    const h = Math.max(1, Math.floor(height * s + 1e-9));
    if (patchesOf(w, h) <= maxTokens) return { width: w, height: h };
  }
  return { width: 1, height: 1 };
}

/** Input tokens Anthropic bills for one image of this size (after its own downscale). Throws RangeError on a non-positive size. */
export function estimateAnthropicImageTokens(image: ImageSize, limits: AnthropicImageLimits = {}): number {
  const fitted = fitAnthropicImage(image, limits);
  return patchesOf(fitted.width, fitted.height);
}
