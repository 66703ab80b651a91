import type { RgbaImage } from '../../../core/cv/rgba-image.ts';
import { pixelWords } from '../../../core/cv/private/pixel-words.ts';

/** For each output index along one axis: the source indices it covers and each one's coverage weight (summing to 1). */
interface AxisWeights {
  readonly start: Int32Array;
  readonly count: Int32Array;
  readonly weights: Float64Array;
  readonly offset: Int32Array;
}

function axisWeights(source: number, target: number): AxisWeights {
  const f = source / target;
  const start = new Int32Array(target);
  const count = new Int32Array(target);
  const offset = new Int32Array(target);
  const list: number[] = [];
  for (let o = 0; o < target; o++) {
    const lo = o * f;
    const hi = lo + f;
    const first = Math.floor(lo);
    const last = Math.min(source, Math.ceil(hi));
    start[o] = first;
    count[o] = last - first;
    offset[o] = list.length;
    for (let s = first; s < last; s++) list.push((Math.min(hi, s + 1) - Math.max(lo, s)) / f);
  }
  return { start, count, weights: Float64Array.from(list), offset };
}

/**
 * Area-average (box filter) downscale of 8-bit RGBA to `width` × `height`: each output pixel is the
 * mean of the source pixels it covers, fractional edges weighted by coverage. Unlike point or
 * bilinear sampling at large ratios it cannot alias a thin rule into a colour that is not there:
 * flat regions keep their exact value, edges blend as a vendor's own resampler would. Separable
 * (rows, then columns) with precomputed weights, so it costs a few passes over the pixels; runs of
 * one value (a screenshot's fills) are copied, not summed.
 * Throws RangeError unless 1 ≤ width ≤ source width and 1 ≤ height ≤ source height.
 */
export function downscaleRgba(source: RgbaImage, width: number, height: number): RgbaImage {
  const { width: sw, height: sh, data } = source;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > sw || height > sh) {
    throw new RangeError(`Cannot downscale ${sw}×${sh} to ${width}×${height}.`);
  }
  const across = axisWeights(sw, width);
  const down = axisWeights(sh, height);
  const words = pixelWords(source);
  const stride = width * 4;
  // Source rows scaled across to `width` columns, kept in a ring just deep enough for the rows one
  // output row covers: output rows need source rows in order, so each is scaled once, and no
  // frame-sized buffer of sums is made (at 2560 × 1600 that was 40 MB written and read again).
  const depth = Math.max(...down.count) + 1;
  const ring = Array.from({ length: depth }, () => new Float32Array(stride));
  const ringRow = new Int32Array(depth).fill(-1);
  const scaledRow = (y: number): Float32Array => {
    const slot = y % depth;
    const row = ring[slot]!;
    if (ringRow[slot] === y) return row;
    ringRow[slot] = y;
    const rowIn = y * sw * 4;
    const wordsIn = y * sw;
    for (let ox = 0; ox < width; ox++) {
      const first = across.start[ox]!;
      const n = across.count[ox]!;
      const o = ox * 4;
      // Where every source pixel an output pixel covers is the same (most of a screenshot: fills),
      // the mean is that pixel and no sum is needed.
      const word = words[wordsIn + first]!;
      let flat = true;
      for (let k = 1; k < n && flat; k++) flat = words[wordsIn + first + k] === word;
      if (flat) {
        const i = rowIn + first * 4;
        row[o] = data[i]!;
        row[o + 1] = data[i + 1]!;
        row[o + 2] = data[i + 2]!;
        row[o + 3] = data[i + 3]!;
        continue;
      }
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      const w0 = across.offset[ox]!;
      for (let k = 0; k < n; k++) {
        const w = across.weights[w0 + k]!;
        const i = rowIn + (first + k) * 4;
        r += data[i]! * w;
        g += data[i + 1]! * w;
        b += data[i + 2]! * w;
        a += data[i + 3]! * w;
      }
      row[o] = r;
      row[o + 1] = g;
      row[o + 2] = b;
      row[o + 3] = a;
    }
    return row;
  };
  // Down: each output row is the weighted sum of the scaled source rows it covers, added row by row (memory order).
  const out = new Uint8Array(width * height * 4);
  const sums = new Float64Array(stride);
  for (let oy = 0; oy < height; oy++) {
    const first = down.start[oy]!;
    const n = down.count[oy]!;
    const w0 = down.offset[oy]!;
    const rowOut = oy * stride;
    // Sums are never negative, so adding a half and truncating rounds as Math.round does, cheaper.
    if (n === 2) {
      // The common case at the ratios models are sent (up to 2×): two rows, no row of sums.
      const a = scaledRow(first), b = scaledRow(first + 1);
      const wa = down.weights[w0]!, wb = down.weights[w0 + 1]!;
      for (let k = 0; k < stride; k++) out[rowOut + k] = (a[k]! * wa + b[k]! * wb + 0.5) | 0;
      continue;
    }
    sums.fill(0);
    for (let j = 0; j < n; j++) {
      const w = down.weights[w0 + j]!;
      const row = scaledRow(first + j);
      for (let k = 0; k < stride; k++) sums[k]! += row[k]! * w;
    }
    for (let k = 0; k < stride; k++) out[rowOut + k] = (sums[k]! + 0.5) | 0;
  }
  return { data: out, width, height };
}
