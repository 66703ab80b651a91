import type { RgbaImage } from '../rgba-image.ts';
import { mulberry32 } from '../../random/mulberry32.ts';
import { ColorCounter } from './color-counter.ts';
import { isOutlineRow } from './is-outline-row.ts';
import { OPAQUE_ALPHA, pixelWords } from './pixel-words.ts';

/** Anti-aliasing is one or two pixels wide at 1x and 2x; a wider run is a stroke of its own. */
const MAX_BLEND_RUN = 2;
/** Rounding slack (0–255) when testing whether a value lies between two others. */
const BETWEEN_SLACK = 1;
/** A step of a vertical gradient (a title bar, a button's sheen) is a band of at most this many rows. */
const GRADIENT_BAND = 4;
/**
 * Runs shorter than this are not tested for being a gradient's band: a band spans its bar, and the
 * short stretches between a title's letters are too few of its pixels to decide what it is.
 */
const GRADIENT_MIN_RUN = 8;
/** Largest per-channel difference (0–255) between a gradient band and the next band: ramps move in small steps. */
const RAMP_STEP = 12;

/** True when every channel of the two colours is within `RAMP_STEP`. */
function isRampStep(c: number, p: number): boolean {
  for (let shift = 0; shift < 24; shift += 8) if (Math.abs(((c >>> shift) & 255) - ((p >>> shift) & 255)) > RAMP_STEP) return false;
  return true;
}

/**
 * True when the run at (`x`, `y`) is one band of a vertical gradient: the column through it holds
 * its value for at most `GRADIENT_BAND` rows, and the values just above and below that band lie
 * either side of it, one of them a small step away.
 */
function isGradientBand(words: Uint32Array, width: number, height: number, x: number, y: number, word: number): boolean {
  let up = y - 1;
  while (up >= 0 && y - up <= GRADIENT_BAND && words[up * width + x] === word) up--;
  // Already taller than a band above this row (a fill): no need to look below.
  if (up < 0 || y - up > GRADIENT_BAND) return false;
  let down = y + 1;
  while (down < height && down - y <= GRADIENT_BAND && words[down * width + x] === word) down++;
  if (up < 0 || down >= height || down - up - 1 > GRADIENT_BAND) return false;
  const above = words[up * width + x]!, below = words[down * width + x]!;
  return isBetween(word, above, below) && (isRampStep(word, above) || isRampStep(word, below));
}

/** True when `c` differs from both neighbours and each channel of `c` lies between theirs. */
function isBetween(c: number, p: number, q: number): boolean {
  if (c === p || c === q || ((p ^ q) & 0xffffff) === 0) return false;
  for (let shift = 0; shift < 24; shift += 8) {
    const cv = (c >>> shift) & 255, pv = (p >>> shift) & 255, qv = (q >>> shift) & 255;
    if (cv < Math.min(pv, qv) - BETWEEN_SLACK || cv > Math.max(pv, qv) + BETWEEN_SLACK) return false;
  }
  return true;
}

export interface FlatScan {
  readonly counter: ColorCounter;
  /** Opaque pixels visited. */
  readonly total: number;
}

/**
 * Counts every opaque pixel on about one row in `rowStep` by exact colour, and how many of them are
 * "flat": equal to a horizontal or vertical neighbour. UI fills, text stems and 1 px rules are
 * flat; anti-aliased blends and photographic noise mostly are not. Runs of equal pixels are
 * counted with one table update, which is what makes a full pass over a flat UI cheap.
 * A short run whose value lies between its left and right neighbours, or a run whose value lies
 * between the pixels above and below its middle, is counted as "between": the signature of an
 * anti-aliased edge, where ink and ground blend. So is a run that is one thin band of a vertical
 * gradient (a window's title bar): each band lies between the bands above and below it.
 */
export function scanFlatRuns(image: RgbaImage, rowStep: number): FlatScan {
  const { width, height } = image;
  const words = pixelWords(image);
  const counter = new ColorCounter();
  let total = 0;
  // Steps vary around rowStep (seeded, so the same image reads the same rows): a fixed stride
  // that divides a layout's rhythm (table rows every 40 px) would see every rule or none.
  const random = mulberry32(width * 0x9e37 + height);
  for (let y = 0; y < height; y += rowStep === 1 ? 1 : 1 + Math.floor(random() * (2 * rowStep - 1))) {
    const row = y * width;
    if (isOutlineRow(y, height)) continue;
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
        let between = 0;
        if (run <= MAX_BLEND_RUN && x > 0 && end < width && isBetween(word, words[row + x - 1]!, words[row + end]!)) between = run;
        else if (above >= 0 && below >= 0) {
          const mid = (x + end) >> 1;
          if (isBetween(word, words[above + mid]!, words[below + mid]!) || (run >= GRADIENT_MIN_RUN && isGradientBand(words, width, height, mid, y, word))) between = run;
        }
        counter.add(word & 0xffffff, run, flat, between);
      }
      x = end;
    }
  }
  return { counter, total };
}
