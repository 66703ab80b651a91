import type { RgbaImage } from '../rgba-image.ts';

/**
 * Most pixels a tier-1 scan visits: a 1440×900 screen is read whole, a 4K one every other
 * row or so, which keeps extraction within its time budget whatever the frame size.
 */
export const PIXEL_BUDGET = 300_000;

/** Visit every n-th row so that at most `PIXEL_BUDGET` pixels are read. */
export function rowStepFor({ width, height }: RgbaImage): number {
  return Math.max(1, Math.ceil((width * height) / PIXEL_BUDGET));
}
