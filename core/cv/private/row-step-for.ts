import type { RgbaImage } from '../rgba-image.ts';

/**
 * Most pixels a tier-1 scan visits: a 1440×900 screen is read whole, a 4K one every other
 * row or so, which keeps extraction within its time budget whatever the frame size.
 */
export const PIXEL_BUDGET = 300_000;

/** Visit about every n-th row so that at most `budget` pixels are read. */
export function rowStepFor({ width, height }: RgbaImage, budget: number = PIXEL_BUDGET): number {
  return Math.max(1, Math.ceil((width * height) / budget));
}
