import type { RgbaImage } from '../../../core/cv/rgba-image.ts';

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
 * (rows, then columns) with precomputed weights, so it costs a few passes over the pixels.
 * Throws RangeError unless 1 ≤ width ≤ source width and 1 ≤ height ≤ source height.
 */
export function downscaleRgba(source: RgbaImage, width: number, height: number): RgbaImage {
  const { width: sw, height: sh, data } = source;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > sw || height > sh) {
    throw new RangeError(`Cannot downscale ${sw}×${sh} to ${width}×${height}.`);
  }
  const across = axisWeights(sw, width);
  const down = axisWeights(sh, height);
  // Horizontal pass: every source row to `width` columns.
  const rows = new Float32Array(width * sh * 4);
  for (let y = 0; y < sh; y++) {
    const rowIn = y * sw * 4;
    const rowOut = y * width * 4;
    for (let ox = 0; ox < width; ox++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      const first = across.start[ox]!;
      const n = across.count[ox]!;
      const w0 = across.offset[ox]!;
      for (let k = 0; k < n; k++) {
        const w = across.weights[w0 + k]!;
        const i = rowIn + (first + k) * 4;
        r += data[i]! * w;
        g += data[i + 1]! * w;
        b += data[i + 2]! * w;
        a += data[i + 3]! * w;
      }
      const o = rowOut + ox * 4;
      rows[o] = r;
      rows[o + 1] = g;
      rows[o + 2] = b;
      rows[o + 3] = a;
    }
  }
  // Vertical pass: `height` rows from the horizontal sums.
  const out = new Uint8Array(width * height * 4);
  const stride = width * 4;
  for (let oy = 0; oy < height; oy++) {
    const first = down.start[oy]!;
    const n = down.count[oy]!;
    const w0 = down.offset[oy]!;
    const rowOut = oy * stride;
    for (let k = 0; k < stride; k++) {
      let sum = 0;
      for (let j = 0; j < n; j++) sum += rows[(first + j) * stride + k]! * down.weights[w0 + j]!;
      out[rowOut + k] = Math.round(sum);
    }
  }
  return { data: out, width, height };
}
