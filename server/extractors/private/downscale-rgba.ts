import type { RgbaImage } from '../../../core/cv/rgba-image.ts';

/**
 * Area-average (box filter) downscale of 8-bit RGBA to `width` × `height`: each output pixel is the
 * mean of the source pixels it covers, fractional edges weighted by coverage. Unlike point or
 * bilinear sampling at large ratios it cannot alias a thin rule into a colour that is not there:
 * flat regions keep their exact value, edges blend as a vendor's own resampler would.
 * Throws RangeError unless 1 ≤ width ≤ source width and 1 ≤ height ≤ source height.
 */
export function downscaleRgba(source: RgbaImage, width: number, height: number): RgbaImage {
  const { width: sw, height: sh, data } = source;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > sw || height > sh) {
    throw new RangeError(`Cannot downscale ${sw}×${sh} to ${width}×${height}.`);
  }
  const out = new Uint8Array(width * height * 4);
  const fx = sw / width;
  const fy = sh / height;
  const sums = new Float64Array(width * 4);
  for (let oy = 0; oy < height; oy++) {
    sums.fill(0);
    const y0 = oy * fy;
    const y1 = y0 + fy;
    for (let sy = Math.floor(y0); sy < Math.min(sh, Math.ceil(y1)); sy++) {
      const wy = Math.min(y1, sy + 1) - Math.max(y0, sy);
      for (let ox = 0; ox < width; ox++) {
        const x0 = ox * fx;
        const x1 = x0 + fx;
        for (let sx = Math.floor(x0); sx < Math.min(sw, Math.ceil(x1)); sx++) {
          const w = wy * (Math.min(x1, sx + 1) - Math.max(x0, sx));
          const i = (sy * sw + sx) * 4;
          const o = ox * 4;
          sums[o] = sums[o]! + data[i]! * w;
          sums[o + 1] = sums[o + 1]! + data[i + 1]! * w;
          sums[o + 2] = sums[o + 2]! + data[i + 2]! * w;
          sums[o + 3] = sums[o + 3]! + data[i + 3]! * w;
        }
      }
    }
    const area = fx * fy;
    for (let k = 0; k < width * 4; k++) out[oy * width * 4 + k] = Math.round(sums[k]! / area);
  }
  return { data: out, width, height };
}
