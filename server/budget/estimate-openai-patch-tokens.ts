import type { ImageSize } from './model-pricing.ts';
import { assertImageSize } from './private/assert-image-size.ts';

// OpenAI, "Images and vision" → "Calculating costs" (https://platform.openai.com/docs/guides/images-vision#calculating-costs),
// for gpt-4.1-mini, gpt-4.1-nano and the other patch-billed models:
//   A. count the 32 px × 32 px patches needed to cover the image;
//   B. if that exceeds 1536, scale the image down so no more than 1536 patches cover it:
//        r = √(32² × 1536 / (width × height)), then
//        r = r × min(⌊width·r/32⌋ / (width·r/32), ⌊height·r/32⌋ / (height·r/32))
//      (worked example: 1800 × 2400 → r = 0.603 → 1086 × 1448 → 33.94 patches wide → × 33/33.94 → 1056 × 1408 → 33 × 44 = 1452);
//   C. the token count is the patch count, capped at 1536;
//   D. multiply by the model's multiplier ("for gpt-4.1-mini, we multiply image tokens by 1.62 … for gpt-4.1-nano … by 2.46").
// GPT-6 models use the same 32 px patches at detail "high" with a 2500-patch cap and a ×1.2 multiplier
// for gpt-6-luna (checked 2026-12-03 against published per-size counts: 1024² → 1229, 1920 × 1080 →
// 2448, 2560 × 1440 → 2931); both live in the model's configuration.
/** Patch edge, px. */
const PATCH = 32;
/** Published cap on patches per image. */
const DEFAULT_MAX_PATCHES = 1536;

export interface OpenAiPatchConstants {
  readonly multiplier: number;
  readonly maxPatches?: number | undefined;
}

/**
 * The size OpenAI looks at on a patch-billed model: the image itself when its patches fit the cap,
 * otherwise the published step B's resize (whole pixels). Throws RangeError on a non-positive size.
 */
export function fitOpenAiPatchImage(image: ImageSize, maxPatches: number = DEFAULT_MAX_PATCHES): ImageSize {
  assertImageSize(image);
  const { width, height } = image;
  if (Math.ceil(width / PATCH) * Math.ceil(height / PATCH) <= maxPatches) return image;
  let r = Math.sqrt((PATCH * PATCH * maxPatches) / (width * height));
  const across = (width * r) / PATCH;
  const down = (height * r) / PATCH;
  r *= Math.min(Math.floor(across) / across, Math.floor(down) / down);
  // Resized images have whole pixels (the worked example's 1056 × 1408); flooring also keeps
  // 1407.9999… from floating-point error out of a 45th patch row.
  return { width: Math.max(1, Math.floor(width * r + 1e-9)), height: Math.max(1, Math.floor(height * r + 1e-9)) };
}

/**
 * Input tokens OpenAI bills for one image on a patch-billed model, from its size in px.
 * The multiplied count is rounded up (a fraction of a token is never billed as less).
 * Throws RangeError on a non-positive size.
 */
export function estimateOpenAiPatchTokens(image: ImageSize, constants: OpenAiPatchConstants): number {
  const maxPatches = constants.maxPatches ?? DEFAULT_MAX_PATCHES;
  const fitted = fitOpenAiPatchImage(image, maxPatches);
  const patches = Math.min(maxPatches, Math.ceil(fitted.width / PATCH) * Math.ceil(fitted.height / PATCH));
  return Math.ceil(patches * constants.multiplier);
}
