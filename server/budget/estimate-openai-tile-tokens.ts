import type { ImageSize } from './model-pricing.ts';
import { assertImageSize } from './private/assert-image-size.ts';

// OpenAI, "Images and vision" → "Calculating costs" (https://platform.openai.com/docs/guides/images-vision#calculating-costs,
// formerly /docs/guides/vision#calculating-costs): "detail: high images are first scaled to fit within a
// 2048 x 2048 square, maintaining their aspect ratio. Then, they are scaled such that the shortest side of
// the image is 768px long. Finally, we count how many 512px squares the image consists of. Each of those
// squares costs 170 tokens. Another 85 tokens are always added to the final total." detail: low = the base only.
/** The square a high-detail image is first fitted into, px. */
const FIT_SQUARE = 2048;
/** The length the shortest side is then scaled to, px. */
const SHORT_SIDE = 768;
/** The tile edge, px. */
const TILE = 512;

/** Constants of one tile-billed model: gpt-4o is `{ base: 85, perTile: 170 }`. */
export interface OpenAiTileConstants {
  readonly base: number;
  readonly perTile: number;
  readonly detail: 'high' | 'low';
}

/**
 * Input tokens OpenAI bills for one image on a tile-billed model (GPT-4o, GPT-4.1), from its size in px.
 * Images are only ever scaled down: a 500 px square is one tile (measured by OpenAI forum users as
 * 85 + 170 on gpt-4o), not upscaled to 768. Scaled sizes are not rounded before counting tiles, so an
 * edge case rounds towards the larger bill. Throws RangeError on a non-positive size.
 */
export function estimateOpenAiTileTokens(image: ImageSize, constants: OpenAiTileConstants): number {
  assertImageSize(image);
  if (constants.detail === 'low') return constants.base;
  let width = image.width;
  let height = image.height;
  const fit = Math.min(1, FIT_SQUARE / Math.max(width, height));
  width *= fit;
  height *= fit;
  const shorten = Math.min(1, SHORT_SIDE / Math.min(width, height));
  width *= shorten;
  height *= shorten;
  const tiles = Math.ceil(width / TILE) * Math.ceil(height / TILE);
  return constants.base + constants.perTile * tiles;
}
