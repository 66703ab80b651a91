import type { RgbaImage } from '../rgba-image.ts';
import { ColorCounter } from './color-counter.ts';
import { OPAQUE_ALPHA, pixelWords } from './pixel-words.ts';

export interface FlatScan {
  readonly counter: ColorCounter;
  /** Opaque pixels visited. */
  readonly total: number;
}

/**
 * Counts every opaque pixel on every `rowStep`-th row by exact colour, and how many of them are
 * "flat": equal to a horizontal or vertical neighbour. UI fills, text stems and 1 px rules are
 * flat; anti-aliased blends and photographic noise mostly are not. Runs of equal pixels are
 * counted with one table update, which is what makes a full pass over a flat UI cheap.
 */
export function scanFlatRuns(image: RgbaImage, rowStep: number): FlatScan {
  const { width, height } = image;
  const words = pixelWords(image);
  const counter = new ColorCounter();
  let total = 0;
  for (let y = 0; y < height; y += rowStep) {
    const row = y * width;
    const above = y > 0 ? row - width : -1;
    const below = y + 1 < height ? row + width : -1;
    let x = 0;
    while (x < width) {
      const word = words[row + x]!;
      let end = x + 1;
      while (end < width && words[row + end] === word) end++;
      if (word >>> 24 >= OPAQUE_ALPHA) {
        const run = end - x;
        total += run;
        let flat = run;
        if (run === 1) {
          const isFlat = (below >= 0 && words[below + x] === word) || (above >= 0 && words[above + x] === word);
          flat = isFlat ? 1 : 0;
        }
        counter.add(word & 0xffffff, run, flat);
      }
      x = end;
    }
  }
  return { counter, total };
}
